// Worker-thread entry (built to out/main/prepare-worker.js): prepares a file's records while the main
// thread writes the previous batches to the vault. At most WINDOW batches are in flight, so memory
// stays flat however fast the parsing runs ahead.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors';
import { formatByName } from './formats/registry';
import { openLineReader } from './formats/gzip-lines';
import { prepareItems, type IngestPolicy, type PreparedItem } from './prepare-items';

export interface PrepareWorkerInput {
  file: string;
  format: string;
  formatOptions: Record<string, string>;
  policy: IngestPolicy;
}

export type PrepareWorkerMessage =
  | { type: 'batch'; items: PreparedItem[]; bytes: number }
  | { type: 'done'; stats: { size: number; sha256: string } | null; bytes: number }
  | { type: 'error'; message: string; userError: boolean };

const BATCH = 500;
const WINDOW = 8;

async function run(input: PrepareWorkerInput): Promise<void> {
  const port = parentPort!;
  let credits = WINDOW;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  const send = async (message: PrepareWorkerMessage) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credits--;
    port.postMessage(message);
  };
  const reader = openLineReader(input.file);
  let batch: PreparedItem[] = [];
  for await (const item of prepareItems(reader, formatByName(input.format), input.formatOptions, input.policy)) {
    batch.push(item);
    if (batch.length === BATCH) {
      await send({ type: 'batch', items: batch, bytes: reader.bytesRead });
      batch = [];
    }
  }
  if (batch.length) await send({ type: 'batch', items: batch, bytes: reader.bytesRead });
  port.postMessage({ type: 'done', stats: reader.stats, bytes: reader.bytesRead } satisfies PrepareWorkerMessage);
}

run(workerData as PrepareWorkerInput).catch((error: Error) => {
  parentPort!.postMessage({ type: 'error', message: error.message, userError: error instanceof UserError } satisfies PrepareWorkerMessage);
});
