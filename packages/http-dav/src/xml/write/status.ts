// RFC 9110 §15 reason phrases, plus the WebDAV ones (RFC 4918 §11) a multistatus can carry.
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 207: 'Multi-Status',
  301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 423: 'Locked', 424: 'Failed Dependency', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** The reason phrase of a status code (`''` when unknown). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/**
 * The `DAV:status` text of RFC 4918 §14.28 (an HTTP status line).
 * @example statusLine(404) // 'HTTP/1.1 404 Not Found'
 */
export function statusLine(status: number): string {
  const reason = reasonPhrase(status);
  return reason === '' ? `HTTP/1.1 ${status}` : `HTTP/1.1 ${status} ${reason}`;
}
