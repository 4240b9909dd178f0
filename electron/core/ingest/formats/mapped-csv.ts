// Format `csv`: the contract's CSV (the auditdesk format's reader), or, with `--map FILE`, any CSV
// whose columns a mapping file assigns to record fields (mapped-csv-map.ts). Not auto-detected: a CSV
// with §1's header is taken by format auditdesk, any other needs its map.
import type { Line } from '../line-reader';
import { csvItems } from './auditdesk';
import { csvRows } from './csv-rows';
import type { ImportFormat, ParsedItem } from './import-format';
import { applyColumnMap, loadColumnMap, missingColumns, type ColumnMap } from './mapped-csv-map';

export const csvFormat: ImportFormat = {
  name: 'csv',
  detect: () => false,
  read: (lines, context) => (context.options.map ? mappedRows(lines, loadColumnMap(context.options.map)) : csvItems(lines, context)),
};

export async function* mappedRows(lines: AsyncIterable<Line>, map: ColumnMap): AsyncGenerator<ParsedItem> {
  let header: string[] | null = null;
  for await (const row of csvRows(lines, { relaxColumnCount: true })) {
    if ('error' in row) {
      yield { line: row.line, errors: [{ field: '(csv)', message: row.error }] };
    } else if (!header) {
      header = row.cells.map((c) => c.text.trim());
      const missing = missingColumns(map, header);
      if (missing.length) {
        yield { line: row.line, errors: [{ field: '(map)', message: `the map names columns the file does not have: ${missing.join(', ')}` }] };
      }
    } else {
      const cells: Record<string, string> = {};
      header.forEach((name, i) => (cells[name] = row.cells[i]?.text ?? ''));
      const mapped = applyColumnMap(map, cells);
      yield 'errors' in mapped ? { line: row.line, errors: mapped.errors } : { line: row.line, record: mapped.record };
    }
  }
}
