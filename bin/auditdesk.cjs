#!/usr/bin/env node
// The `auditdesk` command: runs the built engine (out/main/cli.js) in plain Node.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('auditdesk: not built yet; run `npm install` (or `npm run build`) in the checkout first\n');
  process.exit(2);
}
require(built);
