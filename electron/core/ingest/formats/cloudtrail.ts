// Format `cloudtrail`: AWS CloudTrail logs as delivered ({"Records": […]}, gzipped or not) or as one
// event a line (NDJSON, e.g. passed through Logstash, whose @timestamp stands in for eventTime).
import type { Line } from '../line-reader';
import { cloudtrailRecords } from './cloudtrail-record';
import { linesOrGunzip, looksGzipped } from './gzip-lines';
import type { FormatContext, ImportFormat, ParsedItem } from './import-format';
import { jsonValues } from './json-documents';

export const cloudtrailFormat: ImportFormat = {
  name: 'cloudtrail',
  detect: (sample) =>
    // Until the pipeline decompresses (see gzip-lines.ts), a gzip file is taken for CloudTrail, the
    // one source here that ships gzipped.
    looksGzipped(sample) ||
    /^\s*\{\s*"Records"\s*:\s*\[/.test(sample) ||
    (/"eventSource"\s*:/.test(sample) && /"eventName"\s*:/.test(sample) && /"userIdentity"\s*:/.test(sample)),
  read: (lines, context) => readCloudtrail(lines, context),
};

async function* readCloudtrail(lines: AsyncIterable<Line>, context: FormatContext): AsyncGenerator<ParsedItem> {
  for await (const piece of jsonValues(linesOrGunzip(lines, context.path))) {
    if ('errors' in piece) {
      yield piece;
      continue;
    }
    const value = piece.value;
    const events = Array.isArray(value)
      ? value
      : value && typeof value === 'object' && Array.isArray((value as { Records?: unknown }).Records)
        ? (value as { Records: unknown[] }).Records
        : [value];
    for (const event of events) {
      const mapped = cloudtrailRecords(event as never);
      if ('errors' in mapped) yield { line: piece.line, errors: mapped.errors };
      else for (const record of mapped.records) yield { line: piece.line, record };
    }
  }
}
