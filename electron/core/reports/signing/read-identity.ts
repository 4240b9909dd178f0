// Opens a .p12 identity: the private key, its certificate, and the subject as people read it.
import forge from 'node-forge';
import { createHash } from 'node:crypto';

export interface SignerIdentity {
  name: string;
  email: string;
  organisation: string;
  /** SHA-256 of the certificate's DER, lowercase hex: what a reader compares out of band. */
  certificateSha256: string;
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
}

/** Reads the subject fields we show; missing ones are empty strings. */
export function describeSubject(cert: forge.pki.Certificate): { name: string; email: string; organisation: string } {
  const get = (short: string) => {
    const v = cert.subject.getField(short)?.value;
    // forge decodes UTF8String values as UTF-8 byte strings when parsing: decode them for display.
    return typeof v === 'string' ? decodeUtf8(v) : '';
  };
  return { name: get('CN'), email: get('E'), organisation: get('O') };
}

function decodeUtf8(binary: string): string {
  try { return forge.util.decodeUtf8(binary); } catch { return binary; }
}

export function certificateSha256(cert: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

/** Throws a plain Error (wrong passphrase, no key, no matching certificate) with a clear message. */
export function readIdentity(p12: Uint8Array, passphrase: string): SignerIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch {
    throw new Error('cannot open the identity: wrong passphrase or not a PKCS#12 (.p12) file');
  }
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const certOid = forge.pki.oids.certBag!;
  const keyBag = parsed.getBags({ bagType: keyOid })[keyOid]?.[0];
  const privateKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Error('the identity holds no private key');
  const certs = parsed.getBags({ bagType: certOid })[certOid] ?? [];
  const certificate = certs.map((b) => b.cert).find((c): c is forge.pki.Certificate => {
    const pub = c?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return !!pub && pub.n.equals(privateKey.n) && pub.e.equals(privateKey.e);
  });
  if (!certificate) throw new Error('the identity holds no certificate for its private key');
  return { ...describeSubject(certificate), certificateSha256: certificateSha256(certificate), certificate, privateKey };
}
