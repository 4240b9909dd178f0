// SQL for "records of this kind". Queries, exports and violations are a few percent of a vault, and
// the partial index records_violations (migration 1: kind, status, severity, violation_type, WHERE
// kind <> 'log') finds them without reading the rest. SQLite uses a partial index only when the
// query's WHERE implies the index's, and it does not infer kind <> 'log' from kind = 'violation': the
// condition says both. Without it, a violations list at 1M records read every row (5 s; a facet 20 s).
export type NonLogKind = 'query' | 'export' | 'violation';

/** `kind = KIND`, written so that the planner can use records_violations; `alias` like 'v.'. */
export function kindIs(kind: NonLogKind, alias = ''): string {
  return `${alias}kind <> 'log' AND ${alias}kind = '${kind}'`;
}
