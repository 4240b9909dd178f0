// The dimensions of one record as the summary cube counts it (migration 3).
export interface CubeDims {
  day: string;
  tenant: string;
  kind: string;
  operation: string;
  user: string;
  resource_type: string;
  framework: string;
  sensitive: number;
  severity: string;
  open: number;
}

export interface CubeRow extends CubeDims {
  n: number;
}

/** Selects a record's cube dimensions straight from the records table (alias r optional). */
export const CUBE_DIMS_SQL = `substr(ts_utc, 1, 10) AS day, tenant, kind, ifnull(operation, '') AS operation,
  ifnull(user, '') AS user, ifnull(resource_type, '') AS resource_type, ifnull(compliance_framework, '') AS framework,
  CASE WHEN is_sensitive = 1 THEN 1 ELSE 0 END AS sensitive, ifnull(severity, '') AS severity,
  CASE WHEN kind = 'violation' AND ifnull(status, 'OPEN') IN ('OPEN', 'INVESTIGATING') THEN 1 ELSE 0 END AS open`;

const KEYS = ['day', 'tenant', 'kind', 'operation', 'user', 'resource_type', 'framework', 'sensitive', 'severity', 'open'] as const;

/** Folds records' dimensions into cube rows (one per distinct combination). */
export function foldCube(rows: Iterable<CubeDims & { n?: number }>, into = new Map<string, CubeRow>()): Map<string, CubeRow> {
  for (const row of rows) {
    const dims = { ...row, tenant: String(row.tenant), user: String(row.user), day: String(row.day ?? '') };
    const key = KEYS.map((k) => dims[k]).join('\u0000');
    const had = into.get(key);
    if (had) had.n += row.n ?? 1;
    else into.set(key, { ...dims, n: row.n ?? 1 });
  }
  return into;
}
