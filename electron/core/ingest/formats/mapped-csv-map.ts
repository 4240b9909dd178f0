// The `--map FILE` of format csv: how the columns of any CSV become record fields (CONTRACT §1).
// A map is JSON: {"fields": {FIELD: SPEC, …}, "original": "original"}. SPEC is a column name, or
// {"column": NAME, "transform": T, "path": "a.b", "default": V} or {"value": V} for a constant.
// Transforms: text (the default), trim, python (Python literal text such as {'a': 'b'} → JSON),
// json, integer, boolean, upper (an upper-case word), cloudtrail-operation (GetObject → READ …).
// The whole row is always kept, as {column: text}, in the member named by "original".
import fs from 'node:fs';
import type { JsonObject, JsonValue } from '../../../../shared/canonical-json';
import type { FieldError } from '../../../../shared/records/record-schema';
import { UserError } from '../../errors';
import { cloudtrailOperation } from './cloudtrail-record';
import { upperWord } from './operation-word';
import { parsePythonLiteral } from './python-literal';

export const TRANSFORMS = ['text', 'trim', 'python', 'json', 'integer', 'boolean', 'upper', 'cloudtrail-operation'] as const;
export type Transform = (typeof TRANSFORMS)[number];

export type FieldSpec =
  | { kind: 'constant'; value: JsonValue }
  | { kind: 'column'; column: string; transform: Transform; path: string[]; fallback?: JsonValue };

export interface ColumnMap {
  fields: Array<[string, FieldSpec]>;
  original: string | null;
}

export function loadColumnMap(file: string): ColumnMap {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`--map ${file}: cannot read the mapping file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`--map ${file}: not JSON (${(error as Error).message})`);
  }
  return parseColumnMap(json, `--map ${file}`);
}

export function parseColumnMap(json: unknown, where = 'the column map'): ColumnMap {
  const bad = (why: string): never => {
    throw new UserError(`${where}: ${why}`);
  };
  if (!json || typeof json !== 'object' || Array.isArray(json)) bad('must be a JSON object with "fields"');
  const { fields, original } = json as { fields?: unknown; original?: unknown };
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) bad('"fields" must be an object of field → column');
  const out: Array<[string, FieldSpec]> = [];
  for (const [field, spec] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof spec === 'string') {
      out.push([field, { kind: 'column', column: spec, transform: 'text', path: [] }]);
      continue;
    }
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) bad(`field ${field}: expected a column name or an object`);
    const s = spec as { column?: unknown; value?: unknown; transform?: unknown; path?: unknown; default?: unknown };
    if ('value' in s) {
      out.push([field, { kind: 'constant', value: s.value as JsonValue }]);
      continue;
    }
    if (typeof s.column !== 'string') bad(`field ${field}: needs "column" (or "value" for a constant)`);
    const transform = (s.transform ?? 'text') as Transform;
    if (!TRANSFORMS.includes(transform)) bad(`field ${field}: unknown transform ${JSON.stringify(s.transform)} (known: ${TRANSFORMS.join(', ')})`);
    if (s.path !== undefined && typeof s.path !== 'string') bad(`field ${field}: "path" must be text such as "a.b"`);
    out.push([field, {
      kind: 'column', column: s.column as string, transform,
      path: s.path ? (s.path as string).split('.') : [],
      ...('default' in s ? { fallback: s.default as JsonValue } : {}),
    }]);
  }
  if (original !== undefined && original !== null && typeof original !== 'string') bad('"original" must be a member name or null');
  return { fields: out, original: original === null ? null : ((original as string | undefined) ?? 'original') };
}

/** Columns the map names that the header lacks: a map for another file should fail at once. */
export function missingColumns(map: ColumnMap, header: string[]): string[] {
  const names = new Set(header);
  return map.fields.flatMap(([, s]) => (s.kind === 'column' && !names.has(s.column) ? [s.column] : []));
}

function transformed(text: string, transform: Transform): JsonValue {
  switch (transform) {
    case 'text': return text;
    case 'trim': return text.trim();
    case 'python': return parsePythonLiteral(text);
    case 'json': return JSON.parse(text) as JsonValue;
    case 'integer': {
      if (!/^\s*-?\d+\s*$/.test(text)) throw new Error('not a whole number');
      return Number(text);
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(t)) return true;
      if (['false', '0', 'no'].includes(t)) return false;
      throw new Error('not true or false');
    }
    case 'upper': return upperWord(text.trim());
    case 'cloudtrail-operation': return cloudtrailOperation(text.trim(), undefined);
  }
}

function at(value: JsonValue, path: string[]): JsonValue | undefined {
  let v: JsonValue | undefined = value;
  for (const key of path) {
    if (v && typeof v === 'object' && !Array.isArray(v)) v = (v as JsonObject)[key];
    else if (Array.isArray(v) && /^\d+$/.test(key)) v = v[Number(key)];
    else return undefined;
  }
  return v;
}

/** One CSV row (column → cell text) as a record, or the fields that could not be made. */
export function applyColumnMap(map: ColumnMap, row: Record<string, string>): { record: JsonObject } | { errors: FieldError[] } {
  const record: JsonObject = {};
  const errors: FieldError[] = [];
  for (const [field, spec] of map.fields) {
    if (spec.kind === 'constant') {
      record[field] = spec.value;
      continue;
    }
    const cell = row[spec.column];
    let value: JsonValue | undefined;
    if (cell !== undefined && cell !== '') {
      try {
        value = at(transformed(cell, spec.transform), spec.path);
      } catch (error) {
        errors.push({ field, message: `column ${JSON.stringify(spec.column)} (${spec.transform}): ${(error as Error).message}` });
        continue;
      }
    }
    if (value === undefined || value === '') value = spec.fallback;
    if (value !== undefined) record[field] = value;
  }
  if (map.original) record[map.original] = row;
  return errors.length ? { errors } : { record };
}
