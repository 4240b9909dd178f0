// Checks a detached CMS (PKCS#7) signature as PDF readers do: the messageDigest attribute must be
// the digest of the signed bytes, and the signer's certificate key must have signed the DER of the
// signed attributes. Trust in the certificate is a separate question, answered by its fingerprint.
import forge from 'node-forge';
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface CmsResult {
  valid: boolean;
  signer: { name: string; email: string; organisation: string; certificateSha256: string } | null;
  signedAt: string | null;
  problems: string[];
}

type Node = forge.asn1.Asn1;
const kids = (n: Node | undefined): Node[] => (Array.isArray(n?.value) ? (n!.value as Node[]) : []);
const bytes = (n: Node | undefined): string => (typeof n?.value === 'string' ? n.value : '');
const oidOf = (n: Node | undefined) => forge.asn1.derToOid(bytes(n));
const der = (n: Node) => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');

function subjectOf(cert: X509Certificate) {
  // Node prints the subject one "KEY=value" a line, UTF-8 names decoded, with RFC 2253 escapes
  // ("Partners\, Audit"): undo those so that the name reads as it was written.
  const unescape = (v: string) => v.replace(/\\(.)/gu, '$1');
  const fields = new Map(cert.subject.split('\n').map((l) => [l.slice(0, l.indexOf('=')), unescape(l.slice(l.indexOf('=') + 1))]));
  return {
    name: fields.get('CN') ?? '',
    email: fields.get('emailAddress') ?? '',
    organisation: fields.get('O') ?? '',
    certificateSha256: createHash('sha256').update(cert.raw).digest('hex'),
  };
}

export function verifyCms(cmsDer: Buffer, signedBytes: Buffer): CmsResult {
  const fail = (problem: string): CmsResult => ({ valid: false, signer: null, signedAt: null, problems: [problem] });
  let root: Node;
  try {
    // parseAllBytes false: the hole is zero-padded after the DER (verify-report checks the padding).
    root = (forge.asn1.fromDer as unknown as (b: forge.util.ByteStringBuffer, o: object) => Node)(
      forge.util.createBuffer(cmsDer.toString('binary')), { parseAllBytes: false });
  } catch {
    return fail('the signature is not DER-encoded CMS');
  }
  const [type, wrapped] = kids(root);
  if (oidOf(type) !== OID.signedData) return fail('the signature is not CMS SignedData');
  const signedData = kids(kids(wrapped)[0]);
  const certNodes = signedData.filter((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0).flatMap(kids);
  const signerInfo = kids(signedData[signedData.length - 1])[0];
  const si = kids(signerInfo);
  if (si.length < 5) return fail('the signature has no signer');
  const [, issuerAndSerial, digestAlg, attrs] = si;
  const signatureValue = bytes(si[si.length - 1]);
  if (!(attrs?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && attrs.type === 0)) return fail('the signature has no signed attributes');
  const algorithm = DIGESTS[oidOf(kids(digestAlg)[0])];
  if (!algorithm) return fail('the signature uses an unsupported digest algorithm');

  const attr = (oid: string) => kids(attrs).find((a) => oidOf(kids(a)[0]) === oid);
  const messageDigest = bytes(kids(kids(attr(OID.messageDigest))[1])[0]);
  const timeNode = kids(kids(attr(OID.signingTime))[1])[0];
  const signedAt = timeNode
    ? (timeNode.type === forge.asn1.Type.GENERALIZEDTIME ? forge.asn1.generalizedTimeToDate(bytes(timeNode)) : forge.asn1.utcTimeToDate(bytes(timeNode)))
      .toISOString().replace('.000Z', 'Z')
    : null;

  // The signer's certificate: the one whose serial the signer names.
  const serial = bytes(kids(issuerAndSerial)[1]);
  const certNode = certNodes.find((c) => bytes(kids(kids(c)[0]).find((n) => n.type === forge.asn1.Type.INTEGER)) === serial);
  if (!certNode) return fail('the signature does not carry its signer’s certificate');
  // A changed byte inside the certificate must read as a failed check, never as a crash.
  let cert: X509Certificate;
  try { cert = new X509Certificate(der(certNode)); } catch {
    return fail('the signer’s certificate in the signature cannot be read (changed or damaged)');
  }

  const problems: string[] = [];
  // The certificate sits in the signature hole, outside the signed bytes, so it must vouch for itself:
  // self-signed and verifying under its own key, or issued by another certificate carried in the
  // signature. A changed byte in its subject (the signer's name a reader sees) otherwise goes unnoticed.
  const carried = certNodes.flatMap((c) => {
    try {
      return [new X509Certificate(der(c))];
    } catch {
      return [];
    }
  });
  // Names are compared as text: OpenSSL's checkIssued() also wants the keyCertSign usage, which a
  // signing identity rightly lacks.
  const vouched =
    (cert.issuer === cert.subject && cert.verify(cert.publicKey)) ||
    carried.some((issuer) => issuer.fingerprint256 !== cert.fingerprint256 && cert.issuer === issuer.subject && cert.verify(issuer.publicKey));
  if (!vouched) {
    problems.push('the signer’s certificate does not verify: it was changed, or the certificate that issued it is not in the signature');
  }
  const actual = createHash(algorithm).update(signedBytes).digest();
  if (!actual.equals(Buffer.from(messageDigest, 'binary'))) problems.push('digest mismatch: the signed bytes of the PDF changed after signing');
  // The signature is over the attributes re-tagged as a SET (RFC 5652 §5.4).
  const asSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, kids(attrs));
  let ok = false;
  try { ok = verifySignature(algorithm, der(asSet), cert.publicKey, Buffer.from(signatureValue, 'binary')); } catch { ok = false; }
  if (!ok) problems.push('the signature value does not verify with the signer’s certificate');
  return { valid: problems.length === 0, signer: subjectOf(cert), signedAt, problems };
}
