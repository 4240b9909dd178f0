// An HTTP answer other than success, thrown from anywhere in a handler and rendered by the collector's
// error handler: `{"error": …}` plus whatever members say which field (and which record of a batch).
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = (why: string) =>
  new ApiError(401, why, {}, { 'www-authenticate': 'Bearer realm="auditdesk", Basic realm="auditdesk"' });
