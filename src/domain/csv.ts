/**
 * CSV as RFC 4180 writes it, for files people open in Excel or Sheets: fields with a comma, a
 * quote or a line break are quoted and their quotes doubled; records end in CRLF; the document
 * starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page.
 */

export type CsvValue = string | number | null | undefined;

/** The UTF-8 byte order mark, as a character: encoded as UTF-8 it becomes EF BB BF. */
export const utf8Bom = '\uFEFF';

/**
 * Text that Excel and Sheets would run as a formula when it starts a cell (`=`, `+`, `-`, `@`, a
 * tab or a carriage return). Epic summaries and titles are anyone's text, so such a cell gets a
 * leading apostrophe: shown as text, never evaluated (OWASP's advice on CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One field: numbers as they are, text guarded against formulas and quoted when it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined by CRLF, each ending in CRLF (RFC 4180 allows the last one's to be left off; Excel prefers it). */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * A whole file: the byte order mark, then the records, each as wide as the first (the header).
 * RFC 4180 says every record "should contain the same number of fields", and spreadsheet imports
 * and CSV parsers in strict mode reject ragged files, so shorter rows get empty trailing fields.
 * A row wider than its header is a bug in the caller: it would shift data under the wrong heading.
 */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const width = rows[0]?.length ?? 0;
  const even = rows.map((row, index) => {
    if (row.length > width) throw new Error(`CSV row ${index} has ${row.length} fields under a ${width}-field header`);
    return row.length === width ? row : [...row, ...new Array<CsvValue>(width - row.length).fill('')];
  });
  return utf8Bom + csvText(even);
}
