// Migration 6: the records indexes the review UI's Trail needs at a million records, at no extra cost
// per admitted record (one index out, one in).
// - records_resource_type_time: the Trail filtered by resource type, newest first. Without it the
//   filter walked the time index and read rows until it found a page of matches: 1.6-5 s at 1M
//   records for a common type; with it, 30-40 ms (docs/benchmarks.md, "Review UI").
// - records_user goes: records_user_time (user, ts_utc) from migration 3 answers every lookup by user,
//   and each index is paid for on every insert.
import type { Migration } from './migration';

export const trailIndexes: Migration = {
  version: 6,
  name: 'trail index by resource type and time',
  up: `
    CREATE INDEX records_resource_type_time ON records(resource_type, ts_utc);
    DROP INDEX records_user;
  `,
};
