// Verifies chains from records that arrive in any order (export files). It keeps, per record, 64 bytes
// of hashes, a seq, a line and a flag (not the records), then sorts each tenant by seq and walks it
// with SortedChainChecker: about 90 MB for 1M records. Whether a record hashes to its audit_hash is
// decided when it is added; only the rare mismatches keep their recomputed hash, for the message.
import type { ExpectedHead, VerifyReport } from './chain-break';
import { SortedChainChecker } from './sorted-chain-checker';

/** A batch of records of one tenant-numbering, as a worker thread sends them (transferable arrays). */
export interface EntryBatch {
  tenants: string[];
  tenantIndex: Uint32Array;
  seq: Float64Array;
  /** claimed audit_hash then prev_hash, 64 bytes per record. */
  hashes: Uint8Array;
  hashOk: Uint8Array;
  line: Uint32Array;
  /** Recomputed hashes of the records that did not match, by index in the batch. */
  mismatches: Map<number, string>;
  count: number;
  /** Added to each line number, and the file they came from. */
  lineOffset: number;
  file: string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 16; i++) NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;

/** 64 lowercase hex digits (already checked by the caller) into 32 bytes at `at`. */
export function hexToBytesInto(hex: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < 32; i++) out[at + i] = (NIBBLE[hex.charCodeAt(2 * i)]! << 4) | NIBBLE[hex.charCodeAt(2 * i + 1)]!;
}

function bytesToHex(bytes: Uint8Array, at: number): string {
  let s = '';
  for (let i = at; i < at + 32; i++) s += HEX[bytes[i]!];
  return s;
}

/** Builds an EntryBatch record by record (the in-thread path, and each worker). */
export class EntryBatchBuilder {
  private readonly tenantIds = new Map<string, number>();
  private capacity = 1024;
  private batch: EntryBatch;

  constructor(file: string, lineOffset = 0) {
    this.batch = {
      tenants: [], tenantIndex: new Uint32Array(this.capacity), seq: new Float64Array(this.capacity),
      hashes: new Uint8Array(this.capacity * 64), hashOk: new Uint8Array(this.capacity), line: new Uint32Array(this.capacity),
      mismatches: new Map(), count: 0, lineOffset, file,
    };
  }

  add(tenant: string, seq: number, claimed: string, prev: string, computed: string, line: number): void {
    const b = this.batch;
    if (b.count === this.capacity) this.grow();
    let id = this.tenantIds.get(tenant);
    if (id === undefined) {
      id = b.tenants.length;
      b.tenants.push(tenant);
      this.tenantIds.set(tenant, id);
    }
    const i = b.count++;
    b.tenantIndex[i] = id;
    b.seq[i] = seq;
    hexToBytesInto(claimed, b.hashes, i * 64);
    hexToBytesInto(prev, b.hashes, i * 64 + 32);
    b.hashOk[i] = computed === claimed ? 1 : 0;
    if (computed !== claimed) b.mismatches.set(i, computed);
    b.line[i] = line;
  }

  finish(): EntryBatch {
    return this.batch;
  }

  private grow(): void {
    const b = this.batch;
    this.capacity *= 2;
    const grow = <T extends Uint8Array | Uint32Array | Float64Array>(a: T, size: number): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    b.tenantIndex = grow(b.tenantIndex, this.capacity);
    b.seq = grow(b.seq, this.capacity);
    b.hashes = grow(b.hashes, this.capacity * 64);
    b.hashOk = grow(b.hashOk, this.capacity);
    b.line = grow(b.line, this.capacity);
  }
}

export class UnorderedChainVerifier {
  private readonly batches: EntryBatch[] = [];
  private builder: EntryBatchBuilder | null = null;

  private builderFile = '';

  /** Hashes must be 64 lowercase hex digits (the caller checks that before). */
  add(tenant: string, seq: number, claimed: string, prev: string, computed: string, line = 0, file = ''): void {
    if (this.builder && this.builderFile !== file) this.flushBuilder();
    if (!this.builder) {
      this.builder = new EntryBatchBuilder(file);
      this.builderFile = file;
    }
    this.builder.add(tenant, seq, claimed, prev, computed, line);
  }

  addBatch(batch: EntryBatch): void {
    this.flushBuilder();
    this.batches.push(batch);
  }

  finish(expectedHeads: ExpectedHead[] = []): VerifyReport {
    this.flushBuilder();
    // Group every record by tenant name, across batches: [batch, index] pairs.
    const byTenant = new Map<string, Array<[number, number]>>();
    let total = 0;
    this.batches.forEach((b, bi) => {
      const lists = b.tenants.map((t) => {
        let list = byTenant.get(t);
        if (!list) byTenant.set(t, (list = []));
        return list;
      });
      for (let i = 0; i < b.count; i++) lists[b.tenantIndex[i]!]!.push([bi, i]);
      total += b.count;
    });
    const headByTenant = new Map(expectedHeads.map((h) => [h.tenant, h]));
    const names = [...new Set([...byTenant.keys(), ...headByTenant.keys()])].sort();
    const chains = names.map((tenant) => {
      const checker = new SortedChainChecker(tenant, headByTenant.get(tenant));
      const entries = byTenant.get(tenant) ?? [];
      const seqOf = ([bi, i]: [number, number]) => this.batches[bi]!.seq[i]!;
      entries.sort((a, b) => seqOf(a) - seqOf(b) || a[0] - b[0] || a[1] - b[1]);
      for (const [bi, i] of entries) {
        const b = this.batches[bi]!;
        const claimed = bytesToHex(b.hashes, i * 64);
        checker.push({
          seq: b.seq[i]!,
          claimed,
          prev: bytesToHex(b.hashes, i * 64 + 32),
          computed: b.hashOk[i] ? claimed : b.mismatches.get(i)!,
          where: b.file ? `${b.file} line ${b.line[i]! + b.lineOffset}` : `line ${b.line[i]! + b.lineOffset}`,
        });
      }
      return checker.finish();
    });
    return { ok: chains.every((c) => c.ok), records: total, chains };
  }

  private flushBuilder(): void {
    if (this.builder) this.batches.push(this.builder.finish());
    this.builder = null;
  }
}
