// Checks the vault's Merkle tree, as recomputed from the stored records, against the saved tree
// state, every stored checkpoint (signature and root), and any earlier checkpoints the caller holds
// (`verify --checkpoint FILE`): the vault must be a consistent extension of each.
import { CompactRange, toBase64, verifyCheckpoint, type Checkpoint } from '../../../shared/ledger';
import { nodeMerkleHasher } from './node-hasher';

export interface LedgerProblem {
  kind: 'signature' | 'root_mismatch' | 'truncated' | 'removed' | 'state_mismatch' | 'no_key';
  detail: string;
  /** The tree size the problem concerns (absent where it would change from run to run). */
  size?: number;
}

export interface LedgerReport {
  ok: boolean;
  size: number;
  root: string;
  checkpoints: number;
  problems: LedgerProblem[];
}

interface RootAt {
  size: number;
  root: string;
  label: string;
}

export class LedgerRecomputation {
  private readonly claims: RootAt[] = [];
  readonly problems: LedgerProblem[] = [];

  constructor(
    private readonly vkey: string | null,
    private readonly origin: string | null,
    stored: Array<{ size: number; root: string; note: string; id: number }>,
    external: Array<{ note: string; where: string }>,
  ) {
    if (!vkey && (stored.length || external.length)) {
      this.problems.push({ kind: 'no_key', detail: 'the vault has no ledger key: its checkpoints cannot be checked' });
    }
    for (const cp of stored) {
      const opened = this.open(cp.note, `checkpoint ${cp.id}`);
      if (opened && (opened.size !== cp.size || toBase64(opened.rootHash) !== cp.root)) {
        this.problems.push({ kind: 'signature', size: cp.size, detail: `checkpoint ${cp.id}: its row does not match its signed note` });
      }
      this.claims.push({ size: cp.size, root: cp.root, label: `checkpoint ${cp.id}` });
    }
    for (const cp of external) {
      const opened = this.open(cp.note, cp.where);
      if (opened) this.claims.push({ size: opened.size, root: toBase64(opened.rootHash), label: cp.where });
    }
  }

  /** The tree sizes whose roots the checkpoints claim. */
  wantedSizes(): number[] {
    return [...new Set(this.claims.map((c) => c.size))];
  }

  recordRemoved(firstMissingPos: number): void {
    this.problems.push({
      kind: 'removed', size: firstMissingPos - 1,
      detail: `the record at admission position ${firstMissingPos} is missing from the vault`,
    });
  }

  /**
   * @param rootAt the recomputed root (base64) of the first `s` records, or null if the vault holds fewer
   * @param size how many records the vault holds
   */
  check(rootAt: (s: number) => string | null, size: number, state: { size: number; border: string } | undefined): LedgerReport {
    let checked = 0;
    for (const claim of this.claims) {
      if (claim.size > size) {
        this.problems.push({
          kind: 'truncated', size: claim.size,
          detail: `${claim.label} covers ${claim.size} records but the vault's log has only ${size}: records were cut off`,
        });
        continue;
      }
      const root = claim.size === 0 ? toBase64(nodeMerkleHasher.emptyRoot()) : rootAt(claim.size);
      checked++;
      if (root !== claim.root) {
        this.problems.push({
          kind: 'root_mismatch', size: claim.size,
          detail: `${claim.label}: the first ${claim.size} records hash to root ${root}, but the checkpoint signed ${claim.root}`,
        });
      }
    }
    const root = size === 0 ? toBase64(nodeMerkleHasher.emptyRoot()) : (rootAt(size) ?? '');
    if (state) {
      const saved = CompactRange.fromJSON(JSON.parse(state.border), nodeMerkleHasher);
      if (saved.size !== size || toBase64(saved.root()) !== root) {
        // No size here: the saved tree keeps growing, and the alarm must stay one alarm (its id uses the size).
        this.problems.push({
          kind: 'state_mismatch',
          detail: `the saved tree (${saved.size} leaves) differs from the one recomputed from the records (${size} leaves)`,
        });
      }
    } else if (size > 0) {
      this.problems.push({ kind: 'state_mismatch', detail: 'the vault holds records but no saved tree state' });
    }
    return { ok: this.problems.length === 0, size, root, checkpoints: checked, problems: this.problems };
  }

  private open(note: string, where: string): Checkpoint | null {
    if (!this.vkey) return null;
    const verified = verifyCheckpoint(note, this.vkey, this.origin ? { origin: this.origin } : {});
    if (verified.ok) return verified.checkpoint;
    this.problems.push({ kind: 'signature', detail: `${where}: not signed by this vault's key: ${verified.reason}` });
    return null;
  }
}
