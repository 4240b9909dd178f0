// What an archive holds once opened: NDJSON, a manifest line then one line per record.
//   manifest: {"format":"auditdesk-archive/1","created_at","origin","vkey","checkpoint": <signed note>,
//              "records": N, "tenants": {tenant: count}}
//   record:   {"pos", "audit_hash", "canonical", "proof": [base64 …]}
// `canonical` is the exact stored text that was hashed (the record without audit_hash); `proof` is its
// RFC 9162 inclusion proof as leaf pos - 1 under the checkpoint's root. Self-verifying: the file needs
// nothing but a trusted verifier key (and the passphrase) to check every record.
export const PAYLOAD_FORMAT = 'auditdesk-archive/1';

export interface ArchiveManifest {
  format: typeof PAYLOAD_FORMAT;
  created_at: string;
  origin: string;
  vkey: string;
  checkpoint: string;
  records: number;
  tenants: Record<string, number>;
}

export interface ArchivedRecord {
  pos: number;
  audit_hash: string;
  canonical: string;
  proof: string[];
}

export function encodePayload(manifest: ArchiveManifest, records: ArchivedRecord[]): Buffer {
  const lines = [JSON.stringify(manifest), ...records.map((r) => JSON.stringify(r))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export function decodePayload(payload: Buffer): { manifest: ArchiveManifest; records: ArchivedRecord[] } {
  const lines = payload.toString('utf8').split('\n').filter((l) => l !== '');
  const manifest = JSON.parse(lines[0] ?? 'null') as ArchiveManifest | null;
  if (!manifest || manifest.format !== PAYLOAD_FORMAT) throw new Error(`the archive's manifest is not ${PAYLOAD_FORMAT}`);
  return { manifest, records: lines.slice(1).map((l) => JSON.parse(l) as ArchivedRecord) };
}
