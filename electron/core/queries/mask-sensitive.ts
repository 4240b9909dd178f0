// Replaces the values of sensitive fields (at any depth) with MASK before a record leaves the backend,
// so the real value crosses the boundary only on an explicit, logged reveal.
import { MASK } from '../../../shared/api/record';

export interface Masked {
  value: Record<string, unknown>;
  /** Dotted paths of what was masked, e.g. "new_data.password" or "details.cards[0].credit_card". */
  paths: string[];
}

export function maskSensitive(record: Record<string, unknown>, sensitive: ReadonlySet<string>): Masked {
  const paths: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) {
        const here = path ? `${path}.${key}` : key;
        if (sensitive.has(key.toLowerCase()) && inner !== null && inner !== undefined) {
          out[key] = MASK;
          paths.push(here);
        } else out[key] = walk(inner, here);
      }
      return out;
    }
    return v;
  };
  return { value: walk(record, '') as Record<string, unknown>, paths };
}
