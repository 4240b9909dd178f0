// The import formats, in the order auto-detection tries them: the most specific first.
import { UserError } from '../../errors';
import { auditdeskFormat } from './auditdesk';
import type { ImportFormat } from './import-format';

export const FORMATS: readonly ImportFormat[] = [auditdeskFormat];

export const FORMAT_NAMES = FORMATS.map((f) => f.name);

export function formatByName(name: string): ImportFormat {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) throw new UserError(`unknown format ${JSON.stringify(name)} (known: auto, ${FORMAT_NAMES.join(', ')})`);
  return format;
}

export function detectFormat(sample: string, path: string): ImportFormat | null {
  if (sample.trim() === '') return null; // empty: nothing to import, whatever the format
  const format = FORMATS.find((f) => f.detect(sample));
  if (!format) {
    throw new UserError(`${path}: cannot tell the format of this file; name it with --format (${FORMAT_NAMES.join(', ')})`);
  }
  return format;
}
