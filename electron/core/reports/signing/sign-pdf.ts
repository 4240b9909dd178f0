// Signs a rendered report: stamps the signer and time on page 1, adds a signature placeholder and
// fills it with a CMS (PKCS#7 detached, SHA-256) signature over every byte but the hole itself.
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import type { FontBytes } from '../pdf/fonts';
import { IdentitySigner } from './cms-signer';
import { readIdentity } from './read-identity';
import { signatureWidgetRect, stampSignatureBox } from './signature-stamp';

export interface SignOptions {
  /** Defaults to now. Kept to whole seconds: the CMS signingTime holds no more. */
  signingTime?: Date;
  fonts?: FontBytes;
}

/** The placeholder writes /Name and /Location as PDFDocEncoding literals: keep them Latin-1. */
const latin1 = (s: string) => s.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?');

// A 3072-bit RSA signature with one certificate is about 2.5 kB; 16 kB leaves room for a chain.
const SIGNATURE_BYTES = 16384;

export async function signPdf(pdf: Uint8Array, p12: Uint8Array, passphrase: string, opts: SignOptions = {}): Promise<Uint8Array> {
  const who = readIdentity(p12, passphrase);
  const signingTime = new Date(Math.floor((opts.signingTime ?? new Date()).getTime() / 1000) * 1000);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.has(PDFName.of('SigFlags'))) {
    // Re-saving with pdf-lib would rewrite the file and break the existing signature.
    throw new Error('this PDF is already signed');
  }
  await stampSignatureBox(doc, who, signingTime, opts.fonts);
  doc.setModificationDate(signingTime);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'AuditDesk compliance report: signed by its author',
    contactInfo: latin1(who.email),
    name: latin1(who.name) === who.name ? who.name : latin1(who.email),
    location: latin1(who.organisation),
    signingTime,
    signatureLength: SIGNATURE_BYTES,
    widgetRect: signatureWidgetRect(),
    appName: 'AuditDesk',
  });
  const withPlaceholder = await doc.save({ useObjectStreams: false });
  // Not @signpdf/signer-p12: see cms-signer.ts for the non-ASCII name bug it works around.
  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new IdentitySigner(who), signingTime);
  return new Uint8Array(signed);
}
