// The CMS signer for @signpdf. It does what @signpdf/signer-p12 does, with one fix: node-forge
// parses UTF8String names into UTF-8 byte strings but encodes them again when it writes the
// signer's issuerAndSerialNumber, so any certificate with a non-ASCII name (Zoë, 山田; common in
// CA-issued ones too) got a signer reference that matches no certificate, and pdfsig answered
// "Unknown Validation Failure". We hand forge the issuer with those values decoded first.
// The RSA operation itself is Node's (OpenSSL): forge's own big-number code took ~100 ms of a
// 1M-record report's 5 s (docs/reports.md, "Performance").
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { Signer } from '@signpdf/utils';
import type { SignerIdentity } from './read-identity';

const UTF8 = forge.asn1.Type.UTF8 as number;

function issuerForForge(cert: forge.pki.Certificate): forge.pki.CertificateField[] {
  return cert.issuer.attributes.map((a) => (a.valueTagClass as unknown as number) === UTF8 && typeof a.value === 'string'
    ? { ...a, value: forge.util.decodeUtf8(a.value) }
    : a);
}

/** DER of DigestInfo { sha256, NULL } up to the digest (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * What forge's pkcs7 asks of the signer's key: an RSASSA-PKCS1-v1_5 signature (a binary string) of
 * the digest it has computed, here made by OpenSSL: the DigestInfo, padded and raised with the key.
 */
function nativeRsaSigner(privateKey: forge.pki.rsa.PrivateKey): { sign(md: forge.md.MessageDigest): string } {
  const key: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
  return {
    sign(md) {
      const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
      return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
    },
  };
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
      key: nativeRsaSigner(privateKey),
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
