// The kinds of break of CONTRACT §2, and the per-chain result of §3's `--json` output.
export type BreakKind = 'hash_mismatch' | 'link_mismatch' | 'gap' | 'duplicate' | 'truncated';

export interface ChainBreak {
  seq: number;
  kind: BreakKind;
  detail: string;
}

export interface ChainResult {
  tenant: string;
  records: number;
  ok: boolean;
  head: { seq: number; hash: string } | null;
  break: ChainBreak | null;
  /** Records whose content was purged under retention: their hashes still link (issue 6). */
  purged?: number;
}

export interface VerifyReport {
  ok: boolean;
  records: number;
  chains: ChainResult[];
}

/** A head the caller expects the chain to reach (CONTRACT §3 `--head TENANT:SEQ:HASH`). */
export interface ExpectedHead {
  tenant: string;
  seq: number;
  hash: string;
}

export function parseExpectedHead(text: string): ExpectedHead {
  // The tenant may itself contain ':', so split from the right.
  const m = /^(.+):(\d+):([0-9a-f]{64})$/.exec(text);
  if (!m) throw new Error(`--head ${JSON.stringify(text)}: expected TENANT:SEQ:HASH with a 64-hex-digit hash`);
  return { tenant: m[1]!, seq: Number(m[2]), hash: m[3]! };
}
