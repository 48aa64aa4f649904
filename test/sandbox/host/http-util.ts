/** Small node:http helpers: JSON bodies in, JSON replies and typed errors out. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A failure the sandbox reports as `{error: {code, message, …}}` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Far above Forge's 500 KB invoke payload, so that limit is reported by the runtime's check. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body-too-large', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(request);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'invalid-json', `Request body is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid-json', 'Request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value, null, 2);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

export function sendError(response: ServerResponse, error: unknown): void {
  // The header tells a sandbox failure from a Jira reply passed through /__sandbox/jira.
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: { code: error.code, message: error.message, ...error.details } }, { 'x-sandbox-error': error.code });
    return;
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  sendJson(
    response,
    500,
    { error: { code: 'sandbox-error', name: failure.name, message: failure.message, stack: failure.stack?.split('\n') } },
    { 'x-sandbox-error': 'sandbox-error' },
  );
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'invalid-request', `"${name}" must be a string`);
  return value;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) throw new HttpError(400, 'invalid-request', `"${name}" is required`);
  return value;
}
