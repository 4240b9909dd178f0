// Query parameters of the read paths, checked: a bad value is a 400 naming the parameter, never a
// silently empty answer.
import { ApiError } from '../http/api-error';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;
export const MAX_PAGE_SIZE = 1000;

export type Query = Record<string, string | string[] | undefined>;

export function text(query: Query, name: string): string | undefined {
  const value = query[name];
  const one = Array.isArray(value) ? value[value.length - 1] : value;
  return one === undefined || one === '' ? undefined : one;
}

export function date(query: Query, name: string): string | undefined {
  const value = text(query, name);
  if (value !== undefined && !DATE_OR_INSTANT.test(value)) {
    throw new ApiError(400, `${name} must be a date (2024-05-01) or an RFC 3339 instant`, { field: name });
  }
  return value;
}

export function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const value = text(query, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ApiError(400, `${name} must be a whole number from ${min} to ${max}`, { field: name });
  }
  return n;
}

export function boolean(query: Query, name: string): boolean | undefined {
  const value = text(query, name);
  return value === undefined ? undefined : value.toLowerCase() === 'true';
}

export function page(query: Query): { page: number; page_size: number } {
  return { page: integer(query, 'page', 1, 1, 1_000_000), page_size: integer(query, 'page_size', 50, 1, MAX_PAGE_SIZE) };
}
