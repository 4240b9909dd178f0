// Checks every record of an NDJSON export against its proof bundle (`auditdesk verify-proof EXPORT
// --proofs BUNDLE`), offline, with only the vault's public key. Both files are read line by line.
import fs from 'node:fs';
import readline from 'node:readline';
import { ExportProofChecker, toBase64 } from '../../../shared/ledger';
import { UserError } from '../errors';
import { nodeMerkleHasher } from './node-hasher';

export interface ExportProofsReport {
  ok: boolean;
  checkpoint: { origin: string; size: number; root: string };
  /** Records (non-empty lines) in the export. */
  records: number;
  verified: number;
  /** Of the verified, records purged under retention: only their place in the log is proven. */
  purged: number;
  failures: Array<{ file: string; line: number; reason: string }>;
  /** Proofs in the bundle that no record of the export used (records removed from the export). */
  unused: Array<{ line: number; index: number }>;
}

function linesOf(file: string): AsyncIterable<string> {
  if (!fs.existsSync(file)) throw new UserError(`cannot read ${file}: ENOENT`);
  return readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
}

export async function checkExportProofs(exportFile: string, bundleFile: string, vkey: string): Promise<ExportProofsReport> {
  let checker: ExportProofChecker | undefined;
  for await (const line of linesOf(bundleFile)) {
    if (!checker) {
      const opened = ExportProofChecker.open(line, vkey, nodeMerkleHasher);
      if (!(opened instanceof ExportProofChecker)) throw new UserError(`${bundleFile}: ${opened.reason}`);
      checker = opened;
    } else if (line !== '') {
      checker.add(line);
    }
  }
  if (!checker) throw new UserError(`${bundleFile} is empty`);
  const report: ExportProofsReport = {
    ok: true,
    checkpoint: { origin: checker.checkpoint.origin, size: checker.checkpoint.size, root: toBase64(checker.checkpoint.rootHash) },
    records: 0,
    verified: 0,
    purged: 0,
    failures: [],
    unused: [],
  };
  let lineNo = 0;
  for await (const line of linesOf(exportFile)) {
    lineNo++;
    if (line === '') continue;
    report.records++;
    const result = checker.check(line);
    if (!result.ok) {
      report.failures.push({ file: exportFile, line: lineNo, reason: result.reason });
      continue;
    }
    report.verified++;
    if (result.purged) report.purged++;
  }
  report.unused = checker.unused();
  report.ok = report.failures.length === 0;
  return report;
}
