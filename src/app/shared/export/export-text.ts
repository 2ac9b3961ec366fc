import { unparse } from 'papaparse';
import { ExportFormat, ExportRecord } from './export-file';

/**
 * The records as a file's text: CSV with a header row (quoted as spreadsheets expect, by
 * papaparse; a leading `=`, `+`, `-` or `@` is escaped so a spreadsheet does not run it as a
 * formula), or a JSON array. Loaded only when someone exports.
 */
export function exportText(records: readonly ExportRecord[], fields: readonly string[], format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const csv = unparse(
    { fields: [...fields], data: records.map((record) => fields.map((field) => record[field] ?? '')) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  // Every line ends with a line break, the last one too (papaparse ends the header alone with one).
  return `${csv.replace(/\r\n$/, '')}\r\n`;
}

export const EXPORT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};
