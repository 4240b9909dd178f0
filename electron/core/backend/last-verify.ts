// The last verification of each open vault, kept for the Integrity screen while the session lasts.
import type Database from 'better-sqlite3';
import type { VerifyResult } from '../../../shared/api/jobs';

export const chunkedVerifyLast = new WeakMap<Database.Database, VerifyResult>();
