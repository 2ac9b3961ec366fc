/**
 * `compute`, run once for each object it is given and remembered for as long as that object lives:
 * for inputs that never change once made (a list of workers, a usage history), whose derived values
 * many readers ask for again and again.
 */
export function oncePerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    if (results.has(key)) return results.get(key) as V;
    const result = compute(key);
    results.set(key, result);
    return result;
  };
}
