// Where an import's prepared records come from: a worker thread when the built worker is at hand (the
// CLI and the app: parsing then runs on the second core), else this thread (tests running the
// TypeScript sources, or AUDITDESK_IMPORT_WORKER=0). Both run the same prepareItems().
import { Worker } from 'node:worker_threads';
import { builtWorker } from '../built-worker';
import { UserError } from '../errors';
import type { ImportFormat } from './formats/import-format';
import { openLineReader } from './formats/gzip-lines';
import type { FileStats } from './line-reader';
import { prepareItems, type IngestPolicy, type PreparedItem } from './prepare-items';
import type { PrepareWorkerMessage } from './prepare-worker';

export interface PreparedSource {
  items: AsyncIterable<PreparedItem>;
  bytesRead(): number;
  stats(): FileStats | null;
  /** Stops early (the file is being rejected); safe to call twice. */
  close(): Promise<void>;
}

export function openPreparedSource(
  file: string,
  format: ImportFormat,
  formatOptions: Record<string, string>,
  policy: IngestPolicy,
): PreparedSource {
  const worker = process.env.AUDITDESK_IMPORT_WORKER === '0' ? null : builtWorker('prepare-worker');
  return worker
    ? workerSource(worker, file, format, formatOptions, policy)
    : inThreadSource(file, format, formatOptions, policy);
}

function inThreadSource(file: string, format: ImportFormat, formatOptions: Record<string, string>, policy: IngestPolicy): PreparedSource {
  const reader = openLineReader(file);
  return {
    items: prepareItems(reader, format, formatOptions, policy),
    bytesRead: () => reader.bytesRead,
    stats: () => reader.stats,
    close: async () => {},
  };
}

function workerSource(
  script: string,
  file: string,
  format: ImportFormat,
  formatOptions: Record<string, string>,
  policy: IngestPolicy,
): PreparedSource {
  // A small young generation: the worker's garbage is short-lived batches, and V8's default (tens of
  // MB) only added to the import's peak memory (~25 MB less at 4 MB, for a few % more worker CPU).
  const worker = new Worker(script, {
    workerData: { file, format: format.name, formatOptions, policy },
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  let bytes = 0;
  let stats: FileStats | null = null;
  const queue: PrepareWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (message: PrepareWorkerMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  async function* items(): AsyncGenerator<PreparedItem> {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const message = queue.shift()!;
      if (message.type === 'error') throw message.userError ? new UserError(message.message) : new Error(message.message);
      bytes = message.bytes;
      if (message.type === 'done') {
        stats = message.stats;
        return;
      }
      worker.postMessage('more');
      yield* message.items;
    }
  }
  return {
    items: items(),
    bytesRead: () => bytes,
    stats: () => stats,
    close: async () => {
      await worker.terminate();
    },
  };
}
