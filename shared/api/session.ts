// Session state shown by the shell: which vault, locked or not, and what this door allows.
import { z } from 'zod';
import { searchCoverageSchema } from './trail';

export const sessionSchema = z.object({
  state: z.enum(['no-vault', 'locked', 'unlocked']),
  vault: z.object({ path: z.string(), name: z.string() }).nullable(),
  /** The desktop app may open and create vaults; `serve` is bound to the vault it was started with. */
  canChooseVault: z.boolean(),
  /** Whether "remember on this device" is available (Electron safeStorage). */
  canRemember: z.boolean(),
  recent: z.array(z.string()),
  /** Who reveals are logged as. */
  reviewer: z.string(),
  search: searchCoverageSchema.nullable(),
  /** Minutes of inactivity before the UI locks itself; 0 = never. */
  idleLockMinutes: z.number(),
  sensitiveFields: z.array(z.string()),
});
export type Session = z.infer<typeof sessionSchema>;

export const unlockSchema = z.object({
  /** May be empty when the desktop app remembers this vault's passphrase. */
  passphrase: z.string().max(4096).default(''),
  /** Desktop only: the vault to open; `serve` ignores anything but its own vault. */
  path: z.string().min(1).optional(),
  remember: z.boolean().optional(),
});

export const createVaultSchema = z.object({
  path: z.string().min(1),
  passphrase: z.string().min(8, 'use at least 8 characters').max(4096),
});
