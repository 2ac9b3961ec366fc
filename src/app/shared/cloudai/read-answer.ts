/** A REST answer too broken to use at all: the request counts as failed, and the last good data stays. */
export class UnreadableAnswerError extends Error {}

/**
 * Reads a REST answer given as text with `parse`, which returns `null` for a body it cannot use:
 * the entries that could be read and how many were left out, or {@link UnreadableAnswerError}.
 * Free of Angular, so the data worker reads answers the same way as the page.
 */
export function readAnswerText<T>(
  raw: string,
  what: string,
  parse: (body: unknown) => { readonly entries: T[]; readonly rejected: number } | null,
): { readonly entries: T[]; readonly rejected: number } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  const parsed = body === undefined ? null : parse(body);
  if (parsed === null) {
    throw new UnreadableAnswerError(`The master sent ${what} that could not be read.`);
  }
  return parsed;
}
