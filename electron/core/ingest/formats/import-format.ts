// What a file format contributes to import: recognising its files, and turning lines into records.
// Each format is one small module; import-file.ts does the rest (validation, the transaction, counts).
import type { FieldError } from '../../../../shared/records/record-schema';
import type { Line } from '../line-reader';

/** One record found in the file, or the reason a piece of the file is not one. */
export interface ParsedItem {
  /** First line of the record in the file. */
  line: number;
  record?: unknown;
  errors?: FieldError[];
}

export interface FormatContext {
  path: string;
  /** Options given with the format, e.g. `--map FILE` for csv. */
  options: Record<string, string>;
}

export interface ImportFormat {
  name: string;
  /** Does this start of a file (up to 64 KiB of text) look like this format? */
  detect(sample: string): boolean;
  read(lines: AsyncIterable<Line>, context: FormatContext): AsyncIterable<ParsedItem>;
}
