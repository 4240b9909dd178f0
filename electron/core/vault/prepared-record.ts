// A record made ready for admission before the vault sees it: validated and canonicalised, which is
// most of the CPU work of an import, so it can run on a worker thread. What remains for the vault is
// the sequential part: assigning seq and prev_hash, hashing, inserting.
import { canonicalJson } from '../../../shared/canonical-json';
import { hashedForm } from '../../../shared/chain/record-hash';
import type { AuditRecord } from '../../../shared/records/record-schema';

export type PreparedRecord =
  | {
      /** No chain fields: the vault chains it. The canonical text is split where `prev_hash` and `seq` go. */
      chained: false;
      tenant: string;
      id: string;
      /** Canonical entries before "prev_hash", between "prev_hash" and "seq", and after "seq". */
      parts: [string, string, string];
    }
  | {
      /** Arrived with its own chain: stored exactly as it came. */
      chained: true;
      tenant: string;
      id: string;
      seq: number;
      claimed: string;
      canonical: string;
    };

export function prepareRecord(record: AuditRecord): PreparedRecord {
  if (record.audit_hash !== undefined) {
    return { chained: true, tenant: record.tenant, id: record.id, seq: record.seq!, claimed: record.audit_hash, canonical: hashedForm(record) };
  }
  // RFC 8785 orders members by UTF-16 code units, which is what Array.prototype.sort does to strings.
  const keys = Object.keys(record).sort();
  const entry = (k: string) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`;
  const before: string[] = [];
  const between: string[] = [];
  const after: string[] = [];
  for (const k of keys) (k < 'prev_hash' ? before : k < 'seq' ? between : after).push(entry(k));
  return { chained: false, tenant: record.tenant, id: record.id, parts: [before.join(','), between.join(','), after.join(',')] };
}

/** The canonical text of a vault-chained record once its place in the chain is known. */
export function assembleCanonical(parts: [string, string, string], seq: number, prevHash: string): string {
  let text = '{';
  if (parts[0]) text += `${parts[0]},`;
  text += `"prev_hash":"${prevHash}",`;
  if (parts[1]) text += `${parts[1]},`;
  text += `"seq":${seq}`;
  if (parts[2]) text += `,${parts[2]}`;
  return `${text}}`;
}

/** The record's content without chain fields, in canonical form (to compare a re-sent record). */
export function contentCanonical(prepared: PreparedRecord): string {
  if (prepared.chained) {
    const { seq: _s, prev_hash: _p, ...content } = JSON.parse(prepared.canonical) as Record<string, unknown>;
    return canonicalJson(content);
  }
  return `{${prepared.parts.filter(Boolean).join(',')}}`;
}
