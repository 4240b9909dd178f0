// The same rows as CSV for the sqlite3 shell's .import yardstick: the indexed columns, the seq the vault
// would assign, and the whole record as the last column.
import fs from 'node:fs';
import readline from 'node:readline';

const quote = (v) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`);

export async function csvForYardstick(ndjson, csv) {
  const out = fs.createWriteStream(csv);
  const seq = new Map();
  for await (const line of readline.createInterface({ input: fs.createReadStream(ndjson) })) {
    if (!line) continue;
    const r = JSON.parse(line);
    const s = (seq.get(r.tenant) ?? 0) + 1;
    seq.set(r.tenant, s);
    const row = [r.id, r.kind, r.tenant, r.user, r.timestamp, r.operation, r.resource_type, r.resource_id, s, line].map(quote).join(',');
    if (!out.write(`${row}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}
