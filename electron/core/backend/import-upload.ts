// Imports a file the UI sent (chosen or dropped in the browser or the desktop window): written to a
// private temporary file, imported all-or-nothing by the engine, then removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportResultView } from '../../../shared/api/jobs';
import { UserError } from '../errors';
import { importFile } from '../ingest/import-file';
import { signerFor } from '../ledger/signer-registry';

export async function importUploaded(
  db: Database.Database,
  name: string,
  content: string,
  format: string | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<ImportResultView> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditdesk-import-'));
  // Keep the original extension: format detection looks at it (.csv, .json, .ndjson).
  const file = path.join(dir, path.basename(name).replace(/[^\w.-]/g, '_') || 'upload');
  const empty: ImportResultView = {
    name, ok: false, format: null, records: 0, imported: 0, duplicates: 0, conflicts: 0, rejectedCount: 0, rejected: [], breaks: [], error: null,
  };
  try {
    fs.writeFileSync(file, content, { mode: 0o600 });
    const result = await importFile(db, file, {
      format,
      signer: signerFor(db),
      onProgress: (p) => onProgress(p.bytes, p.totalBytes),
    });
    return {
      name,
      ok: result.ok,
      format: result.format,
      records: result.records,
      imported: result.imported,
      duplicates: result.duplicates,
      conflicts: result.conflicts,
      rejectedCount: result.rejectedCount,
      rejected: result.rejected,
      breaks: result.breaks.map((b) => ({ tenant: b.tenant, seq: b.seq, kind: b.kind, detail: b.detail })),
      error: null,
    };
  } catch (error) {
    if (error instanceof UserError) return { ...empty, error: error.message.replaceAll(file, name) };
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
