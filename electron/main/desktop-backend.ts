// The engine's backend, plus what only the desktop can answer: native file dialogs.
import { dialog, type BrowserWindow } from 'electron';
import { ok } from '../../shared/api/result';
import { createBackend, type Backend } from '../core/backend/backend';
import type { BackendOptions } from '../core/backend/context';

export function createDesktopBackend(options: BackendOptions, getWindow: () => BrowserWindow | null): Backend {
  const backend = createBackend(options);
  backend.extend({
    'dialog.openVault': async () => {
      const window = getWindow();
      const picked = window
        ? await dialog.showOpenDialog(window, {
            title: 'Open vault',
            filters: [{ name: 'AuditDesk vault', extensions: ['vault', 'db'] }, { name: 'All files', extensions: ['*'] }],
            properties: ['openFile'],
          })
        : { canceled: true, filePaths: [] };
      return ok(picked.canceled ? null : (picked.filePaths[0] ?? null));
    },
    'dialog.createVault': async () => {
      const window = getWindow();
      const picked = window
        ? await dialog.showSaveDialog(window, { title: 'Create vault', defaultPath: 'audit.vault', filters: [{ name: 'AuditDesk vault', extensions: ['vault'] }] })
        : { canceled: true, filePath: undefined };
      return ok(picked.canceled ? null : (picked.filePath ?? null));
    },
  });
  return backend;
}
