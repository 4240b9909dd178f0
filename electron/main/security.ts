// Electron hardening (issue 7): no new windows, no navigation away, no permission grants, no webviews,
// and the same strict Content-Security-Policy as `serve` on every response the window loads.
import { session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/server/security-headers';

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never in an app window.
    if (url.startsWith('https://')) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    // In-app navigation is by hash only; anything else is refused.
    const current = contents.getURL().split('#')[0];
    if (url.split('#')[0] !== current) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
