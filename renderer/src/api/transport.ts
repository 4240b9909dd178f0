// The renderer's two doors to the one backend: the Electron preload's request function (IPC), or
// HTTP to `auditdesk serve` on loopback (the session cookie travels with same-origin requests).
import { apiClient, type ApiClient, type Transport } from '../../../shared/api/client';
import type { ShellEvent } from '../../../shared/api/routes';

interface PreloadApi {
  request(route: string, body: unknown): Promise<unknown>;
  subscribe(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    auditdesk?: PreloadApi;
  }
}

const httpTransport: Transport = {
  async request(route, body) {
    const response = await fetch(`/api/ui/${encodeURIComponent(route)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body ?? {}),
    });
    return response.json();
  },
};

export const isDesktop = typeof window !== 'undefined' && window.auditdesk !== undefined;

export const api: ApiClient = apiClient(isDesktop ? { request: (r, b) => window.auditdesk!.request(r, b) } : httpTransport);

/** Shell events (menu: lock, open …). The browser has no shell: nothing arrives. */
export function onShellEvent(listener: (event: ShellEvent) => void): () => void {
  if (!isDesktop) return () => undefined;
  return window.auditdesk!.subscribe((event) => listener(event as ShellEvent));
}
