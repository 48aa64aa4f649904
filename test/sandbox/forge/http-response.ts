/** WHATWG Responses as the Forge proxy returns them. */

/** Statuses whose Response may not carry a body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toResponse(status: number, body: string | undefined, headers: Record<string, string> = {}): Response {
  return new Response(NULL_BODY_STATUSES.has(status) ? null : (body ?? ''), { status, headers });
}

/**
 * A platform-side failure: @forge/api reads the `forge-proxy-error` header (fetch.js
 * handleProxyResponseErrors) and throws `NeedsAuthenticationError` for NEEDS_AUTHENTICATION_ERR,
 * `ProxyRequestError(status, code)` for any other value.
 */
export function proxyErrorResponse(code: string, status: number): Response {
  return toResponse(status, JSON.stringify({ code, message: `Forge sandbox proxy error: ${code}` }), {
    'forge-proxy-error': code,
    'content-type': 'application/json',
  });
}
