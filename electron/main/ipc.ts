// The IPC door: one channel for requests, answered by the same backend `auditdesk serve` exposes
// over HTTP. The sender is checked on every call so that only our own window's top frame, showing
// our own page, can talk to the engine.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../core/backend/backend';

export const REQUEST_CHANNEL = 'auditdesk:request';
export const EVENT_CHANNEL = 'auditdesk:event';

export function registerIpc(backend: Backend, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(REQUEST_CHANNEL, async (event: IpcMainInvokeEvent, route: unknown, body: unknown) => {
    if (!isTrustedSender(event, getWindow())) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    if (typeof route !== 'string') return { ok: false, error: { code: 'bad_request', message: 'route must be a string' } };
    return backend.handle(route, body);
  });
}

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || event.sender !== window.webContents || !frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl && !process.env.AUDITDESK_PACKAGED) return frame.url.startsWith(devUrl);
  return url.protocol === 'file:' && url.pathname.endsWith('/renderer/index.html');
}
