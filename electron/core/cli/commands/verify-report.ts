// `auditdesk verify-report FILE.pdf [--json] [--vault VAULT]`: the signature and the evidence
// attachment (exit 1 if either fails), and with --vault every number recomputed (exit 1 on any
// difference, each named). Exit 2 for a file that cannot be read or a vault that cannot be opened.
import fs from 'node:fs';
import { UserError } from '../../errors';
import { checkReportAgainstVault, type VaultCheck } from '../../reports/check/check-against-vault';
import { verifyReport, type ReportVerification } from '../../reports/verify/verify-report';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';

export const verifyReportCommand: Command = {
  name: 'verify-report',
  usage: 'auditdesk verify-report FILE.pdf [--json] [--vault VAULT]',
  summary: "check a report's signature and its embedded evidence (and, with a vault, its numbers)",
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, vault: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UserError('name the report (PDF) to verify');
    let bytes: Uint8Array;
    try { bytes = new Uint8Array(fs.readFileSync(file)); } catch (e) {
      throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const v = await verifyReport(bytes);
    let vault: VaultCheck | null = null;
    if (args.values.vault) {
      if (!v.evidence) {
        v.problems.push('the numbers cannot be checked against the vault: the evidence is unreadable');
      } else {
        const opened = await openVaultWithPassphrase({ ...args, positionals: [args.values.vault as string] }, io, { readonly: true });
        try {
          vault = await checkReportAgainstVault(opened.db, v.evidence, { vaultPath: opened.path, passphrase: opened.passphrase });
        } finally {
          opened.db.close();
        }
      }
    }
    const ok = v.ok && (vault?.ok ?? true) && v.problems.length === 0;
    io.stdout.write(args.values.json ? `${JSON.stringify(asJson(file, ok, v, vault))}\n` : describe(file, ok, v, vault));
    return ok ? 0 : 1;
  },
};

function asJson(file: string, ok: boolean, v: ReportVerification, vault: VaultCheck | null) {
  return {
    file, ok,
    signature: { valid: v.signatureValid, wholeDocumentCovered: v.wholeDocumentCovered, signer: v.signer, signedAt: v.signedAt },
    evidence: {
      ok: v.evidenceDigestOk,
      framework: v.evidence?.framework ?? null,
      period: v.evidence?.period ?? null,
      tenants: v.evidence?.tenants ?? null,
      records: v.evidence?.totals.records ?? null,
      recordsDigest: v.evidence?.evidence.digest ?? null,
    },
    vault,
    problems: v.problems,
  };
}

function describe(file: string, ok: boolean, v: ReportVerification, vault: VaultCheck | null): string {
  const lines = [`${file}: ${ok ? 'VERIFIED' : 'NOT VERIFIED'}`];
  const s = v.signer;
  lines.push(`  signature: ${v.signatureValid ? 'valid' : 'INVALID'}${s ? `, by ${s.name} <${s.email}>${s.organisation ? `, ${s.organisation}` : ''}` : ''}` +
    `${v.signedAt ? `, at ${v.signedAt}` : ''}; ${v.wholeDocumentCovered ? 'covers the whole document' : 'does NOT cover the whole document'}`);
  if (s) lines.push(`  certificate SHA-256: ${s.certificateSha256}`);
  const e = v.evidence;
  lines.push(`  evidence: ${v.evidenceDigestOk ? 'intact' : 'NOT intact'}` +
    (e ? ` (${e.framework}, ${e.period.from} to ${e.period.to}, ${e.tenants.join(', ')}: ${e.totals.records} records, digest ${e.evidence.digest})` : ''));
  if (vault) {
    lines.push(vault.ok ? '  vault: every number matches' : `  vault: ${vault.differences.length} number(s) differ:`);
    for (const d of vault.differences.slice(0, 50)) lines.push(`    ${d.path}: report ${d.report}, vault ${d.vault}`);
    if (vault.differences.length > 50) lines.push(`    … and ${vault.differences.length - 50} more (--json lists all)`);
    for (const n of vault.notes) lines.push(`  note: ${n}`);
  }
  for (const p of v.problems) lines.push(`  problem: ${p}`);
  return `${lines.join('\n')}\n`;
}
