// The Electron shell: window, menu, single instance, vaults given on the command line or by the OS,
// lock on menu/shortcut/screen lock, and the IPC door to the same backend that `auditdesk serve`
// exposes over HTTP. Kept thin: everything it calls lives in electron/core and runs in plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, powerMonitor, shell } from 'electron';
import type { ShellEvent } from '../../shared/api/routes';
import { DESKTOP_COLLECTOR_PORT, startDesktopCollector, type DesktopCollector } from '../core/collector/desktop-collector';
import { createDesktopBackend } from './desktop-backend';
import { EVENT_CHANNEL, registerIpc } from './ipc';
import { keychainSigner } from './keychain-signer';
import { buildMenu } from './menu';
import { passphraseMemory } from './passphrase-memory';
import { recentVaults } from './recent-vaults';
import { hardenSession, hardenWebContents } from './security';

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let collector: DesktopCollector | null = null;
const dataDir = app.getPath('userData');

/** A vault named on the command line (`auditdesk-desktop file.vault`) or opened by the OS. */
function vaultFromArgs(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => !a.startsWith('-') && /\.(vault|db)$/i.test(a) && fs.existsSync(a));
}

/**
 * The native module built for Electron: named by `npm start` (scripts/electron-native.mjs builds it
 * beside the Node one), or unpacked from the asar in a packaged app; else the default.
 */
function nativeBinding(): string | undefined {
  if (process.env.AUDITDESK_NATIVE_BINDING) return process.env.AUDITDESK_NATIVE_BINDING;
  const candidates = [
    path.join(process.resourcesPath ?? '', 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

const send = (event: ShellEvent) => mainWindow?.webContents.send(EVENT_CHANNEL, event);

const backend = createDesktopBackend(
  {
    vaultPath: vaultFromArgs(process.argv),
    canChooseVault: true,
    dataDir,
    nativeBinding: nativeBinding(),
    memory: undefined,
    recent: undefined,
    idleLockMinutes: Number(process.env.AUDITDESK_IDLE_LOCK_MINUTES ?? 15),
  },
  () => mainWindow,
);

function refreshMenu(): void {
  buildMenu({
    send,
    recent: () => backend.context.options.recent?.list() ?? [],
    openVault: () => void openVaultFromMenu('dialog.openVault'),
    createVault: () => send({ type: 'navigate', to: '#/' }),
    openRecent: (p) => openPath(p),
  });
}

async function openVaultFromMenu(route: 'dialog.openVault'): Promise<void> {
  const picked = await backend.handle(route, {});
  if (picked.ok && typeof picked.value === 'string') openPath(picked.value);
}

/** Switches to another vault: the current one is locked first, then the window asks for the passphrase. */
function openPath(vaultPath: string): void {
  backend.context.session.choose(vaultPath);
  send({ type: 'session-changed' });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'AuditDesk',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(mainWindow.webContents, (url) => void shell.openExternal(url));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // Closing the window loses nothing: every import and reveal is committed when it happens.
  mainWindow.on('closed', () => (mainWindow = null));
  if (process.env.ELECTRON_RENDERER_URL && !app.isPackaged) void mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void mainWindow.loadFile(path.join(__dirname, '../renderer/index.html'));
}

app.on('second-instance', (_event, argv) => {
  const vault = vaultFromArgs(argv);
  if (vault) openPath(vault);
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

// macOS: a vault double-clicked in the Finder.
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (app.isReady()) openPath(file);
  else backend.context.options.vaultPath = file;
});

void app.whenReady().then(() => {
  hardenSession();
  backend.context.options.memory = passphraseMemory(dataDir);
  backend.context.options.recent = recentVaults(dataDir, refreshMenu);
  backend.context.session.signerSource = keychainSigner(dataDir);
  if (backend.context.options.vaultPath && !backend.context.session.path) openPath(backend.context.options.vaultPath);
  registerIpc(backend, () => mainWindow);
  refreshMenu();
  createWindow();
  // The screen locking or the machine sleeping locks the vault too.
  powerMonitor.on('lock-screen', () => send({ type: 'lock' }));
  powerMonitor.on('suspend', () => {
    backend.context.session.lock();
    send({ type: 'session-changed' });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  void startCollector();
});

/** The collector API on loopback for the app's whole life; it writes only while a vault is unlocked. */
async function startCollector(): Promise<void> {
  const port = Number(process.env.AUDITDESK_COLLECTOR_PORT ?? DESKTOP_COLLECTOR_PORT);
  try {
    collector = await startDesktopCollector(() => backend.context.session.connection, port);
    backend.context.options.collectorUrl = collector.url;
  } catch (error) {
    // Another program has the port: the app works without a collector; say so where it can be seen.
    console.warn(`AuditDesk: the collector could not listen on 127.0.0.1:${port} (${(error as Error).message}); set AUDITDESK_COLLECTOR_PORT`);
  }
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void collector?.close();
  backend.close();
});
