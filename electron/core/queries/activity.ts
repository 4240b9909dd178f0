// A user's activity and a resource's history: counts and a timeline over the records that match.
import type Database from 'better-sqlite3';
import type { Activity } from '../../../shared/api/summary';
import type { TrailFilter } from '../../../shared/api/trail';
import { summarize } from './summary';

function activity(db: Database.Database, filter: TrailFilter, names: string[]): Activity {
  const s = summarize(db, filter);
  return {
    total: s.total,
    first: s.first,
    last: s.last,
    byDay: s.byDay,
    byOperation: s.byOperation,
    byResourceType: s.byResourceType,
    byUser: s.byUser,
    names,
    counting: s.counting,
  };
}

export function userActivity(db: Database.Database, user: string): Activity {
  return activity(db, { user }, []);
}

export function resourceActivity(db: Database.Database, resourceType: string, resourceId: string): Activity {
  // A resource has few records: its names are read directly (resource_name is not in the cube).
  const names = (
    db.prepare(
      `SELECT DISTINCT resource_name AS v FROM records WHERE resource_type = ? AND resource_id = ? AND resource_name IS NOT NULL LIMIT 10`,
    ).all(resourceType, resourceId) as Array<{ v: unknown }>
  ).map((r) => String(r.v));
  return activity(db, { resource_type: resourceType, resource_id: resourceId }, names);
}
