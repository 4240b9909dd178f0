// The Reports screen's routes: the choices, a preview (the report computed and shown unsigned), and
// save, which signs (PDF), records the report as an export record in the chain (as `auditdesk report`
// does) and hands the file back as a download. A new identity is made in memory and handed back too:
// the backend never writes a private key anywhere the user did not choose.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../../shared/api/result';
import type { Download, ReportScope } from '../../../../shared/api/reports';
import { FRAMEWORKS } from '../../../../shared/records/enums';
import type { ComplianceReport, Signer } from '../../../../shared/reports/report-model';
import { UserError } from '../../errors';
import { reportBytes } from '../../reports/formats/write-report';
import { createIdentity } from '../../reports/signing/create-identity';
import { readIdentity } from '../../reports/signing/read-identity';
import { recordReportExport } from '../../reports/vault/record-report-export';
import { reportCheckpoint } from '../../reports/vault/report-checkpoint';
import { buildReportFromVault, buildReportFromVaultOnThreads, vaultTenants } from '../../reports/vault/report-from-vault';
import type { VaultAccess } from '../../vault/raw-key';
import { requireDb, type HandlerMap } from '../context';

/** Rows per table in the preview: the numbers are complete, the lists are a glimpse. */
const PREVIEW_ROWS = 25;
const PREVIEW_SIGNER: Signer = { name: 'Preview (not signed)', email: 'preview@auditdesk.invalid', organisation: '' };
const MIME = { pdf: 'application/pdf', csv: 'text/csv', json: 'application/json' } as const;

function period(scope: ReportScope): { from: string; to: string } | string {
  const from = Date.parse(`${scope.from}T00:00:00Z`);
  const to = Date.parse(`${scope.to}T00:00:00Z`) + 86_400_000; // `to` includes that whole day
  if (Number.isNaN(from) || Number.isNaN(to)) return 'the period is not a valid date';
  if (!(from < to)) return 'the period must start on or before the day it ends';
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/**
 * The report for `scope`; for a large vault, when the session can open it again, on two worker threads
 * (the backend's own thread stays free for the UI's other requests).
 */
async function build(db: Database.Database, access: VaultAccess | null, scope: ReportScope, signer: Signer, rowLimit?: number): Promise<Result<ComplianceReport>> {
  const when = period(scope);
  if (typeof when === 'string') return fail('bad_request', when);
  const known = new Set(vaultTenants(db));
  const unknown = scope.tenants.filter((t) => !known.has(t));
  if (unknown.length) return fail('bad_request', `no such tenant in the vault: ${unknown.join(', ')}`);
  if (known.size === 0) return fail('failed', 'the vault has no records to report on yet');
  const generatedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const request = { framework: scope.framework, ...when, tenants: scope.tenants, generatedAt, signer, rowLimit, checkpoint: reportCheckpoint(db) };
  try {
    return ok(access ? await buildReportFromVaultOnThreads(db, request, access, { freeThisThread: true }) : buildReportFromVault(db, request));
  } catch (error) {
    // A damaged vault file, or the vault locked meanwhile: said as it is, not as a bug.
    if (error instanceof UserError) return fail('failed', error.message);
    throw error;
  }
}

function download(fileName: string, mime: string, bytes: Uint8Array): Download {
  return {
    fileName, mime, bytes: bytes.length,
    base64: Buffer.from(bytes).toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export const reportsHandlers: HandlerMap = {
  'reports.options': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    return ok({ frameworks: [...FRAMEWORKS], tenants: vaultTenants(open.db) });
  },
  'reports.preview': async (ctx, scope) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    return build(open.db, ctx.session.workerAccess, scope, PREVIEW_SIGNER, PREVIEW_ROWS);
  },
  'reports.save': async (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is writing to the vault');
    const id = body.identity;
    let p12: Uint8Array;
    let made: Download | null = null;
    if (id.kind === 'create') {
      p12 = createIdentity({ name: id.name, email: id.email, organisation: id.organisation, passphrase: id.passphrase });
      made = download(`${id.email.replace(/[^\w.@-]/g, '_')}.p12`, 'application/x-pkcs12', p12);
    } else {
      try {
        p12 = new Uint8Array(fs.readFileSync(id.path));
      } catch (error) {
        return fail('failed', `cannot read the identity ${id.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    let who;
    try {
      who = readIdentity(p12, id.passphrase);
    } catch (error) {
      return fail('failed', `the identity cannot be opened: ${(error as Error).message}`);
    }
    const signer: Signer = { name: who.name || who.email, email: who.email, organisation: who.organisation };
    const built = await build(open.db, ctx.session.workerAccess, body, signer);
    if (!built.ok) return built;
    const report = built.value;
    const bytes = await reportBytes(report, body.format, { p12, passphrase: id.passphrase });
    const fileName = `${report.framework}-report-${body.from}-to-${body.to}.${body.format}`;
    const file = download(fileName, MIME[body.format], bytes);
    // Where it ends up is the user's choice in the save dialog; the record names the file and its hash.
    const record = recordReportExport(open.db, report, {
      format: body.format.toUpperCase() as 'PDF' | 'CSV' | 'JSON', path: fileName, bytes: bytes.length, sha256: file.sha256,
    });
    const pos = open.db.prepare('SELECT pos FROM records WHERE tenant = ? AND id = ?').pluck().get(record.tenant, record.id) as number;
    ctx.vaultChanged();
    return ok({ file, record: { tenant: record.tenant, id: record.id, pos }, signer, identity: made });
  },
};
