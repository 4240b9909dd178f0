// Verifies the chains in export files, without a vault (CONTRACT §3 `verify-file`). Records may come in
// any order and across several files; only the chain fields and the tenant are checked for type here,
// since the hash covers every other member. NDJSON (what `export` writes by default) takes a fast path
// that hashes each line's own bytes (chain-hash-fast.ts), and a large file is read as two halves on
// two worker threads; JSON arrays and CSV are re-canonicalised record by record.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { builtWorker } from './built-worker';
import type { ExpectedHead, VerifyReport } from '../../shared/chain/chain-break';
import { UnorderedChainVerifier, type EntryBatch } from '../../shared/chain/unordered-chain-verifier';
import type { JsonObject } from '../../shared/canonical-json';
import { recomputeAuditHash } from './chain-hash-fast';
import { UserError } from './errors';
import { auditdeskFormat } from './ingest/formats/auditdesk';
import { LineReader } from './ingest/line-reader';
import { chainFieldProblem, RangeLineError, verifyNdjsonRange, type RangeResult } from './verify-file-ndjson';
import type { VerifyWorkerMessage } from './verify-file-worker';

/** Below this, two threads cost more to start than they save. */
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;

export interface VerifyFileOptions {
  heads?: ExpectedHead[];
  onProgress?: (done: { file: string; bytes: number; records: number }) => void;
}

export async function verifyFiles(files: string[], options: VerifyFileOptions = {}): Promise<VerifyReport> {
  const verifier = new UnorderedChainVerifier();
  for (const file of files) {
    const { first, size } = peek(file);
    if (first === '{') {
      for (const batch of await ndjsonBatches(file, size, options)) verifier.addBatch(batch);
    } else {
      await addOtherFormat(file, verifier, options);
    }
  }
  return verifier.finish(options.heads);
}

async function ndjsonBatches(file: string, size: number, options: VerifyFileOptions): Promise<EntryBatch[]> {
  const worker = builtWorker('verify-file-worker');
  const split = worker && size >= PARALLEL_FROM_BYTES ? splitPoint(file, size) : null;
  if (!worker || split === null) {
    try {
      const { batch } = await verifyNdjsonRange(file, null, (bytes, records) => options.onProgress?.({ file, bytes, records }));
      return [batch];
    } catch (error) {
      throw error instanceof RangeLineError ? new UserError(`${file} line ${error.relativeLine}: ${error.problem}`) : error;
    }
  }
  options.onProgress?.({ file, bytes: 0, records: 0 });
  const halves = await Promise.allSettled([
    runWorker(worker, file, 0, split - 1),
    runWorker(worker, file, split, size - 1),
  ]);
  const firstLines = halves[0].status === 'fulfilled' ? halves[0].value.lines : null;
  halves.forEach((half, i) => {
    if (half.status === 'rejected') {
      const e = half.reason as RangeLineError | Error;
      if (!(e instanceof RangeLineError)) throw e;
      // The second half numbers its lines from 1: add the first half's lines when they are known.
      const line = i === 0 ? e.relativeLine : firstLines !== null ? e.relativeLine + firstLines : null;
      throw new UserError(`${file} ${line === null ? `(second half, line ${e.relativeLine})` : `line ${line}`}: ${e.problem}`);
    }
  });
  const [a, b] = halves.map((h) => (h as PromiseFulfilledResult<RangeResult>).value) as [RangeResult, RangeResult];
  b.batch.lineOffset = a.lines;
  options.onProgress?.({ file, bytes: size, records: a.batch.count + b.batch.count });
  return [a.batch, b.batch];
}

function runWorker(script: string, file: string, start: number, end: number): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { file, start, end } });
    worker.once('message', (message: VerifyWorkerMessage) => {
      if (message.type === 'done') resolve(message.result);
      else reject(message.relativeLine === null ? new Error(message.message) : new RangeLineError(message.relativeLine, message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}


/** The offset just after the first newline past the middle, or null if there is none. */
function splitPoint(file: string, size: number): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let at = Math.floor(size / 2); at < size; at += buffer.length) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, at);
      const newline = buffer.subarray(0, n).indexOf(0x0a);
      if (newline >= 0) return at + newline + 1 < size ? at + newline + 1 : null;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

async function addOtherFormat(file: string, verifier: UnorderedChainVerifier, options: VerifyFileOptions): Promise<void> {
  const reader = new LineReader(file);
  let records = 0;
  for await (const item of auditdeskFormat.read(reader.lines(), { path: file, options: {} })) {
    if (item.errors) {
      const e = item.errors[0]!;
      throw new UserError(`${file} line ${item.line}: ${e.field.startsWith('(') ? '' : `field ${e.field} `}${e.message}`);
    }
    const problem = chainFieldProblem(item.record);
    if (problem) throw new UserError(`${file} line ${item.line}: ${problem}`);
    const r = item.record as JsonObject;
    verifier.add(r.tenant as string, r.seq as number, r.audit_hash as string, r.prev_hash as string, recomputeAuditHash('', r), item.line, file);
    if (++records % 10000 === 0) options.onProgress?.({ file, bytes: reader.bytesRead, records });
  }
}

/** The first character that is not white space or a byte order mark ('' for an empty file), and the size. */
function peek(file: string): { first: string; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${file}: no such file` : `cannot read ${file}: ${code}`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return { first: /[^\s\uFEFF]/.exec(buffer.subarray(0, n).toString('utf8'))?.[0] ?? '', size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new UserError(`${file} is a directory, not a file`);
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}
