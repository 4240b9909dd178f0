// Parses an Elasticsearch bulk body: NDJSON pairs of an action line ({"index": {…}} or {"create": {…}})
// and a document line. `delete` has no document line; `update` has one that is skipped. An action line
// that is not JSON makes the whole request a 400, as Elasticsearch does (the pairing is lost); anything
// else wrong is reported per item, and the good items are still stored.
import { ApiError } from '../http/api-error';

export type BulkAction = 'index' | 'create' | 'update' | 'delete';

export interface BulkItem {
  action: BulkAction;
  index: string | undefined;
  id: string | undefined;
  /** The document, for index and create. */
  doc?: unknown;
  /** Why this item cannot be stored (the request goes on). */
  problem?: string;
}

const ACTIONS: readonly string[] = ['index', 'create', 'update', 'delete'];

export function parseBulk(text: string, defaultIndex: string | undefined): BulkItem[] {
  const lines = text.split('\n');
  const items: BulkItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const actionLine = parseLine(line, i + 1);
    const keys = actionLine && typeof actionLine === 'object' && !Array.isArray(actionLine) ? Object.keys(actionLine) : [];
    const action = keys[0];
    if (keys.length !== 1 || !ACTIONS.includes(action!)) {
      throw new ApiError(400, `Malformed action/metadata line [${i + 1}], expected one of index, create, update or delete`, {
        line: i + 1,
        field: 'action',
      });
    }
    const meta = ((actionLine as Record<string, unknown>)[action!] ?? {}) as Record<string, unknown>;
    const index = typeof meta._index === 'string' && meta._index !== '' ? meta._index : defaultIndex;
    const id = meta._id === undefined || meta._id === null ? undefined : String(meta._id);
    const item: BulkItem = { action: action as BulkAction, index, id };
    if (action !== 'delete') {
      i++;
      while (i < lines.length && lines[i]!.trim() === '') i++;
      if (i >= lines.length) throw new ApiError(400, `the bulk request ends after action line ${i}, without its document`, { field: 'document' });
      if (action === 'update') item.problem = 'update is not supported: audit records are never changed';
      else {
        try {
          item.doc = JSON.parse(lines[i]!);
        } catch (error) {
          item.problem = `document on line ${i + 1} is not JSON: ${(error as Error).message}`;
        }
      }
    } else {
      item.problem = 'delete is not supported: audit records are never deleted';
    }
    if (!item.problem && item.index === undefined) item.problem = 'no index named: give _index in the action or the path';
    items.push(item);
  }
  return items;
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ApiError(400, `Malformed action/metadata line [${number}], expected START_OBJECT`, { line: number, field: 'action' });
  }
}
