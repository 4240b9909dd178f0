// The IPC door: one channel for requests, answered by the shared backend; the sender is checked on
// every call so that only our own window's top frame can talk to the engine.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { createDesktopBackend } from './desktop-backend';

export function registerIpc(getWindow: () => BrowserWindow | null): void {
  const backend = createDesktopBackend(getWindow);
  ipcMain.handle('auditdesk:request', async (event: IpcMainInvokeEvent, route: unknown, body: unknown) => {
    if (!isTrustedSender(event, getWindow())) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    if (typeof route !== 'string') return { ok: false, error: { code: 'bad_request', message: 'route must be a string' } };
    return backend.handle(route, body);
  });
}

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || event.sender !== window.webContents || !frame || frame.parent !== null) return false;
  const url = new URL(frame.url);
  return url.protocol === 'file:' || (process.env.ELECTRON_RENDERER_URL !== undefined && frame.url.startsWith(process.env.ELECTRON_RENDERER_URL));
}
