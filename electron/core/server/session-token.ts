// The per-run session token: printed once in the URL `serve` shows; opening that URL trades it for an
// HttpOnly, SameSite=Strict cookie and redirects to a clean address, so the token does not linger in
// the address bar or in history. The UI's API accepts the cookie (or the token as a Bearer header for
// scripts); without it, nothing of the vault is answered.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'auditdesk_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/** True when the request carries this run's UI session (cookie or `Authorization: Bearer TOKEN`). */
export function hasUiSession(request: FastifyRequest, token: string): boolean {
  const auth = request.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  return sameToken(cookieToken(request), token) || sameToken(bearer, token);
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
