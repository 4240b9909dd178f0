import fs from 'node:fs';
import { STATE_FILE, type E2eState } from './e2e-vault';

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STATE_FILE)) return;
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2eState;
  try {
    process.kill(state.pid, 'SIGTERM'); // the serve process this run started, by its id
  } catch {
    // already gone
  }
}
