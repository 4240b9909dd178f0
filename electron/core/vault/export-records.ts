// Writes records in format §1 with their chain fields, so that `verify-file` verifies the result.
// The output is written to a temporary file and renamed at the end: a failed export leaves nothing.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, EXTRA_COLUMN, encodeCell } from '../ingest/formats/auditdesk-csv-cells';
import type { ExportProofBundle, ProvenRow } from '../ledger/export-proof-bundle';
import type { RecordFilter } from './record-filter';
import { filterSql } from './record-filter';
import { withAuditHash } from './record-text';

export type ExportFormat = 'ndjson' | 'json' | 'csv';


const KNOWN = new Set<string>(CSV_COLUMNS);

function csvRow(record: Record<string, unknown>): string {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!KNOWN.has(k)) extra[k] = v;
  const cells = CSV_COLUMNS.map((c) => encodeCell(c, record[c]));
  cells.push(encodeCell(EXTRA_COLUMN, Object.keys(extra).length ? extra : undefined));
  return stringify([cells.map((c) => c.text)], {
    cast: { string: (value, ctx) => ({ value, quoted: cells[ctx.index ?? 0]?.quote ?? false }) },
  });
}

export interface ExportOptions {
  onProgress?: (records: number) => void;
  /** Proofs of the records written (NDJSON only: the proof bundle names records by their line). */
  proofs?: ExportProofBundle;
  /** Only records admitted at or before this position: those the proofs' checkpoint covers. */
  upToPos?: number;
}

export async function exportRecords(
  db: Database.Database,
  out: string,
  format: ExportFormat,
  filter: RecordFilter,
  options: ExportOptions = {},
): Promise<number> {
  const { onProgress, proofs, upToPos } = options;
  const { where, params } = filterSql(filter);
  const upTo = upToPos === undefined ? '' : `${where ? ' AND' : 'WHERE'} pos <= ${Number(upToPos)}`;
  const rows = db
    .prepare(`SELECT pos, canonical, audit_hash, purged_at, leaf_hash FROM records ${where}${upTo} ORDER BY tenant, seq`)
    .iterate(...params) as Iterable<ProvenRow & { canonical: string }>;
  const temporary = `${out}.partial-${process.pid}`;
  const stream = fs.createWriteStream(temporary);
  const write = async (text: string) => {
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  let count = 0;
  try {
    if (format === 'csv') await write(stringify([[...CSV_COLUMNS, EXTRA_COLUMN]]));
    if (format === 'json') await write('[');
    for (const row of rows) {
      const text = withAuditHash(row.canonical, row.audit_hash);
      if (format === 'ndjson') await write(`${text}\n`);
      else if (format === 'json') await write(`${count ? ',' : ''}\n${text}`);
      else await write(csvRow(JSON.parse(text) as Record<string, unknown>));
      await proofs?.add(row, count + 1);
      if (++count % 10000 === 0) onProgress?.(count);
    }
    if (format === 'json') await write('\n]\n');
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await proofs?.finish();
    fs.renameSync(temporary, out);
    return count;
  } catch (error) {
    stream.destroy();
    fs.rmSync(temporary, { force: true });
    proofs?.abort();
    throw error;
  }
}
