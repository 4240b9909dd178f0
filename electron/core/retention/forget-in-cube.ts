// A purge takes its records out of the summary cube (migration 3), which the dashboard counts from:
// the records the review indexer has already counted (pos <= indexed_pos) are subtracted from their
// cells, by the dimensions they had before they became tombstones. Records it has not reached yet are
// left to it (it skips tombstones).
import type Database from 'better-sqlite3';
import { CUBE_DIMS_SQL, foldCube, type CubeDims } from '../queries/cube-dims';
import { indexedPos } from '../queries/review-indexer';

const DIMS = ['day', 'tenant', 'kind', 'operation', 'user', 'resource_type', 'framework', 'sensitive', 'severity', 'open'] as const;

/** Subtracts the records of temp table `retention_set` from the cube; call before they are purged. */
export function forgetInSummaryCube(db: Database.Database): void {
  const upto = indexedPos(db);
  if (upto === 0) return;
  const rows = db
    .prepare(`SELECT ${CUBE_DIMS_SQL} FROM records WHERE pos IN (SELECT pos FROM temp.retention_set WHERE pos <= ?) AND purged_at IS NULL`)
    .iterate(upto);
  const cells = foldCube(rows as Iterable<CubeDims>);
  const match = DIMS.map((d) => `${d} = @${d}`).join(' AND ');
  const subtract = db.prepare(`UPDATE summary_cube SET n = n - @n WHERE ${match}`);
  for (const cell of cells.values()) subtract.run(cell);
  db.prepare('DELETE FROM summary_cube WHERE n <= 0').run();
}
