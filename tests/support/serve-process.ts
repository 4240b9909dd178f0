// A real `auditdesk serve` process (the built binary) on a free port, for tests of what only the built
// engine does (worker threads, the collector beside the UI). Stop it with stopServe().
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { BIN, PASSPHRASE } from './cli';

let child: ChildProcess | null = null;

/** Starts serve on `vault`; answers the URL it prints (with its session token). */
export async function startServe(vault: string, env: Record<string, string> = {}): Promise<URL> {
  child = spawn(process.execPath, [BIN, 'serve', vault, '--port', '0'], { env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE, ...env } });
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child!.stdout! }).once('line', resolve);
    child!.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return new URL(first);
}

/** Stops the serve process, if one runs, and waits until it has exited. */
export async function stopServe(): Promise<void> {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill();
  await exited;
}

/** Calls a route of the UI's API with the session token of `url`. */
export async function callUi(url: URL, route: string, body: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const token = url.searchParams.get('token')!;
  const res = await fetch(new URL(`/api/ui/${route}`, url), {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return res.json() as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
}
