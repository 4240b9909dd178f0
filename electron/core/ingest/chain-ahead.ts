// Chains an import's records ahead of the vault, on the import's worker thread: it places each record
// as if every record before it in the file were inserted, and hashes it there (the chain hash and the
// ledger's leaf hash: two SHA-256 over every record, ~7 s of a million-record import that would
// otherwise run on the thread that writes the vault).
//
// It is a guess the vault checks, never trusts blindly: the admission uses a guessed hash only if the
// guess placed the record exactly where the vault does (same seq after the same previous hash), so
// the hash is of the very text it stores. A duplicate or a conflict (a record not inserted) makes the
// later guesses of that tenant wrong; the admission then hashes those records itself.
import { ZERO_HASH } from '../../../shared/hash';
import { recordLeafHashHex } from '../ledger/node-hasher';
import { nodeSha256 } from '../node-sha';
import { assembleCanonical, type PreparedRecord } from '../vault/prepared-record';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainGuess {
  /** For a record the vault chains: where the guess placed it, and its audit_hash there. */
  seq?: number;
  prevHash?: string;
  auditHash?: string;
  /** The ledger leaf hash of the canonical text the guess stores, hex. */
  leafHash: string;
}

export class ChainAhead {
  private readonly heads: Map<string, ChainHead>;

  /** `heads`: each tenant's chain head in the vault when the import began (absent: no chain yet). */
  constructor(heads: Record<string, ChainHead>) {
    this.heads = new Map(Object.entries(heads));
  }

  place(record: PreparedRecord): ChainGuess {
    const head = this.heads.get(record.tenant) ?? { seq: 0, hash: ZERO_HASH };
    if (record.chained) {
      if (record.seq > head.seq) this.heads.set(record.tenant, { seq: record.seq, hash: record.claimed });
      return { leafHash: recordLeafHashHex(record.canonical) };
    }
    const seq = head.seq + 1;
    const canonical = assembleCanonical(record.parts, seq, head.hash);
    const auditHash = nodeSha256.hexOfText(canonical);
    this.heads.set(record.tenant, { seq, hash: auditHash });
    return { seq, prevHash: head.hash, auditHash, leafHash: recordLeafHashHex(canonical) };
  }
}

