// What `auditdesk verify-report FILE.pdf` checks without a vault: the signature covers the whole
// file and verifies, and the evidence attachment is present, canonical, well-formed and the one
// whose digest the report prints. (With a vault, the engine then recomputes every number.)
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { canonicalJson } from '../../../../shared/canonical-json';
import { ComplianceReportSchema, type ComplianceReport } from '../../../../shared/reports/report-model';
import { EVIDENCE_NAME, readAttachments } from '../pdf/evidence-attachment';
import { EVIDENCE_KEYWORD_PREFIX } from '../pdf/metadata';
import { findSignedRanges } from './byte-range';
import { verifyCms, type CmsResult } from './cms-verify';

export interface ReportVerification {
  /** Everything below holds: signature valid, whole document covered, evidence present and intact. */
  ok: boolean;
  signatureValid: boolean;
  signer: CmsResult['signer'];
  signedAt: string | null;
  wholeDocumentCovered: boolean;
  evidence: ComplianceReport | null;
  evidenceDigestOk: boolean;
  problems: string[];
}

export async function verifyReport(pdf: Uint8Array): Promise<ReportVerification> {
  const problems: string[] = [];
  let signatureValid = false, wholeDocumentCovered = false;
  let signer: CmsResult['signer'] = null, signedAt: string | null = null;

  const ranges = findSignedRanges(pdf);
  if ('error' in ranges) {
    problems.push(ranges.error);
  } else {
    wholeDocumentCovered = ranges.wholeDocumentCovered;
    problems.push(...ranges.problems);
    const cms = Buffer.from(ranges.contentsHex, 'hex');
    let cmsResult: CmsResult;
    try { cmsResult = verifyCms(cms, ranges.signedBytes); } catch (e) {
      cmsResult = { valid: false, signer: null, signedAt: null, problems: [`the signature cannot be read: ${(e as Error).message}`] };
    }
    signer = cmsResult.signer; signedAt = cmsResult.signedAt;
    problems.push(...cmsResult.problems);
    signatureValid = cmsResult.valid && paddingIsZero(ranges.contentsHex, cms, problems);
  }

  const { evidence, evidenceDigestOk } = await checkEvidence(pdf, problems);
  if (evidence && signer && evidence.signer.email.toLowerCase() !== signer.email.toLowerCase()) {
    problems.push(`the report names ${evidence.signer.email} as its author but the certificate belongs to ${signer.email || 'no email'}`);
  }
  return {
    ok: signatureValid && wholeDocumentCovered && evidenceDigestOk && problems.length === 0,
    signatureValid, signer, signedAt, wholeDocumentCovered, evidence, evidenceDigestOk, problems,
  };
}

/** After the DER the hole must hold only zeros: anything else there is a change nobody signed. */
function paddingIsZero(hex: string, cms: Buffer, problems: string[]): boolean {
  // The DER's own length tells where it ends: 2 + length bytes for a long-form SEQUENCE header.
  const lenBytes = (cms[1] ?? 0) & 0x80 ? (cms[1]! & 0x7f) : 0;
  let length = lenBytes ? 0 : cms[1] ?? 0;
  for (let i = 0; i < lenBytes; i++) length = length * 256 + cms[2 + i]!;
  const end = (2 + lenBytes + length) * 2;
  if (/^0*$/.test(hex.slice(end))) return true;
  problems.push('the signature hole holds bytes after the signature');
  return false;
}

async function checkEvidence(pdf: Uint8Array, problems: string[]): Promise<{ evidence: ComplianceReport | null; evidenceDigestOk: boolean }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    problems.push(`the PDF cannot be read: ${(e as Error).message}`);
    return { evidence: null, evidenceDigestOk: false };
  }
  let bytes: Uint8Array | undefined;
  try { bytes = readAttachments(doc).get(EVIDENCE_NAME); } catch { /* reported below */ }
  if (!bytes) {
    problems.push(`the PDF has no readable ${EVIDENCE_NAME} attachment`);
    return { evidence: null, evidenceDigestOk: false };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch {
    problems.push(`${EVIDENCE_NAME} is not JSON`);
    return { evidence: null, evidenceDigestOk: false };
  }
  const result = ComplianceReportSchema.safeParse(parsed);
  if (!result.success) problems.push(`${EVIDENCE_NAME} is not a compliance report: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`);
  let canonical = false;
  try { canonical = canonicalJson(parsed) === text; } catch { /* not canonical */ }
  if (!canonical) problems.push(`${EVIDENCE_NAME} is not in RFC 8785 canonical form`);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const printed = (doc.getKeywords() ?? '').split(/\s+/).find((k) => k.startsWith(EVIDENCE_KEYWORD_PREFIX))?.slice(EVIDENCE_KEYWORD_PREFIX.length);
  const digestMatches = printed === digest;
  if (!digestMatches) problems.push(`${EVIDENCE_NAME} has SHA-256 ${digest} but the report states ${printed ?? 'none'}`);
  return { evidence: result.success ? result.data : null, evidenceDigestOk: digestMatches && canonical && result.success };
}
