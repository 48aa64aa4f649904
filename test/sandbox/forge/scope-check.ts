/**
 * Forge's product proxy checks the app's scopes (manifest.yml `permissions.scopes`, as granted at
 * install) against the Jira operation before Jira sees the request. Without a matching set the
 * app gets an ordinary 401 Response (no `forge-proxy-error`, so @forge/api does not throw):
 *   {"code":401,"message":"Unauthorized; scope does not match"}
 * with `x-failure-category: FAILURE_CLIENT_SCOPE_CHECK`. Body: jira.atlassian.com/browse/ECO-1180;
 * header: community.developer.atlassian.com/t/…-failure-client-scope-check-…/96127; the board
 * configuration case: docs/platform.md "Facts checked against Atlassian's documents".
 * Custom UI's `requestJira` goes through the same proxy with the same scopes.
 */
import type { JiraResponse } from '../jira/simulator';
import { scopeSetsOf, scopesAllow } from '../jira/operation-scopes';
import { ROUTES } from '../jira/routes/index';
import { matchRoute } from '../jira/routes/router';

export const SCOPE_MISMATCH_BODY = JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' });

export function scopeMismatch(): JiraResponse {
  return {
    status: 401,
    headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
    body: SCOPE_MISMATCH_BODY,
  };
}

/**
 * Forge's answer when `granted` does not cover `method path` (the path may carry a query), or
 * undefined when the request may pass. `granted` undefined = not checked (a sandbox built without
 * a manifest). A path the simulator does not serve passes, so the simulator's own 404 / 405 tells
 * the test what is missing; the guard test keeps every path the app calls inside the table.
 */
export function scopeRefusal(granted: readonly string[] | undefined, method: string, path: string): JiraResponse | undefined {
  if (granted === undefined) return undefined;
  const pathname = new URL(path, 'https://sandbox.invalid').pathname;
  const match = matchRoute(ROUTES, method.toUpperCase(), pathname);
  if (match.kind !== 'route') return undefined;
  const operation = `${match.route.method} ${match.route.template}`;
  const sets = scopeSetsOf(operation);
  // A route without a table entry is a simulator bug (operation-scopes.test.ts lists every route).
  if (!sets) throw new Error(`No scope requirement for ${operation}: add it to test/sandbox/jira/operation-scopes.ts`);
  return scopesAllow(granted, sets) ? undefined : scopeMismatch();
}
