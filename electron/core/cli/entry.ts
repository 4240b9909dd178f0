// Process entry of the `auditdesk` binary (bin/auditdesk.cjs loads the built copy of this file).
import { processIo } from './io';
import { main } from './main';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`auditdesk: unexpected error: ${error.message}\n`);
    process.exitCode = 2;
  },
);
