import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: the Electron main process (plus the CLI entry, which shares the engine and runs in
// plain Node), the preload script, and the React renderer, which `auditdesk serve` also serves.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/core/cli/entry.ts'),
          // Runs on a worker thread during imports; loaded by path from beside cli.js and index.js.
          'prepare-worker': resolve(__dirname, 'electron/core/ingest/prepare-worker.ts'),
          'verify-file-worker': resolve(__dirname, 'electron/core/verify-file-worker.ts'),
          'verify-vault-worker': resolve(__dirname, 'electron/core/vault/verify-vault-worker.ts'),
          'wal-checkpoint-worker': resolve(__dirname, 'electron/core/vault/wal-checkpoint-worker.ts'),
          'report-pass-worker': resolve(__dirname, 'electron/core/reports/vault/report-pass-worker.ts'),
          'detect-period-worker': resolve(__dirname, 'electron/core/violations/detection/detect-period-worker.ts'),
          'retention-preview-worker': resolve(__dirname, 'electron/core/retention/preview-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
