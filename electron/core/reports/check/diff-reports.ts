// Names every number (and fact) where two reports differ, by its place in the report: what
// `verify-report --vault` prints when the vault no longer gives the numbers the PDF states.
// Breakdowns are matched by key ("byOperation[UPDATE]"), controls by id, not by position, so
// that one changed count does not shift every row after it into a difference.
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface Difference {
  path: string;
  report: string;
  vault: string;
}

const show = (v: Json | undefined): string => (v === undefined ? '(absent)' : typeof v === 'string' ? v : JSON.stringify(v));
const isObj = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function idOf(v: Json, i: number): string {
  if (!isObj(v)) return String(i);
  const id = v.key ?? v.controlId ?? v.user ?? v.tenant ?? (v.severity !== undefined ? `${v.severity}/${v.status}` : undefined);
  return id === undefined ? String(i) : String(id);
}

function diff(a: Json | undefined, b: Json | undefined, path: string, out: Difference[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyed = a.concat(b).every(isObj);
    if (!keyed) {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const at = a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
        const i = at < 0 ? a.length : at;
        out.push({ path: `${path}[${i}]`, report: show(a[i]), vault: show(b[i]) });
      }
      return;
    }
    const mapA = new Map(a.map((x, i) => [idOf(x, i), x]));
    const mapB = new Map(b.map((x, i) => [idOf(x, i), x]));
    for (const k of new Set([...mapA.keys(), ...mapB.keys()])) diff(mapA.get(k), mapB.get(k), `${path}[${k}]`, out);
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, report: show(a), vault: show(b) });
}

export function diffReports(report: unknown, vault: unknown): Difference[] {
  const out: Difference[] = [];
  diff(report as Json, vault as Json, '', out);
  return out;
}
