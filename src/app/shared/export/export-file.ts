/** A list exported as a file: one flat record per row, the same in CSV and in JSON. */
export type ExportRecord = Readonly<Record<string, string | number | boolean | null>>;

export type ExportFormat = 'csv' | 'json';

export interface ExportedFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/**
 * The file name says what is in it: the cluster (when named), the list, the filter and the time
 * (UTC, to the second), in characters every file system takes:
 * `cloudai-prod-eu-tasks-failed-2026-12-02T04-35-07Z.csv`.
 */
export function exportFileName(cluster: string, list: string, filter: string, at: Date, format: ExportFormat): string {
  const time = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  const parts = ['cloudai', cluster, list, filter].map(safePart).filter((part) => part !== '');
  return `${parts.join('-')}-${time}.${format}`;
}

function safePart(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Offers `file` to the browser as a download. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  // The click has handed the file over; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
