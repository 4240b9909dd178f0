// The renderer's only door to the main process: one typed request function and one event
// subscription (issue 7). Nothing else of Node or Electron is exposed.
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  request: (route: string, body: unknown): Promise<unknown> => ipcRenderer.invoke('auditdesk:request', route, body),
  subscribe: (listener: (event: unknown) => void): (() => void) => {
    const handler = (_: unknown, event: unknown) => listener(event);
    ipcRenderer.on('auditdesk:event', handler);
    return () => ipcRenderer.off('auditdesk:event', handler);
  },
};

contextBridge.exposeInMainWorld('auditdesk', api);
