/**
 * The two bridge ops that leave the browser: `invoke` and `fetchProduct` (requestJira), sent to
 * the sandbox server as the frame's acting user. Replies take the shapes @forge/bridge expects
 * (invoke.js, fetch/fetch.js).
 */
import type { InvokeTarget } from './host-config';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    return parsed.error?.message ?? text;
  } catch {
    return text || `${response.status} ${response.statusText}`;
  }
}

export async function invokeResolver(target: InvokeTarget, modalContext: unknown, payload: unknown): Promise<unknown> {
  const { functionKey, payload: body, metadata } = record(payload);
  const response = await fetch('/__sandbox/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...target, ...(modalContext === undefined ? {} : { modal: modalContext }), functionKey, payload: body ?? {} }),
  });
  if (!response.ok) {
    // The prefix Forge's invoke rejects with, before the function's own message (unverified wording).
    throw new Error(`There was an error invoking the function - ${await errorMessage(response)}`);
  }
  const result: unknown = response.status === 204 ? undefined : await response.json();
  // Asked for metadata, the bridge expects {body, metadata}; rate-limit metadata is not modelled.
  return metadata === undefined ? result : { body: result, metadata: {} };
}

export async function fetchProduct(user: string, payload: unknown): Promise<unknown> {
  const { product, restPath, fetchRequestInit } = record(payload);
  if (product !== 'jira') throw new Error(`request${String(product)}: this sandbox is a Jira site; only requestJira is available`);
  const init = record(fetchRequestInit);
  const headerPairs = Array.isArray(init['headers']) ? (init['headers'] as Array<[string, string]>) : [];
  const response = await fetch('/__sandbox/jira', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user,
      method: typeof init['method'] === 'string' ? init['method'] : 'GET',
      path: restPath,
      headers: Object.fromEntries(headerPairs),
      ...(typeof init['body'] === 'string' ? { body: init['body'] } : {}),
    }),
  });
  if (response.headers.get('x-sandbox-error')) throw new Error(await errorMessage(response));
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!name.startsWith('x-sandbox')) headers[name] = value;
  });
  return { status: response.status, statusText: response.statusText, headers, body: await response.text() };
}
