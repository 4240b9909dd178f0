// Streams CSV rows from numbered lines with csv-parse, each with the line it starts on. Cells keep
// whether they were quoted: in the contract's CSV "" (the empty string) and an empty cell (absent)
// differ. A CSV syntax error ends the stream with one error naming its line.
import { parse as parseCsv } from 'csv-parse';
import type { Line } from '../line-reader';

export interface CsvCell {
  text: string;
  quoted: boolean;
}

export type CsvRow = { line: number; cells: CsvCell[] } | { line: number; error: string };

export async function* csvRows(lines: AsyncIterable<Line>, options: { relaxColumnCount?: boolean } = {}): AsyncGenerator<CsvRow> {
  const parser = parseCsv({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: options.relaxColumnCount ?? false,
    cast: (value, ctx) => ({ text: value, quoted: ctx.quoting }),
  });
  let nextStart = 1;
  let failure: (Error & { lines?: number }) | null = null;
  parser.on('error', (error) => (failure = error));
  // csv-parse transforms synchronously on write(), so its rows can be read right after each line.
  const drain = function* (): Generator<CsvRow> {
    let row: { record: CsvCell[]; info: { lines: number } } | null;
    while ((row = parser.read() as typeof row) !== null) {
      const line = nextStart;
      nextStart = row.info.lines + 1;
      yield { line, cells: row.record };
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
    yield { line: err.lines ?? nextStart, error: `invalid CSV: ${err.message}` };
  }
}
