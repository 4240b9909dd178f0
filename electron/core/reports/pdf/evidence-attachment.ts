// The evidence inside the PDF: the report as RFC 8785 canonical JSON, attached as evidence.json.
// Canonical form means anyone can re-serialise the parsed JSON and get the same bytes and hash.
import {
  AFRelationship, PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, PDFString, PDFHexString, decodePDFRawStream,
  type PDFDocument,
} from 'pdf-lib';
import { canonicalJson } from '../../../../shared/canonical-json';
import type { ComplianceReport } from '../../../../shared/reports/report-model';

export const EVIDENCE_NAME = 'evidence.json';

export function evidenceBytes(report: ComplianceReport): Uint8Array {
  return new TextEncoder().encode(canonicalJson(report));
}

export async function attachEvidence(doc: PDFDocument, bytes: Uint8Array, at: Date): Promise<void> {
  await doc.attach(bytes, EVIDENCE_NAME, {
    mimeType: 'application/json',
    description: 'Evidence for every number in this report (RFC 8785 JSON)',
    creationDate: at,
    modificationDate: at,
    afRelationship: AFRelationship.Data,
  });
}

/** The bytes of every embedded file, by name (pdf-lib can attach but has no reader). */
export function readAttachments(doc: PDFDocument): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return out;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const name = list.lookup(i);
    const spec = list.lookup(i + 1, PDFDict);
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!(stream instanceof PDFRawStream)) continue;
    const key = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : String(name);
    out.set(key, decodePDFRawStream(stream).decode());
  }
  return out;
}
