// The CMS signer for @signpdf. It does what @signpdf/signer-p12 does, with one fix: node-forge
// parses UTF8String names into UTF-8 byte strings but encodes them again when it writes the
// signer's issuerAndSerialNumber, so any certificate with a non-ASCII name (Zoë, 山田; common in
// CA-issued ones too) got a signer reference that matches no certificate, and pdfsig answered
// "Unknown Validation Failure". We hand forge the issuer with those values decoded first.
import forge from 'node-forge';
import { Signer } from '@signpdf/utils';
import type { SignerIdentity } from './read-identity';

const UTF8 = forge.asn1.Type.UTF8 as number;

function issuerForForge(cert: forge.pki.Certificate): forge.pki.CertificateField[] {
  return cert.issuer.attributes.map((a) => (a.valueTagClass as unknown as number) === UTF8 && typeof a.value === 'string'
    ? { ...a, value: forge.util.decodeUtf8(a.value) }
    : a);
}

export class IdentitySigner extends Signer {
  constructor(private readonly identity: SignerIdentity) { super(); }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { certificate, privateKey } = this.identity;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    // The certificate goes in as parsed: forge re-emits its original TBS bytes, so it stays valid.
    p7.addCertificate(certificate);
    p7.addSigner({
      key: privateKey,
      issuer: issuerForForge(certificate),
      serialNumber: certificate.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256!,
      // Order as @signpdf/signer-p12 has it (what EU validators expect).
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
