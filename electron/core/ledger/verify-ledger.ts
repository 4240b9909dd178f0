// Recomputes the vault's Merkle tree from the stored records and checks it against the saved tree
// state, every stored checkpoint (signature and root), and any earlier checkpoints the caller holds
// (`verify --checkpoint FILE`): the vault must be a consistent extension of each.
import { CompactRange, toBase64, verifyCheckpoint, type Checkpoint } from '../../../shared/ledger';
import { nodeMerkleHasher } from './node-hasher';

export interface LedgerProblem {
  kind: 'signature' | 'root_mismatch' | 'truncated' | 'removed' | 'state_mismatch' | 'no_key';
  detail: string;
  /** The tree size the problem concerns. */
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

/** Feed leaf hashes in admission order; checks roots as the tree passes each checkpoint's size. */
export class LedgerRecomputation {
  private readonly range = CompactRange.empty(nodeMerkleHasher);
  private readonly pending: RootAt[];
  private expectedPos = 1;
  readonly problems: LedgerProblem[] = [];

  constructor(
    private readonly vkey: string | null,
    private readonly origin: string | null,
    stored: Array<{ size: number; root: string; note: string; id: number }>,
    external: Array<{ note: string; where: string }>,
  ) {
    const roots: RootAt[] = [];
    if (!vkey && (stored.length || external.length)) {
      this.problems.push({ kind: 'no_key', detail: 'the vault has no ledger key: its checkpoints cannot be checked' });
    }
    for (const cp of stored) {
      const opened = this.open(cp.note, `checkpoint ${cp.id}`);
      if (opened && (opened.size !== cp.size || toBase64(opened.rootHash) !== cp.root)) {
        this.problems.push({ kind: 'signature', size: cp.size, detail: `checkpoint ${cp.id}: its row does not match its signed note` });
      }
      roots.push({ size: cp.size, root: cp.root, label: `checkpoint ${cp.id}` });
    }
    for (const cp of external) {
      const opened = this.open(cp.note, cp.where);
      if (opened) roots.push({ size: opened.size, root: toBase64(opened.rootHash), label: cp.where });
    }
    this.pending = roots.sort((a, b) => a.size - b.size);
    this.checkPassed();
  }

  add(pos: number, leafHash: Uint8Array): void {
    if (pos !== this.expectedPos && !this.problems.some((p) => p.kind === 'removed')) {
      this.problems.push({
        kind: 'removed', size: this.expectedPos - 1,
        detail: `records at positions ${this.expectedPos}–${pos - 1} are missing from the vault`,
      });
    }
    this.expectedPos = pos + 1;
    this.range.append(leafHash);
    this.checkPassed();
  }

  finish(state: { size: number; border: string } | undefined): LedgerReport {
    for (const cp of this.pending.splice(0)) {
      this.problems.push({
        kind: 'truncated', size: cp.size,
        detail: `${cp.label} covers ${cp.size} records but the vault's log has only ${this.range.size}: records were cut off`,
      });
    }
    const root = toBase64(this.range.root());
    if (state) {
      const saved = CompactRange.fromJSON(JSON.parse(state.border), nodeMerkleHasher);
      if (saved.size !== this.range.size || toBase64(saved.root()) !== root) {
        // No size here: the saved tree keeps growing, and the alarm must stay one alarm (its id uses the size).
        this.problems.push({
          kind: 'state_mismatch',
          detail: `the saved tree (${saved.size} leaves) differs from the one recomputed from the records (${this.range.size} leaves)`,
        });
      }
    } else if (this.range.size > 0) {
      this.problems.push({ kind: 'state_mismatch', detail: 'the vault holds records but no saved tree state' });
    }
    return { ok: this.problems.length === 0, size: this.range.size, root, checkpoints: this.checked, problems: this.problems };
  }

  private checked = 0;

  private checkPassed(): void {
    while (this.pending.length && this.pending[0]!.size === this.range.size) {
      const cp = this.pending.shift()!;
      this.checked++;
      const root = toBase64(this.range.root());
      if (root !== cp.root) {
        this.problems.push({
          kind: 'root_mismatch', size: cp.size,
          detail: `${cp.label}: the first ${cp.size} records hash to root ${root}, but the checkpoint signed ${cp.root}`,
        });
      }
    }
  }

  private open(note: string, where: string): Checkpoint | null {
    if (!this.vkey) return null;
    const verified = verifyCheckpoint(note, this.vkey, this.origin ? { origin: this.origin } : {});
    if (verified.ok) return verified.checkpoint;
    this.problems.push({ kind: 'signature', detail: `${where}: not signed by this vault's key: ${verified.reason}` });
    return null;
  }
}
