// Migration 7: named Trail views kept in the vault (issue 7), so a view saved in the browser is there
// in the desktop app and on every device that opens the vault. A view is the Trail's URL query string
// under a name; it is a reviewer's preference, not audit evidence, so it lives outside the chain.
import type { Migration } from './migration';

export const savedViews: Migration = {
  version: 7,
  name: 'saved trail views',
  up: `
    CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      query TEXT NOT NULL,        -- the Trail's URL query string, e.g. operation=DELETE&tenant=acme
      created_at TEXT NOT NULL,   -- ISO 8601 UTC; a replaced view takes the time it was replaced
      created_by TEXT NOT NULL    -- the reviewer who saved it
    );
  `,
};
