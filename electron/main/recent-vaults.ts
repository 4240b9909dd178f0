// The recently opened vaults, newest first, kept in the user data folder (and given to the OS's
// recent documents list).
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { RecentVaults } from '../core/backend/context';

export function recentVaults(dataDir: string, onChange: () => void): RecentVaults {
  const file = path.join(dataDir, 'recent.json');
  const list = (): string[] => {
    try {
      const all = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(all) ? all.filter((p): p is string => typeof p === 'string' && fs.existsSync(p)) : [];
    } catch {
      return [];
    }
  };
  return {
    list,
    add(vaultPath) {
      const next = [vaultPath, ...list().filter((p) => p !== vaultPath)].slice(0, 10);
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(next));
      app.addRecentDocument(vaultPath);
      onChange();
    },
  };
}
