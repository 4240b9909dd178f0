// Signed reports end to end: identity → render → sign → verify, against our verifier and Debian's
// pdfsig (skipped where poppler-utils is not installed; `apt-get install -y poppler-utils`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSampleReport, createIdentity, readIdentity, renderReportPdf, signPdf, verifyReport,
} from '../../electron/core/reports';

const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'auditdesk-report-'));
const PASS = 'correct horse battery';
let p12: Uint8Array;
let signed: Uint8Array;
const report = buildSampleReport({ framework: 'HIPAA', records: 300 });
const signingTime = new Date('2024-04-02T10:15:30Z');

function pdfsig(bytes: Uint8Array): string {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  // pdfsig exits 0 even on "Digest Mismatch.": only its output tells.
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}

const flip = (t: Uint8Array, at: number) => { t[at] = t[at]! ^ 0x01; };

/** Offset of the first byte inside the stream of the first object whose dictionary has `marker`. */
function streamOffset(pdf: Uint8Array, marker: string): number {
  const text = Buffer.from(pdf).toString('latin1');
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  return text.indexOf('stream', at) + 'stream\n'.length + 20;
}

beforeAll(async () => {
  p12 = createIdentity({ name: 'Zoë Łukaszewicz', email: report.signer.email, organisation: '山田 & Partners Audit', passphrase: PASS, keyBits: 2048 });
  signed = await signPdf(await renderReportPdf(report), p12, PASS, { signingTime });
});

describe('signed compliance report', () => {
  it('verifies: signer from the certificate, signing time, whole document, evidence parsed', async () => {
    const v = await verifyReport(signed);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ ok: true, signatureValid: true, wholeDocumentCovered: true, evidenceDigestOk: true });
    expect(v.signer).toMatchObject({ name: 'Zoë Łukaszewicz', email: report.signer.email, organisation: '山田 & Partners Audit' });
    expect(v.signer!.certificateSha256).toBe(readIdentity(p12, PASS).certificateSha256);
    expect(v.signedAt).toBe('2024-04-02T10:15:30Z');
    expect(v.evidence).toEqual(report);
  });

  it('rejects a single changed byte in the page content', async () => {
    const t = Uint8Array.from(signed);
    flip(t, streamOffset(t, '/Filter /FlateDecode'));
    const v = await verifyReport(t);
    expect(v.ok).toBe(false);
    expect(v.signatureValid).toBe(false);
    expect(v.problems.join(' ')).toMatch(/digest mismatch/);
  });

  it('rejects a single changed byte in the evidence attachment', async () => {
    const t = Uint8Array.from(signed);
    flip(t, streamOffset(t, '/Type /EmbeddedFile'));
    const v = await verifyReport(t);
    expect(v.ok).toBe(false);
    expect(v.signatureValid).toBe(false);
  });

  it('rejects a changed byte wherever it is in the file', async () => {
    const positions = Array.from({ length: 24 }, (_, i) => Math.floor(((i + 0.5) / 24) * signed.length));
    for (const at of positions) {
      const t = Uint8Array.from(signed);
      t[at] = t[at] === 0x30 ? 0x31 : 0x30; // a plausible byte: '0' ↔ '1' (or anything → '0')
      expect((await verifyReport(t)).ok, `byte ${at} of ${signed.length}`).toBe(false);
    }
  });

  it('rejects a changed signer name inside the certificate, which the signed bytes do not cover', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const hole = text.lastIndexOf('/Contents <');
    // "Partners" of the organisation, as hex, inside the certificate in the signature hole.
    const at = text.indexOf(Buffer.from('Partners').toString('hex'), hole);
    expect(at).toBeGreaterThan(hole);
    const t = Uint8Array.from(signed);
    t[at + 1] = t[at + 1] === 0x30 ? 0x31 : 0x30; // 'P' becomes another letter
    const v = await verifyReport(t);
    expect(v.ok).toBe(false);
    expect(v.problems.join(' ')).toMatch(/certificate does not verify/);
  });

  it('rejects bytes appended after signing, and a change in the signature hole', async () => {
    const appended = new Uint8Array([...signed, ...Buffer.from('\n% appended\n')]);
    const a = await verifyReport(appended);
    expect(a.ok).toBe(false);
    expect(a.wholeDocumentCovered).toBe(false);

    const hole = Buffer.from(signed).toString('latin1').lastIndexOf('0000>') + 1; // in the zero padding
    const t = Uint8Array.from(signed);
    t[hole] = '7'.charCodeAt(0);
    expect((await verifyReport(t)).ok).toBe(false);
  });

  it('finds no signature in an unsigned report, and refuses to sign twice', async () => {
    const v = await verifyReport(await renderReportPdf(report));
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatch(/not signed/);
    expect(v.evidenceDigestOk).toBe(true);
    await expect(signPdf(signed, p12, PASS)).rejects.toThrow(/already signed/);
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const pdf = await renderReportPdf(report);
    await expect(signPdf(pdf, p12, 'wrong')).rejects.toThrow(/wrong passphrase/);
  });

  it.skipIf(!hasPdfsig)('pdfsig accepts the report and rejects a changed byte', () => {
    const ok = pdfsig(signed);
    expect(ok).toContain('Signature is Valid.');
    expect(ok).toContain('Total document signed');
    expect(ok).toContain('Zoë Łukaszewicz');
    const t = Uint8Array.from(signed);
    flip(t, streamOffset(t, '/Type /EmbeddedFile'));
    const bad = pdfsig(t);
    expect(bad).not.toContain('Signature is Valid.');
    expect(bad).toContain('Digest Mismatch.');
  });
});
