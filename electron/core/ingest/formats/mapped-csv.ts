// Format `csv`: the contract's CSV (the auditdesk format's reader), or, with `--map FILE`, any CSV
// whose columns a mapping file assigns to record fields (mapped-csv-map.ts). Not auto-detected: a CSV
// with §1's header is taken by format auditdesk, any other needs its map.
import { parse as parseCsv } from 'csv-parse';
import type { Line } from '../line-reader';
import { csvItems } from './auditdesk';
import type { ImportFormat, ParsedItem } from './import-format';
import { applyColumnMap, loadColumnMap, missingColumns, type ColumnMap } from './mapped-csv-map';

export const csvFormat: ImportFormat = {
  name: 'csv',
  detect: () => false,
  read: (lines, context) => (context.options.map ? mappedRows(lines, loadColumnMap(context.options.map)) : csvItems(lines, context)),
};

export async function* mappedRows(lines: AsyncIterable<Line>, map: ColumnMap): AsyncGenerator<ParsedItem> {
  const parser = parseCsv({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  let header: string[] | null = null;
  let nextStart = 1;
  let failure: (Error & { lines?: number }) | null = null;
  parser.on('error', (error) => (failure = error));
  const drain = function* (): Generator<ParsedItem> {
    let row: { record: string[]; info: { lines: number } } | null;
    while ((row = parser.read() as typeof row) !== null) {
      const line = nextStart;
      nextStart = row.info.lines + 1;
      if (!header) {
        header = row.record.map((h) => h.trim());
        const missing = missingColumns(map, header);
        if (missing.length) {
          yield { line, errors: [{ field: '(map)', message: `the map names columns the file does not have: ${missing.join(', ')}` }] };
        }
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((name, i) => (cells[name] = row!.record[i] ?? ''));
      const mapped = applyColumnMap(map, cells);
      yield 'errors' in mapped ? { line, errors: mapped.errors } : { line, record: mapped.record };
    }
  };
  for await (const line of lines) {
    parser.write(`${line.text}\n`);
    if (failure) break;
    yield* drain();
  }
  if (!failure) {
    parser.end();
    yield* drain();
  }
  if (failure) {
    const err = failure as Error & { lines?: number };
    yield { line: err.lines ?? nextStart, errors: [{ field: '(csv)', message: `invalid CSV: ${err.message}` }] };
  }
}
