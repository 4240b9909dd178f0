// The renderer's only door to the main process: one typed request function and one event
// subscription (issue 7). Nothing else of Node or Electron is exposed; the channel names are fixed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const api = {
  request: (route: string, body: unknown): Promise<unknown> => ipcRenderer.invoke('auditdesk:request', String(route), body),
  subscribe: (listener: (event: unknown) => void): (() => void) => {
    // The Electron event object (with its sender) never reaches the page: only the payload does.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('auditdesk:event', handler);
    return () => {
      ipcRenderer.off('auditdesk:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('auditdesk', api);
