// DNS-rebinding defence: a page on evil.example that resolves its name to 127.0.0.1 reaches this
// server with `Host: evil.example`. Only requests naming this server by its own address are served,
// and a browser's Origin (sent on cross-origin and POST requests) must be this server's own.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function allowedHosts(boundHost: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const shown = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  if (!['0.0.0.0', '::', '[::]'].includes(boundHost)) hosts.add(`${shown}:${port}`);
  return hosts;
}

export function hostGuard(getAllowed: () => Set<string>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const allowed = getAllowed();
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowed.has(host)) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'this server answers only to its own address' } });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !(origin !== 'null' && allowed.has(hostOf(origin)) && origin.startsWith('http://'))) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'requests from other origins are refused' } });
    }
  };
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}
