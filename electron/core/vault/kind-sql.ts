// SQL for "live records of this kind". Queries, exports and violations are a few percent of a vault,
// and the partial index records_violations (kind, status, severity, violation_type, WHERE kind <> 'log'
// AND purged_at IS NULL since migration 0008) finds them without reading the rest. SQLite uses a
// partial index only when the query's WHERE implies the index's, and it does not infer kind <> 'log'
// from kind = 'violation': the condition says all three. (A purged record has no kind left to match.)
// Without it, a violations list at 1M records read every row (5 s; a filter menu 20 s).
export type NonLogKind = 'query' | 'export' | 'violation';

/** `kind = KIND` for records not purged, written so that the planner can use records_violations; `alias` like 'v.'. */
export function kindIs(kind: NonLogKind, alias = ''): string {
  return `${alias}kind <> 'log' AND ${alias}purged_at IS NULL AND ${alias}kind = '${kind}'`;
}
