// Serves the built React UI (out/renderer) to the browser: GET only, files inside the folder only.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Where the built UI is: next to the built CLI (out/main → out/renderer), or in a source checkout. */
export function findRendererDir(): string | null {
  const candidates = [
    path.join(__dirname, '../renderer'),
    path.join(__dirname, '../../../out/renderer'),
    path.join(process.cwd(), 'out/renderer'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** `intercept` may answer a request itself (the token exchange) and return true. */
export function registerStaticRenderer(
  app: FastifyInstance,
  rendererDir: string | null,
  intercept: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.get('/*', async (request, reply) => {
    const url = new URL(request.url, 'http://x');
    if (intercept(request, reply)) return reply;
    if (!rendererDir) {
      return reply.code(503).type('text/plain').send('The review UI is not built: run `npm run build` in the checkout, then restart serve.');
    }
    const wanted = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(rendererDir, `.${wanted}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return reply.code(404).type('text/plain').send('not found');
    }
    reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream');
    return reply.send(fs.readFileSync(file));
  });
}
