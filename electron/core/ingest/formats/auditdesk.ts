// Format `auditdesk`: records of CONTRACT §1 as NDJSON, a JSON array, or CSV with §1 names as header.
import type { Line } from '../line-reader';
import { CellError, decodeCell, EXTRA_COLUMN } from './auditdesk-csv-cells';
import { csvRows } from './csv-rows';
import { peekFirstLine } from './peek-lines';
import type { FormatContext, ImportFormat, ParsedItem } from './import-format';
import { jsonArrayElements, ndjsonItems, parseJsonItem } from './json-values';

export const auditdeskFormat: ImportFormat = {
  name: 'auditdesk',
  detect: (sample) => {
    const start = sample.replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return /"kind"\s*:/.test(sample) && /"tenant"\s*:/.test(sample);
    const header = start.split(/\r?\n/, 1)[0] ?? '';
    const names = header.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
    return names.includes('id') && names.includes('kind') && names.includes('tenant');
  },
  read: (lines, context) => readAuditdesk(lines, context),
};

async function* readAuditdesk(lines: AsyncIterable<Line>, context: FormatContext): AsyncGenerator<ParsedItem> {
  // The first non-blank line chooses NDJSON, JSON array or CSV.
  const { first, lines: replay } = await peekFirstLine(lines);
  if (!first) return; // an empty file: 0 records
  const lead = first.text.trimStart()[0];
  if (lead === '[') yield* arrayItems(replay);
  else if (lead === '{') yield* ndjsonItems(replay);
  else yield* csvItems(replay, context);
}

async function* arrayItems(lines: AsyncIterable<Line>): AsyncGenerator<ParsedItem> {
  for await (const element of jsonArrayElements(lines)) {
    if ('error' in element) yield { line: element.line, errors: [{ field: '(json)', message: element.error }] };
    else yield parseJsonItem(element.text, element.line);
  }
}

export async function* csvItems(lines: AsyncIterable<Line>, _context: FormatContext): AsyncGenerator<ParsedItem> {
  let header: string[] | null = null;
  for await (const row of csvRows(lines)) {
    if ('error' in row) yield { line: row.line, errors: [{ field: '(csv)', message: row.error }] };
    else if (!header) header = row.cells.map((c) => c.text.trim());
    else yield rowToItem(header, row.cells, row.line);
  }
}

function rowToItem(header: string[], cells: Array<{ text: string; quoted: boolean }>, line: number): ParsedItem {
  const record: Record<string, unknown> = {};
  const errors: Array<{ field: string; message: string }> = [];
  header.forEach((name, i) => {
    const cell = cells[i];
    if (!cell) return;
    try {
      const decoded = decodeCell(name, cell.text, cell.quoted);
      if (decoded.absent) return;
      if (name === EXTRA_COLUMN) {
        if (typeof decoded.value !== 'object' || decoded.value === null || Array.isArray(decoded.value)) {
          throw new CellError('must be a JSON object of extra members');
        }
        Object.assign(record, decoded.value);
      } else {
        record[name] = decoded.value;
      }
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push({ field: name, message: error.message });
    }
  });
  return errors.length ? { line, errors } : { line, record };
}
