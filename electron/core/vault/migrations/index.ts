import type { Migration } from './migration';
import { initial } from './0001-initial';
import { keysAndLedger } from './0002-keys-and-ledger';
import { search } from './0003-search';
import { retention } from './0004-retention';
import { witness } from './0005-witness';
import { trailIndexes } from './0006-trail-indexes';
import { savedViews } from './0007-saved-views';
import { liveRecordIndexes } from './0008-live-record-indexes';
import { reportIndex } from './0009-report-index';

/** Every migration, in order. Append only: add a new numbered file, never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [initial, keysAndLedger, search, retention, witness, trailIndexes, savedViews, liveRecordIndexes, reportIndex];
