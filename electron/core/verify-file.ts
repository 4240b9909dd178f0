// Verifies the chains in export files, without a vault (CONTRACT §3 `verify-file`). Records may come in
// any order and across several files; only the chain fields and the tenant are checked for type here,
// since the hash covers every other member.
import type { ExpectedHead, VerifyReport } from '../../shared/chain/chain-break';
import { hashedForm } from '../../shared/chain/record-hash';
import { UnorderedChainVerifier } from '../../shared/chain/unordered-chain-verifier';
import type { JsonObject } from '../../shared/canonical-json';
import { UserError } from './errors';
import { auditdeskFormat } from './ingest/formats/auditdesk';
import { LineReader } from './ingest/line-reader';
import { nodeSha256 } from './node-sha';

const HEX64 = /^[0-9a-f]{64}$/;

export interface VerifyFileOptions {
  heads?: ExpectedHead[];
  onProgress?: (done: { file: string; bytes: number; records: number }) => void;
}

export async function verifyFiles(files: string[], options: VerifyFileOptions = {}): Promise<VerifyReport> {
  const verifier = new UnorderedChainVerifier();
  for (const file of files) {
    const reader = new LineReader(file);
    let records = 0;
    for await (const item of auditdeskFormat.read(reader.lines(), { path: file, options: {} })) {
      if (item.errors) {
        const e = item.errors[0]!;
        throw new UserError(`${file} line ${item.line}: ${e.field === '(json)' || e.field === '(csv)' ? '' : `field ${e.field} `}${e.message}`);
      }
      const record = item.record as JsonObject;
      const problem = chainFieldProblem(record);
      if (problem) throw new UserError(`${file} line ${item.line}: ${problem}`);
      verifier.add(
        record.tenant as string,
        record.seq as number,
        record.audit_hash as string,
        record.prev_hash as string,
        nodeSha256.hexOfText(hashedForm(record)),
        `${file} line ${item.line}`,
      );
      if (++records % 10000 === 0) options.onProgress?.({ file, bytes: reader.bytesRead, records });
    }
  }
  return verifier.finish(options.heads);
}

function chainFieldProblem(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'a record must be a JSON object';
  const r = record as Record<string, unknown>;
  if (typeof r.tenant !== 'string' || r.tenant === '') return 'field tenant must be a non-empty string';
  if (r.seq === undefined) return 'field seq is required: the record carries no chain fields';
  if (typeof r.seq !== 'number' || !Number.isInteger(r.seq) || r.seq < 1) return 'field seq must be a positive integer';
  for (const field of ['prev_hash', 'audit_hash']) {
    if (typeof r[field] !== 'string' || !HEX64.test(r[field] as string)) {
      return `field ${field} must be 64 lowercase hex digits`;
    }
  }
  return null;
}
