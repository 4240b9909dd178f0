// Gzip support for imports. CloudTrail delivers its logs as .json.gz; the pipeline's LineReader reads
// raw bytes as UTF-8 text, so a gzip file either needs the pipeline to decompress (GzipLineReader, a
// drop-in for LineReader: same lines(), stats and bytesRead, with the import history's SHA-256 and
// size taken over the compressed file as stored) or a format that decompresses by itself
// (linesOrGunzip). Memory stays flat either way: lines stream, and no line may exceed the line limit,
// so a decompression bomb can only make a long import, never exhaust memory.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { UserError } from '../../errors';
import { LineReader, MAX_LINE_BYTES, type FileStats, type Line } from '../line-reader';

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzipFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The start of a file read through LineReader's lossy decoding shows gzip as \x1f then U+FFFD. */
export function looksGzipped(sample: string): boolean {
  return sample.charCodeAt(0) === 0x1f && sample.charCodeAt(1) === 0xfffd;
}

/**
 * Up to `bytes` of the decompressed text, for format detection. Only the first 16 KiB of compressed
 * bytes are inflated (deflate expands at most ~1000:1, so this stays small whatever the file holds).
 */
export function readGzipSample(file: string, bytes = 64 * 1024): string {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(16 * 1024);
    head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
  let text: Buffer;
  try {
    text = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return '';
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(text.subarray(0, bytes)).replace(/^\uFEFF/, '');
}

export class GzipLineReader {
  stats: FileStats | null = null;
  bytesRead = 0;

  constructor(
    readonly path: string,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  async *lines(): AsyncGenerator<Line> {
    const hash = createHash('sha256');
    const raw = fs.createReadStream(this.path, { highWaterMark: 1 << 20 });
    raw.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      this.bytesRead += chunk.length;
    });
    const gunzip = raw.pipe(zlib.createGunzip());
    raw.on('error', (e) => gunzip.destroy(e));
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let pending = '';
    let pendingBytes = 0;
    let number = 0;
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        pendingBytes += chunk.length;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw new UserError(`${this.path} line ${number + 1}: bytes that are not UTF-8 in the decompressed text`);
        }
        pending += text;
        let at: number;
        while ((at = pending.indexOf('\n')) !== -1) {
          number++;
          const line = pending.slice(0, at);
          pending = pending.slice(at + 1);
          pendingBytes = Buffer.byteLength(pending);
          yield { number, text: line.endsWith('\r') ? line.slice(0, -1) : line };
        }
        if (pendingBytes > this.maxLineBytes) {
          throw new UserError(`${this.path} line ${number + 1}: the line is longer than ${this.maxLineBytes / (1024 * 1024)} MiB; a record that large is refused`);
        }
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`${this.path}: cannot decompress (${(error as Error).message}); the gzip file is damaged or cut short`);
    }
    if (pending.length > 0) {
      number++;
      yield { number, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
    }
    this.stats = { size: this.bytesRead, sha256: hash.digest('hex') };
  }
}

/**
 * The lines a format should read: the pipeline's own when they decode, else, for a gzip file the
 * pipeline did not decompress (LineReader refuses its bytes as not UTF-8), the decompressed lines.
 */
export async function* linesOrGunzip(lines: AsyncIterable<Line>, file: string): AsyncGenerator<Line> {
  if (isGzipFile(file)) {
    // The pipeline handed us the raw gzip bytes: do not touch them, decompress the file ourselves.
    const iterator = lines[Symbol.asyncIterator]();
    let first: IteratorResult<Line> | null = null;
    try {
      first = await iterator.next();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
    if (first === null || (!first.done && first.value.number === 1 && first.value.text.charCodeAt(0) === 0x1f)) {
      void iterator.return?.(undefined);
      yield* new GzipLineReader(file).lines();
      return;
    }
    if (!first.done) yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  yield* lines;
}

/** What the import pipeline needs of a line reader; LineReader and GzipLineReader both are one. */
export type LineSource = Pick<LineReader, 'path' | 'lines' | 'bytesRead' | 'stats'>;

/** The reader for a file: decompressing when the file is gzip (by its magic bytes, not its name). */
export function openLineReader(file: string): LineSource {
  return isGzipFile(file) ? new GzipLineReader(file) : new LineReader(file);
}
