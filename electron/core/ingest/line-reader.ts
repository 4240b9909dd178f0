// Reads a file as numbered lines in constant memory, and hashes every byte as it goes (the import
// history keeps the file's SHA-256). Bytes that are not UTF-8 and overlong lines are errors that name
// the line; a UTF-8 byte order mark at the start is skipped. A '\r' before the newline is kept: JSON
// treats it as white space, and CSV needs it inside quoted values.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { UserError } from '../errors';

export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface Line {
  /** 1-based. */
  number: number;
  text: string;
}

export interface FileStats {
  size: number;
  sha256: string;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class LineReader {
  stats: FileStats | null = null;
  bytesRead = 0;

  constructor(
    readonly path: string,
    private readonly maxLineBytes = MAX_LINE_BYTES,
    /** A byte range [start, end] of the file (end inclusive), starting at a line: for parallel readers. */
    private readonly range: { start: number; end: number } | null = null,
  ) {}

  async *lines(): AsyncGenerator<Line> {
    const hash = createHash('sha256');
    const stream = fs.createReadStream(this.path, { highWaterMark: 1 << 20, ...(this.range ?? {}) });
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let number = 0;
    let first = !this.range || this.range.start === 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        this.bytesRead += chunk.length;
        let start = 0;
        for (;;) {
          const end = chunk.indexOf(NEWLINE, start);
          if (end === -1) break;
          number++;
          const piece = chunk.subarray(start, end);
          const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
          pending = [];
          pendingBytes = 0;
          this.checkLength(bytes.length, number);
          yield { number, text: this.decode(bytes, number, first) };
          first = false;
          start = end + 1;
        }
        if (start < chunk.length) {
          const rest = chunk.subarray(start);
          pendingBytes += rest.length;
          this.checkLength(pendingBytes, number + 1);
          pending.push(Buffer.from(rest));
        }
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') throw new UserError(`${this.path} is a directory, not a file`);
      if (code === 'ENOENT') throw new UserError(`${this.path}: no such file`);
      if (code === 'EACCES') throw new UserError(`${this.path}: permission denied`);
      throw new UserError(`cannot read ${this.path}: ${(error as Error).message}`);
    }
    if (pendingBytes > 0) {
      number++;
      yield { number, text: this.decode(Buffer.concat(pending), number, first) };
    }
    this.stats = { size: this.bytesRead, sha256: hash.digest('hex') };
  }

  private checkLength(bytes: number, line: number): void {
    if (bytes > this.maxLineBytes) {
      throw new UserError(
        `${this.path} line ${line}: the line is longer than ${this.maxLineBytes / (1024 * 1024)} MiB; a record that large is refused`,
      );
    }
  }

  private decode(bytes: Buffer, line: number, first: boolean): string {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new UserError(`${this.path} line ${line}: bytes that are not UTF-8 at byte ${at + 1} of the line`);
    }
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  }
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The 0-based byte offset of the first byte that does not decode (where U+FFFD first appears). */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = lenient.decode(bytes);
  const index = text.indexOf('\uFFFD');
  return index < 0 ? 0 : Buffer.byteLength(text.slice(0, index), 'utf8');
}
