// Where the shipped fonts are. From the sources they sit at ../fonts beside this file; from the CLI
// bundle (out/main/cli.js, CommonJS) import.meta.url points into out/main, where no fonts are, so we
// walk up to the package root and use electron/core/reports/fonts there. AUDITDESK_FONTS_DIR wins
// over both (a packaged app that copies the fonts elsewhere sets it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = 'DejaVuSans.ttf';
const IN_PACKAGE = path.join('electron', 'core', 'reports', 'fonts');

export function findFontDir(env: Record<string, string | undefined> = process.env): string {
  const tried: string[] = [];
  const candidates: string[] = [];
  if (env.AUDITDESK_FONTS_DIR) candidates.push(env.AUDITDESK_FONTS_DIR);
  const here = path.dirname(fileURLToPath(import.meta.url));
  candidates.push(path.resolve(here, '..', 'fonts'));
  for (let dir = here; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, IN_PACKAGE));
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of candidates) {
    tried.push(dir);
    if (fs.existsSync(path.join(dir, PROBE))) return dir;
  }
  throw new Error(`cannot find the report fonts (${PROBE}); looked in ${tried.slice(0, 3).join(', ')} …; set AUDITDESK_FONTS_DIR`);
}
