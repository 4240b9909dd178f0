// Checks an archive file on its own (`auditdesk archive verify FILE`): it opens (GCM: any changed byte
// is refused), its checkpoint is signed by the trusted key (the one given, else the one the archive
// names), and every record hashes to its audit_hash, links to its predecessor where both are in the
// archive, and is included under the checkpoint's root.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fromBase64, toBase64, verifyCheckpoint, verifyInclusion } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { nodeMerkleHasher, recordLeafHash } from '../../ledger/node-hasher';
import { openArchive } from './archive-container';
import { decodePayload, type ArchivedRecord, type ArchiveManifest } from './archive-payload';

export interface ArchiveProblem {
  pos: number | null;
  detail: string;
}

export interface ArchiveReport {
  ok: boolean;
  file: string;
  records: number;
  tenants: Record<string, number>;
  checkpoint: { origin: string; size: number; root: string } | null;
  /** The key the checkpoint was checked against, and whether the caller gave it (else the archive's own). */
  key: { vkey: string; trusted: boolean };
  problems: ArchiveProblem[];
}

export interface OpenedArchive {
  manifest: ArchiveManifest;
  records: ArchivedRecord[];
  report: ArchiveReport;
}

export function verifyArchiveFile(file: string, passphrase: string, trustedKey?: string): OpenedArchive {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const payload = openArchive(bytes, passphrase, file);
  let decoded;
  try {
    decoded = decodePayload(payload);
  } catch (error) {
    throw new UserError(`${file}: ${(error as Error).message}`, 1);
  }
  const { manifest, records } = decoded;
  const vkey = trustedKey ?? manifest.vkey;
  const problems: ArchiveProblem[] = [];
  const signed = verifyCheckpoint(manifest.checkpoint, vkey, { origin: manifest.origin });
  let root: Uint8Array | null = null;
  let size = 0;
  if (signed.ok) {
    root = signed.checkpoint.rootHash;
    size = signed.checkpoint.size;
  } else {
    problems.push({ pos: null, detail: `the checkpoint is not signed by ${trustedKey ? 'the given key' : 'the key the archive names'}: ${signed.reason}` });
  }
  if (records.length !== manifest.records) problems.push({ pos: null, detail: `the manifest lists ${manifest.records} records, the archive holds ${records.length}` });
  const lastOf = new Map<string, { seq: number; hash: string }>();
  const tenants: Record<string, number> = {};
  for (const r of records) {
    let record: { tenant?: unknown; seq?: unknown; prev_hash?: unknown };
    try {
      record = JSON.parse(r.canonical) as typeof record;
    } catch {
      problems.push({ pos: r.pos, detail: 'the record is not JSON' });
      continue;
    }
    const tenant = String(record.tenant);
    tenants[tenant] = (tenants[tenant] ?? 0) + 1;
    const hash = createHash('sha256').update(r.canonical, 'utf8').digest('hex');
    if (hash !== r.audit_hash) problems.push({ pos: r.pos, detail: `the record hashes to ${hash}, not its audit_hash ${r.audit_hash}` });
    const before = lastOf.get(tenant);
    if (before && typeof record.seq === 'number' && record.seq === before.seq + 1 && record.prev_hash !== before.hash) {
      problems.push({ pos: r.pos, detail: `seq ${record.seq} of ${tenant} does not link to seq ${before.seq}` });
    }
    if (typeof record.seq === 'number') lastOf.set(tenant, { seq: record.seq, hash: r.audit_hash });
    if (root) {
      const proof = r.proof.map((p) => fromBase64(p));
      const ok = proof.every((p) => p !== undefined) &&
        verifyInclusion(r.pos - 1, size, recordLeafHash(r.canonical), proof as Uint8Array[], root, nodeMerkleHasher).ok;
      if (!ok) problems.push({ pos: r.pos, detail: `the record is not included at leaf ${r.pos - 1} under the checkpoint's root` });
    }
  }
  const report: ArchiveReport = {
    ok: problems.length === 0,
    file,
    records: records.length,
    tenants,
    checkpoint: signed.ok ? { origin: signed.checkpoint.origin, size, root: toBase64(root!) } : null,
    key: { vkey, trusted: trustedKey !== undefined },
    problems,
  };
  return { manifest, records, report };
}
