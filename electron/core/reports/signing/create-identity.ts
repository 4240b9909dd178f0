// A signing identity for an auditor who has none: an RSA key and a self-signed certificate naming
// them, in a passphrase-protected .p12 that any PDF tool and OS keychain can import. Self-signed
// means readers must compare the certificate fingerprint printed on page 1 with one they trust.
import forge from 'node-forge';
import { randomBytes } from 'node:crypto';

export interface IdentityRequest {
  name: string;
  email: string;
  organisation: string;
  passphrase: string;
  /** 2048 is fast (about a second); 3072 lasts longer (several seconds on a slow machine). */
  keyBits?: 2048 | 3072;
  /** Validity in years from now. */
  years?: number;
}

export function createIdentity(req: IdentityRequest): Uint8Array {
  if (!req.passphrase) throw new Error('an identity needs a passphrase');
  const keys = forge.pki.rsa.generateKeyPair({ bits: req.keyBits ?? 3072, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Positive serial: 16 random bytes with the top bit cleared (RFC 5280 §4.1.2.2).
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setFullYear(now.getFullYear() + (req.years ?? 5));
  const subject: forge.pki.CertificateField[] = [
    { shortName: 'CN', value: req.name, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    { name: 'emailAddress', value: req.email },
    ...(req.organisation ? [{ shortName: 'O', value: req.organisation, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }] : []),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectAltName', altNames: [{ type: 1, value: req.email }] },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], req.passphrase, {
    algorithm: 'aes256', friendlyName: req.name, generateLocalKeyId: true,
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}
