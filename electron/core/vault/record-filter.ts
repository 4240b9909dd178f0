// Filters over the records table (CONTRACT §3 export filters and §4 list filters), as SQL on the
// indexed projections. Dates compare as UTC instants, whatever offset a record was written with.
import { z } from 'zod';

export const recordFilterSchema = z.object({
  tenant: z.string().optional(),
  kind: z.enum(['log', 'query', 'export', 'violation']).optional(),
  user: z.string().optional(),
  operation: z.string().optional(),
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  /** Inclusive lower bound: a date (YYYY-MM-DD) or an RFC 3339 instant. */
  start_date: z.string().optional(),
  /** Inclusive upper bound: a date means the whole of that day. */
  end_date: z.string().optional(),
});
export type RecordFilter = z.infer<typeof recordFilterSchema>;

export function filterSql(filter: RecordFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('tenant', filter.tenant);
  equal('kind', filter.kind);
  equal('user', filter.user);
  equal('operation', filter.operation);
  equal('resource_type', filter.resource_type);
  equal('resource_id', filter.resource_id);
  if (filter.start_date) {
    clauses.push(`ts_utc >= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    params.push(filter.start_date);
  }
  if (filter.end_date) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(filter.end_date)) {
      clauses.push(`ts_utc < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+1 day')`);
    } else {
      clauses.push(`ts_utc <= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    }
    params.push(filter.end_date);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
