// Desktop-only requests (native file dialogs) in front of the engine's backend.
import { dialog, type BrowserWindow } from 'electron';

export interface RequestResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

export function createDesktopBackend(getWindow: () => BrowserWindow | null) {
  return {
    async handle(route: string, _body: unknown): Promise<RequestResult> {
      const window = getWindow();
      if (route === 'dialog.openVault' && window) {
        const picked = await dialog.showOpenDialog(window, {
          title: 'Open vault',
          filters: [{ name: 'AuditDesk vault', extensions: ['vault', 'db'] }],
          properties: ['openFile'],
        });
        return { ok: true, value: picked.canceled ? null : picked.filePaths[0] };
      }
      if (route === 'dialog.createVault' && window) {
        const picked = await dialog.showSaveDialog(window, { title: 'Create vault', defaultPath: 'audit.vault' });
        return { ok: true, value: picked.canceled ? null : picked.filePath };
      }
      return { ok: false, error: { code: 'not_found', message: `unknown route ${route}` } };
    },
  };
}
