// Writes the signer (from the certificate) and the signing time into the signature box of page 1,
// before the signature is made, so that what the reader sees is covered by the signature.
import type { PDFDocument } from 'pdf-lib';
import { FontSet, type FontBytes } from '../pdf/fonts';
import {
  SIGNATURE_BOX, SIGNATURE_LABEL_WIDTH, SIGNATURE_VALUE_STYLE, signatureLineY,
} from '../pdf/title-page';
import type { SignerIdentity } from './read-identity';

/** How a signing time prints: UTC, to the second, as the CMS signingTime attribute holds it. */
export const formatSigningTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function stampSignatureBox(
  doc: PDFDocument, who: SignerIdentity, signingTime: Date, fontBytes?: FontBytes,
): Promise<void> {
  const page = doc.getPage(0);
  const fonts = await FontSet.embed(doc, fontBytes);
  const x = SIGNATURE_BOX.x + SIGNATURE_LABEL_WIDTH;
  const width = SIGNATURE_BOX.width - SIGNATURE_LABEL_WIDTH - 8;
  const values = [who.name, who.email, who.organisation, formatSigningTime(signingTime), who.certificateSha256];
  values.forEach((v, i) => {
    fonts.draw(page, fonts.fit(v || '(not in certificate)', width, SIGNATURE_VALUE_STYLE), x, signatureLineY(i), SIGNATURE_VALUE_STYLE);
  });
}

/** The widget rectangle of the signature field: the box itself, so viewers show it there. */
export const signatureWidgetRect = (): number[] => [
  SIGNATURE_BOX.x, SIGNATURE_BOX.y, SIGNATURE_BOX.x + SIGNATURE_BOX.width, SIGNATURE_BOX.y + SIGNATURE_BOX.height,
];
