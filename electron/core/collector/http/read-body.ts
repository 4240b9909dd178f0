// Reads a request body within the collector's limits: at most `bodyBytes` as sent, at most
// `decodedBytes` once gzip/deflate is undone (so a small gzip bomb cannot fill memory), and all of it
// within `bodyTimeoutMs` (a client that trickles bytes is cut off with 408).
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CollectorLimits } from '../collector-options';
import { ApiError } from './api-error';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

type Limits = Pick<CollectorLimits, 'bodyBytes' | 'decodedBytes' | 'bodyTimeoutMs'>;

export async function readBody(
  headers: Record<string, string | string[] | undefined>,
  stream: Readable,
  limits: Limits,
): Promise<Buffer> {
  const encoding = String(headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip', 'deflate', ''].includes(encoding)) {
    throw new ApiError(415, `Content-Encoding ${encoding} is not supported (use gzip, deflate or none)`);
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.bodyBytes) throw tooLarge(limits.bodyBytes, 'request body');
  const raw = await collect(stream, limits);
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') {
    try {
      const decode = encoding === 'deflate' ? inflate : gunzip;
      return await decode(raw, { maxOutputLength: limits.decodedBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits.decodedBytes, 'decompressed body');
      throw new ApiError(400, `the body is not valid ${encoding} data: ${(error as Error).message}`);
    }
  }
  if (raw.length > limits.decodedBytes) throw tooLarge(limits.decodedBytes, 'request body');
  return raw;
}

function collect(stream: Readable, limits: Limits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) {
        // Stop reading: the rest of the body is not wanted, and the answer closes the connection.
        stream.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bodyBytes) finish(tooLarge(limits.bodyBytes, 'request body'));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(new ApiError(400, `the request body could not be read: ${error.message}`));
    const onAborted = () => finish(new ApiError(400, 'the client aborted the request'));
    const timer = setTimeout(
      () => finish(new ApiError(408, `the request body did not arrive within ${limits.bodyTimeoutMs / 1000} s`)),
      limits.bodyTimeoutMs,
    );
    stream.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

function tooLarge(limit: number, what: string): ApiError {
  return new ApiError(413, `the ${what} is larger than the limit of ${limit} bytes; send smaller batches`, { limit });
}
