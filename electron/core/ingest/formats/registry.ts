// The import formats, in the order auto-detection tries them: the most specific first.
import { UserError } from '../../errors';
import { auditdeskFormat } from './auditdesk';
import { cloudtrailFormat } from './cloudtrail';
import { k8sFormat } from './k8s';
import { csvFormat } from './mapped-csv';
import { seedFormat } from './seed';
import type { ImportFormat } from './import-format';

// auditdesk first: its exports of imported events keep the source's own marks (audit.k8s.io,
// eventSource) in `original`, while the raw sources never carry "kind": "log"/"query"/…; seed after
// the others, as its API answers are recognised by field names alone. csv is never detected.
export const FORMATS: readonly ImportFormat[] = [auditdeskFormat, k8sFormat, cloudtrailFormat, seedFormat, csvFormat];

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
