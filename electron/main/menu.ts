// The application menu: vault actions, lock (with its shortcut), and the usual edit/view/window menus.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { ShellEvent } from '../../shared/api/routes';

export interface MenuActions {
  send(event: ShellEvent): void;
  openVault(): void;
  createVault(): void;
  openRecent(path: string): void;
  recent(): string[];
}

export function buildMenu(actions: MenuActions): void {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Vault…', accelerator: 'CmdOrCtrl+O', click: actions.openVault },
        { label: 'Create Vault…', accelerator: 'CmdOrCtrl+N', click: actions.createVault },
        {
          label: 'Open Recent',
          submenu: actions.recent().length
            ? actions.recent().map((p) => ({ label: p, click: () => actions.openRecent(p) }))
            : [{ label: 'No recent vaults', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.send({ type: 'navigate', to: '#/import' }) },
        { type: 'separator' },
        { label: 'Lock Vault', accelerator: 'CmdOrCtrl+L', click: () => actions.send({ type: 'lock' }) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        { label: 'Dashboard', accelerator: 'CmdOrCtrl+1', click: () => actions.send({ type: 'navigate', to: '#/' }) },
        { label: 'Trail', accelerator: 'CmdOrCtrl+2', click: () => actions.send({ type: 'navigate', to: '#/trail' }) },
        { label: 'Integrity', accelerator: 'CmdOrCtrl+3', click: () => actions.send({ type: 'navigate', to: '#/integrity' }) },
        { label: 'Import', accelerator: 'CmdOrCtrl+4', click: () => actions.send({ type: 'navigate', to: '#/import' }) },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
