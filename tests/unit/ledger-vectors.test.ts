// Conformance: every RFC 6962/9162 proof case from transparency-dev/merkle (tests/fixtures/vectors/
// merkle, see PROVENANCE.md). Cases with wantErr must be rejected, the others accepted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromBase64, verifyConsistency, verifyInclusion } from '../../shared/ledger';

const root = fileURLToPath(new URL('../fixtures/vectors/merkle', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function b64(text: string): Uint8Array {
  const bytes = fromBase64(text);
  if (!bytes) throw new Error(`vector holds invalid base64: ${text}`);
  return bytes;
}

interface InclusionCase { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }
interface ConsistencyCase { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }

const inclusion = jsonFiles(join(root, 'inclusion')).map((p) => [relative(root, p), JSON.parse(readFileSync(p, 'utf8')) as InclusionCase] as const);
const consistency = jsonFiles(join(root, 'consistency')).map((p) => [relative(root, p), JSON.parse(readFileSync(p, 'utf8')) as ConsistencyCase] as const);

describe('transparency-dev/merkle vectors', () => {
  it('has all 196 cases, with both accepting and rejecting ones', () => {
    expect(inclusion.length).toBe(98);
    expect(consistency.length).toBe(98);
    expect(inclusion.some(([, c]) => !c.wantErr)).toBe(true);
    expect(consistency.some(([, c]) => !c.wantErr)).toBe(true);
  });

  it.each(inclusion)('inclusion %s', (_name, c) => {
    const result = verifyInclusion(c.leafIdx, c.treeSize, b64(c.leafHash), (c.proof ?? []).map(b64), b64(c.root));
    expect(result.ok, result.ok ? 'accepted' : result.reason).toBe(!c.wantErr);
  });

  it.each(consistency)('consistency %s', (_name, c) => {
    const result = verifyConsistency(c.size1, c.size2, (c.proof ?? []).map(b64), b64(c.root1), b64(c.root2));
    expect(result.ok, result.ok ? 'accepted' : result.reason).toBe(!c.wantErr);
  });
});
