import type { Migration } from './migration';
import { initial } from './0001-initial';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial];
