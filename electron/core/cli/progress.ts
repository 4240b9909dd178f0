// Progress for long work, on stderr and only when it is a terminal: scripts reading our output never
// see it. Redrawn at most ten times a second.
import type { CliIo } from './io';

export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progressOn(io: CliIo): Progress {
  if (!io.stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}

export function percent(done: number, total: number): string {
  return total > 0 ? `${Math.min(100, Math.floor((done / total) * 100))}%` : '';
}
