// Where the e2e run keeps its vault and server details (written by global-setup, read by fixtures).
import path from 'node:path';

export const E2E_DIR = path.resolve(__dirname, '../../../test-results/e2e-vault');
export const STATE_FILE = path.join(E2E_DIR, 'server.json');
export const PASSPHRASE = 'e2e passphrase for the review UI';
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export interface E2eState {
  url: string;
  pid: number;
  vault: string;
}
