// The report as CSV: every number and fact of the report, one per line, as section,key,value, so a
// spreadsheet can sum and compare them. Record listings (the tables) appear as their row counts
// only; the listings themselves are in the JSON and PDF forms.
import { stringify } from 'csv-stringify/sync';
import type { ComplianceReport } from '../../../../shared/reports/report-model';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Row = [string, string, string];

const isCountRows = (v: Json[]): v is Array<{ key: string; count: number }> =>
  v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x) && 'key' in x && 'count' in x);
const isTable = (v: { [k: string]: Json }) => 'columns' in v && 'rows' in v && 'totalRows' in v;
/** How an element of an array of objects is named in its section: its identifying member. */
const labelOf = (v: { [k: string]: Json }, i: number): string =>
  String(v.controlId ?? v.user ?? v.tenant ?? (v.severity !== undefined ? `${v.severity}/${v.status}` : i));

function walk(value: Json, section: string, key: string, out: Row[]): void {
  const here = section ? (key ? `${section}.${key}` : section) : key;
  if (Array.isArray(value)) {
    if (isCountRows(value)) { for (const r of value) out.push([here, r.key, String(r.count)]); return; }
    if (value.every((x) => typeof x !== 'object' || x === null)) { out.push([section, key, value.join(' ')]); return; }
    value.forEach((x, i) => walk(x, `${here}[${labelOf(x as { [k: string]: Json }, i)}]`, '', out));
    return;
  }
  if (value !== null && typeof value === 'object') {
    if (isTable(value)) { out.push([here, 'listed records', String(value.totalRows)]); return; }
    for (const [k, v] of Object.entries(value)) walk(v, here, k, out);
    return;
  }
  out.push([section, key, value === null ? '' : String(value)]);
}

export function reportCsv(report: ComplianceReport): string {
  const rows: Row[] = [];
  walk(report as unknown as Json, '', '', rows);
  return stringify([['section', 'key', 'value'], ...rows], { record_delimiter: '\r\n' });
}
