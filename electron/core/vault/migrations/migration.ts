export interface Migration {
  /** 1, 2, 3 …: stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
  /** Settings rows inserted if absent: [key, JSON value]. */
  seed?: Array<[string, unknown]>;
}
