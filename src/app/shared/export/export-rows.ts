import { ExportFormat, ExportRecord, downloadFile } from './export-file';

/**
 * Downloads `records` as `name`, in `format` with the columns `fields`. The CSV writer is loaded
 * only now, so the lists do not carry it.
 */
export async function exportRows(
  records: readonly ExportRecord[],
  fields: readonly string[],
  format: ExportFormat,
  name: string,
): Promise<void> {
  const { exportText, EXPORT_TYPE } = await import('./export-text');
  downloadFile({ name, type: EXPORT_TYPE[format], text: exportText(records, fields, format) });
}
