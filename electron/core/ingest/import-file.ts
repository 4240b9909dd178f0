// Imports one file into the vault, all or nothing: the whole file is one transaction, committed only
// if every record in it is valid. Records already in the vault are skipped and counted; records that
// reuse an id with other content are kept aside as conflicts. Memory stays flat: records stream through.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { FieldError } from '../../../shared/records/record-schema';
import { UserError } from '../errors';
import { nodeSha256 } from '../node-sha';
import type { NoteSigner } from '../../../shared/ledger';
import { makeCheckpoint } from '../ledger/checkpoints';
import { Ledger } from '../ledger/ledger';
import { detectAdmitted, DetectionHits } from '../violations/detection/detect';
import { Rules } from '../violations/detection/rules';
import { readRulesConfig } from '../violations/detection/rules-config';
import { Admission, type TenantBreak } from '../vault/admission';
import { rollbackJournalIfAlone } from '../vault/lone-writer-journal';
import { imports } from '../vault/schema';
import { LineReader, type FileStats } from './line-reader';
import { isGzipFile, readGzipSample } from './formats/gzip-lines';
import { openPreparedSource } from './prepared-source';
import { readSensitivePolicy } from './sensitive';
import { detectFormat, formatByName } from './formats/registry';
import type { ImportFormat } from './formats/import-format';

export interface Rejection {
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  file: string;
  format: string | null;
  ok: boolean;
  records: number;
  imported: number;
  duplicates: number;
  conflicts: number;
  /** Why the file was refused: nothing of it was imported. */
  rejected: Rejection[];
  rejectedCount: number;
  /** Chain breaks found in records that arrived with their own chain (kept, and raised as violations). */
  breaks: TenantBreak[];
  size: number;
  sha256: string | null;
  /** Tree size of the checkpoint signed after this file, when the vault's key was at hand. */
  checkpoint?: number;
}

export interface ImportOptions {
  format?: string;
  formatOptions?: Record<string, string>;
  onProgress?: (done: { bytes: number; totalBytes: number; records: number }) => void;
  /** Signs a checkpoint of the ledger after the file, in the same transaction (issue 4). */
  signer?: NoteSigner | null;
  /**
   * Write through a rollback journal when no other connection has the vault open (the CLI): faster for
   * a large file, but other processes cannot open the vault until the import ends (lone-writer-journal.ts).
   */
  rollbackJournalIfAlone?: boolean;
}

/** How many rejected records we list; the count keeps going. */
const MAX_LISTED = 100;
const SAMPLE_BYTES = 64 * 1024;

export async function importFile(db: Database.Database, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const totalBytes = checkReadable(file);
  const sample = isGzipFile(file) ? readGzipSample(file) : readSample(file);
  const format = !options.format || options.format === 'auto' ? detectFormat(sample, file) : formatByName(options.format);
  const fresh = (): ImportResult => ({
    file, format: format?.name ?? null, ok: true, records: 0, imported: 0, duplicates: 0, conflicts: 0,
    rejected: [], rejectedCount: 0, breaks: [], size: totalBytes, sha256: null,
  });
  const restoreJournal = options.rollbackJournalIfAlone ? rollbackJournalIfAlone(db) : () => {};
  try {
    try {
      return await importInTransaction(db, file, format, fresh(), options, true);
    } catch (error) {
      if (!(error instanceof DetectionFailed)) throw error;
      // Detection never fails an import: the file again, without it. The watermark stays where it was,
      // so the next detection run (after the next ingest, or `violations detect`) covers these records.
      return await importInTransaction(db, file, format, fresh(), options, false);
    }
  } finally {
    restoreJournal();
  }
}

async function importInTransaction(
  db: Database.Database,
  file: string,
  format: ImportFormat | null,
  result: ImportResult,
  options: ImportOptions,
  detect: boolean,
): Promise<ImportResult> {
  const totalBytes = result.size;
  const startedAt = new Date().toISOString();
  let fileStats: FileStats | null = null;
  db.exec('BEGIN IMMEDIATE');
  try {
    const history = drizzle(db);
    const importId = Number(
      history.insert(imports).values({
        fileName: path.basename(file), fileSize: 0, sha256: '', format: format?.name ?? 'empty',
        startedAt, finishedAt: startedAt, imported: 0, duplicates: 0, conflicts: 0,
      }).run().lastInsertRowid,
    );
    const admission = new Admission(db, nodeSha256);
    const rules = readRulesConfig(db);
    const policy = { sensitive: readSensitivePolicy(db), detection: detect && rules.at_ingest ? rules : null, heads: Admission.heads(db) };
    const hits = policy.detection ? new DetectionHits(new Rules(policy.detection)) : null;
    const reject = (line: number, errors: FieldError[]) => {
      result.rejectedCount++;
      for (const e of errors) {
        if (result.rejected.length < MAX_LISTED) result.rejected.push({ line, field: e.field, message: e.message });
      }
    };
    if (format) {
      const source = openPreparedSource(file, format, options.formatOptions ?? {}, policy);
      try {
        for await (const item of source.items) {
          result.records++;
          if ('errors' in item) reject(item.line, item.errors);
          else if (result.rejectedCount === 0) {
            const outcome = admission.admitPrepared(item.record, { importId, line: item.line }, item.ahead);
            if (outcome === 'inserted' && item.scan) hits?.add({ ...item.scan, pos: admission.lastPos });
            if (outcome === 'inserted') result.imported++;
            else if (outcome === 'duplicate') result.duplicates++;
            else result.conflicts++;
          }
          if (result.rejected.length >= MAX_LISTED) break;
          if (options.onProgress && result.records % 2000 === 0) {
            options.onProgress({ bytes: source.bytesRead(), totalBytes, records: result.records });
          }
        }
      } finally {
        await source.close();
      }
      fileStats = source.stats();
    } else {
      const reader = new LineReader(file);
      for await (const _ of reader.lines()); // hash the (blank) file for the history
      fileStats = reader.stats;
    }
    if (result.rejectedCount > 0) {
      db.exec('ROLLBACK');
      return { ...result, ok: false, imported: 0, duplicates: 0, conflicts: 0 };
    }
    result.breaks = admission.finish();
    if (hits) detectAtIngest(db, hits);
    // A ledger read afresh: detection may have appended violations after the import's own records.
    if (options.signer) result.checkpoint = makeCheckpoint(db, new Ledger(db), options.signer, `import ${path.basename(file)}`).size;
    const stats = fileStats ?? { size: totalBytes, sha256: '' };
    result.sha256 = stats.sha256;
    history.update(imports).set({
      fileSize: stats.size, sha256: stats.sha256, finishedAt: new Date().toISOString(),
      imported: result.imported, duplicates: result.duplicates, conflicts: result.conflicts,
    }).where(eq(imports.id, importId)).run();
    db.exec('COMMIT');
    options.onProgress?.({ bytes: totalBytes, totalBytes, records: result.records });
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function checkReadable(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new UserError(`${file} is a directory, not a file to import`);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new UserError(`${file}: permission denied`);
  }
  return stat.size;
}

function readSample(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/** Raising the detection hits failed; the import's transaction is rolled back and the file imported again without them. */
class DetectionFailed extends Error {}

/**
 * Detection at ingest over the file's records, written straight into the import's transaction (issue 6):
 * no savepoint of its own, because a savepoint holds the original of every page it changes in memory
 * (~100 MB for a million-record import). If it throws, the whole transaction is rolled back and
 * importFile imports the file again without detection: detection never fails an import.
 */
function detectAtIngest(db: Database.Database, hits: DetectionHits): void {
  try {
    detectAdmitted(db, hits, { noSavepoint: true });
  } catch (error) {
    throw new DetectionFailed((error as Error).message);
  }
}
