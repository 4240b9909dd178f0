// `auditdesk report`: a compliance report from the vault, as a signed PDF (or CSV / JSON), recorded
// in the vault's chain as an export. See docs/reports.md.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FRAMEWORKS, type Framework } from '../../../../shared/records/enums';
import { UserError } from '../../errors';
import { recordReportExport } from '../../reports/vault/record-report-export';
import { reportCheckpoint } from '../../reports/vault/report-checkpoint';
import { buildReportFromVaultOnThreads, reportPassWorker } from '../../reports/vault/report-from-vault';
import { REPORT_FORMATS, type ReportFormat } from '../../reports/formats/report-formats';
import { PASSPHRASE_FILE, type Command } from '../command';
import type { CliIo } from '../io';
import { openVaultMeanwhile } from '../open-from-cli';
import { readPassphrase } from '../passphrase';
import { progressOn } from '../progress';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date means midnight UTC; an RFC 3339 instant is taken as written. `--to DATE` includes that day. */
export function periodBound(text: string, flag: '--from' | '--to'): string {
  const ms = Date.parse(DATE.test(text) ? `${text}T00:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text) || Number.isNaN(ms)) {
    throw new UserError(`${flag} ${JSON.stringify(text)}: expected a date (YYYY-MM-DD) or an RFC 3339 instant`);
  }
  return new Date(flag === '--to' && DATE.test(text) ? ms + 86_400_000 : ms).toISOString();
}

/** "NAME,EMAIL,ORG": the organisation may itself contain commas. */
function parseNewIdentity(text: string): { name: string; email: string; organisation: string } {
  const [name, email, ...org] = text.split(',').map((s) => s.trim());
  if (!name || !email || !email.includes('@')) throw new UserError('--create-identity expects "NAME,EMAIL,ORGANISATION"');
  return { name, email, organisation: org.join(', ') };
}

async function identityPassphrase(io: CliIo): Promise<string> {
  return readPassphrase(io, undefined, { envName: 'AUDITDESK_IDENTITY_PASSPHRASE', prompt: 'Identity passphrase: ' });
}

/** The .p12 to sign with: the one named, or a new one made now (never over an existing file). */
async function signingKey(values: Record<string, unknown>, out: string, io: CliIo) {
  const create = values['create-identity'] as string | undefined;
  let file = values.identity as string | undefined;
  if (!create && !file) throw new UserError('name the signing identity with --identity ID.p12, or make one with --create-identity "NAME,EMAIL,ORG"');
  const passphrase = await identityPassphrase(io);
  // node-forge is loaded here, not with the command: this runs while the vault's key is derived.
  const [{ createIdentity }, { readIdentity }] = await Promise.all([
    import('../../reports/signing/create-identity'), import('../../reports/signing/read-identity'),
  ]);
  if (create) {
    const who = parseNewIdentity(create);
    file ??= path.join(path.dirname(out), `${path.basename(out, path.extname(out))}.identity.p12`);
    if (fs.existsSync(file)) throw new UserError(`${file} already exists; remove --create-identity to sign with it`);
    fs.writeFileSync(file, createIdentity({ ...who, passphrase }), { mode: 0o600 });
    io.stderr.write(`created the identity ${file} for ${who.name} <${who.email}>\n`);
  }
  let p12: Uint8Array;
  try { p12 = new Uint8Array(fs.readFileSync(file!)); } catch (e) {
    throw new UserError(`cannot read the identity ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return { p12, passphrase, who: readIdentity(p12, passphrase) };
  } catch (e) {
    throw new UserError(`${file}: ${(e as Error).message}`);
  }
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'auditdesk report VAULT --framework FW --from DATE --to DATE --out FILE [--tenant T]… [--identity ID.p12 | --create-identity "NAME,EMAIL,ORG"] [--format pdf|csv|json] [--rows N]',
  summary: 'a signed PDF compliance report (or CSV / JSON), recorded in the vault as an export',
  options: {
    ...PASSPHRASE_FILE,
    framework: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' },
    tenant: { type: 'string', multiple: true }, identity: { type: 'string' }, 'create-identity': { type: 'string' },
    format: { type: 'string' }, rows: { type: 'string' },
  },
  async run(args, io) {
    const v = args.values;
    const framework = String(v.framework ?? '').toUpperCase() as Framework;
    if (!FRAMEWORKS.includes(framework)) throw new UserError(`--framework must be one of ${FRAMEWORKS.join(', ')}`);
    if (!v.from || !v.to) throw new UserError('give the period with --from DATE --to DATE');
    const from = periodBound(v.from as string, '--from');
    const to = periodBound(v.to as string, '--to');
    if (!(from < to)) throw new UserError('--from must come before --to');
    const out = v.out as string | undefined;
    if (!out) throw new UserError('name the report file with --out FILE');
    const format = ((v.format as string | undefined) ?? (path.extname(out).slice(1).toLowerCase() || 'pdf')) as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UserError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
    const rows = v.rows === undefined ? undefined : Number(v.rows);
    if (rows !== undefined && !(Number.isInteger(rows) && rows > 0)) throw new UserError('--rows must be a positive whole number');

    // AUDITDESK_DEBUG prints where the time went, from the process's start (node, loading the code).
    const timings: string[] = [];
    let t0 = 0;
    const lap = (what: string) => { const t = performance.now(); timings.push(`${what} ${Math.round(t - t0)} ms`); t0 = t; };
    lap('start-up');
    // While the thread pool derives the vault's key: the signing identity, and the code that writes
    // the file (pdf-lib, fontkit, @signpdf: ~0.2 s to load), so that neither waits in line.
    const { db, path: vaultPath, passphrase, rawKey, meanwhile: { key, writer } } = await openVaultMeanwhile(args, io, async () => {
      const [key, writer] = await Promise.all([signingKey(v, out, io), import('../../reports/formats/write-report')]);
      return { key, writer };
    });
    lap('identity, PDF code and open');
    const progress = progressOn(io);
    try {
      const tenants = (v.tenant as string[] | undefined) ?? [];
      const known = new Set(db.prepare('SELECT tenant FROM tenants').pluck().all() as string[]);
      const unknown = tenants.filter((t) => !known.has(t));
      if (unknown.length) throw new UserError(`no such tenant in the vault: ${unknown.join(', ')}`);
      const generatedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
      const report = await buildReportFromVaultOnThreads(db, {
        framework, from, to, tenants, generatedAt, rowLimit: rows,
        signer: { name: key.who.name || key.who.email, email: key.who.email, organisation: key.who.organisation },
        checkpoint: reportCheckpoint(db),
        onProgress: (n) => progress.update(`reading: ${n.toLocaleString('en')} records`),
      }, { vaultPath, passphrase, rawKey });
      progress.done();
      lap(`compute on ${reportPassWorker(db) ? 2 : 1} thread(s)`);
      const bytes = await writer.reportBytes(report, format, key);
      lap(format === 'pdf' ? 'render+sign' : 'write');
      fs.writeFileSync(out, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const record = recordReportExport(db, report, {
        format: format.toUpperCase() as 'PDF' | 'CSV' | 'JSON', path: path.resolve(out), bytes: bytes.length, sha256,
      });
      lap('record');
      io.stdout.write(
        `${out}: ${framework} report, ${report.totals.records.toLocaleString('en')} records of ${report.tenants.length} tenant(s), ` +
        `${bytes.length.toLocaleString('en')} bytes${format === 'pdf' ? `, signed by ${key.who.name} <${key.who.email}>` : ''}\n` +
        `  recorded as export ${record.id} in tenant ${record.tenant}\n`,
      );
      if (io.env.AUDITDESK_DEBUG) io.stderr.write(`timings: ${timings.join(', ')}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
