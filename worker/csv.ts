/**
 * CSV as RFC 4180 describes it: comma-separated, fields optionally in double quotes, a quote
 * inside a quoted field doubled, CRLF or LF between records, newlines allowed inside quotes.
 * Only what cannot be read at all (an unclosed quote, text after a closing quote) fails.
 */

export interface CsvRecord {
  /** 1-based record number in the file (the header is 1), as a spreadsheet numbers rows. */
  row: number;
  cells: string[];
}

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; row: number; message: string };

/** Parses CSV text (a leading UTF-8 BOM is dropped). Blank lines are skipped. */
export const parseCsv = (input: string): CsvParse => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let i = 0;
  let quotedRecord = false;
  const endRecord = () => {
    cells.push(cell);
    // A line with nothing on it is not a record.
    if (!(cells.length === 1 && cells[0] === '' && !quotedRecord)) records.push({ row, cells });
    row += 1;
    cells = [];
    cell = '';
    quotedRecord = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // Quoted field: runs to the next lone quote.
      quotedRecord = true;
      i += 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        cell += c;
        i += 1;
      }
      if (!closed) return { ok: false, row, message: 'a quoted field is never closed' };
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, row, message: 'text after a closing quote' };
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted field (`=HYPERLINK("x")`) is kept as text, as spreadsheet
      // apps and Python's csv module read it.
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || cells.length > 0 || quotedRecord) endRecord();
  return { ok: true, records };
};

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a leading tab / CR) gets a
 * leading apostrophe, so an exported note cannot execute in the reader's Excel.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export const neutralise = (value: string): string =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

const quote = (value: string): string =>
  /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** One CSV record with RFC 4180 quoting and formula neutralisation. */
export const csvLine = (cells: (string | number | boolean | null)[]): string =>
  cells.map((c) => (c === null ? '' : quote(neutralise(String(c))))).join(',');
