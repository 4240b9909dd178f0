// Format `seed`: records exported from the seed system. Django `dumpdata` JSON of backend.auditlog,
// auditquery, auditexport and auditviolation (a JSON array, or JSON lines from `--format jsonl`), and
// the seed API's answers ({"results": […]} pages, a single object, or arrays of them). Objects of other
// models in a full dumpdata (users, tenants) are skipped. Each record's own seed audit_hash is
// recomputed and its verdict kept in `seed_hash_check`; see seed-hash.ts.
import type { Line } from '../line-reader';
import type { ImportFormat, ParsedItem } from './import-format';
import { jsonTexts } from './json-documents';
import { isLosslessObject, LosslessJsonError, parseLossless, type LosslessValue } from './lossless-json';
import { seedItemOf, seedRecords } from './seed-record';

export const seedFormat: ImportFormat = {
  name: 'seed',
  detect: (sample) =>
    /"model"\s*:\s*"backend\.audit(log|query|export|violation)"/i.test(sample) ||
    (/"results"\s*:\s*\[/.test(sample) && /"(resource_type|query_type|export_type|violation_type)"\s*:/.test(sample)) ||
    (/^\s*[[{]/.test(sample) && /"audit_hash"\s*:/.test(sample) && /"resource_type"\s*:/.test(sample) && !/"kind"\s*:/.test(sample)),
  read: (lines) => readSeed(lines),
};

async function* readSeed(lines: AsyncIterable<Line>): AsyncGenerator<ParsedItem> {
  for await (const piece of jsonTexts(lines)) {
    if ('error' in piece) {
      yield { line: piece.line, errors: [{ field: '(json)', message: piece.error }] };
      continue;
    }
    let value: LosslessValue;
    try {
      value = parseLossless(piece.text);
    } catch (error) {
      if (!(error instanceof LosslessJsonError)) throw error;
      yield { line: piece.line, errors: [{ field: '(json)', message: `invalid JSON: ${error.message}` }] };
      continue;
    }
    yield* itemsOf(value, piece.line);
  }
}

function* itemsOf(value: LosslessValue, line: number): Generator<ParsedItem> {
  if (Array.isArray(value)) {
    for (const element of value) yield* itemsOf(element, line);
    return;
  }
  if (!isLosslessObject(value)) {
    yield { line, errors: [{ field: '(record)', message: 'expected a seed object (dumpdata or API answer)' }] };
    return;
  }
  if (Array.isArray(value.results)) {
    for (const element of value.results) yield* itemsOf(element, line);
    return;
  }
  const item = seedItemOf(value);
  if (!item) return; // another model of a full dumpdata
  for (const record of seedRecords(item)) yield { line, record };
}
