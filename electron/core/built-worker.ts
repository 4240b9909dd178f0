// Finds a worker-thread script of the built engine (out/main/NAME.js). The code asking may itself sit
// in out/main/chunks/, so both folders are tried. Running from TypeScript sources (the tests) finds
// none, and callers then do the work in their own thread: same code, one thread.
import fs from 'node:fs';
import path from 'node:path';

export function builtWorker(name: string): string | null {
  const here = typeof __dirname === 'string' ? __dirname : null;
  if (!here) return null;
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, `${name}.js`);
    if (fs.existsSync(file)) return file;
  }
  return null;
}
