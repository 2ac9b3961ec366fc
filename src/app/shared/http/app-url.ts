/**
 * A path of the dashboard's origin (`/api/tasks`, `/ws/telemetry`) as a URL under the base the
 * app is served at: the same build works at `/` and under a prefix such as `/cloudai/`, where the
 * dashboard's server takes the prefix off before forwarding to the master. The base is the page's
 * `<base href>` (the server sets it), or in the data worker the worker script's own folder, which
 * is the same place.
 */
export function underBase(path: string, base: string = currentBase()): string {
  return new URL(path.replace(/^\/+/, ''), base).href;
}

function currentBase(): string {
  return globalThis.document?.baseURI ?? globalThis.location.href;
}
