/**
 * Orders text as `localeCompare` does, many times faster: lists of 10,000 rows are sorted on
 * every update. (`Intl.Collator`'s `compare` is bound to its collator, so it can be passed around.)
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;
