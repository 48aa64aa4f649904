/**
 * The first steps of every admin call: the user from the Forge context (never the payload), then
 * Jira asked as that user whether they hold global Administer Jira. Jira shows the admin page to
 * Jira admins only, but the resolver is reachable from any module, so it checks for itself.
 */
import type { Request } from '@forge/resolver';
import type { z } from 'zod';
import type { Result } from '../../contract';
import { nowIso } from '../../adapters/clock';
import { createJiraClient } from '../../adapters/jira/client';
import type { JiraClient } from '../../adapters/jira/client';
import { holdsJiraAdmin } from '../../adapters/jira/site-admin';
import { ImportUndoFailed, undoInterruptedImport } from '../../adapters/storage/app-data';
import type { PayloadSchemas } from '../../validation/payloads';
import { unlicensed } from '../authorize';
import { trustedContext } from '../context';
import type { TrustedContext } from '../context';
import { fail } from '../results';
import { parsePayload } from '../calls';
import { say } from '../../i18n/server-texts';

export interface AdminCall<P> {
  jira: JiraClient;
  accountId: string;
  context: TrustedContext;
  payload: P;
  /** Set when an import had been interrupted and this call undid it first. */
  undoneImport?: { startedAt: string };
  /** Set when an import's undo failed again: records still to put back (the page still works). */
  unfinishedImport?: { startedAt: string; remaining: number };
}

type PayloadOf<K extends keyof PayloadSchemas> = z.output<PayloadSchemas[K]>;


async function authorizeAdmin(request: Request, writes: boolean): Promise<{ ok: true; value: Omit<AdminCall<unknown>, 'payload'> } | ReturnType<typeof fail>> {
  const context = trustedContext(request.context);
  // Someone not logged in may well be an administrator: ask them to log in, don't tell them they aren't one.
  if (!context.accountId) return fail('forbidden', say('access.notLoggedIn'));
  const jira = createJiraClient({ actor: 'user' });
  if (!(await holdsJiraAdmin(jira))) return fail('forbidden', say('access.notAdmin'));
  if (writes && !context.licensed) return unlicensed();
  // An import that ran out of time left its undo journal: put the data back before anything reads it.
  // If storage fails that undo again, the admin page still works and says so; the next call retries.
  const undo = await undoInterruptedImport(nowIso()).then(
    (undoneImport) => ({ ...(undoneImport ? { undoneImport } : {}) }),
    (error: unknown) => {
      if (error instanceof ImportUndoFailed) return { unfinishedImport: { startedAt: error.startedAt, remaining: error.remaining } };
      throw error;
    },
  );
  return { ok: true, value: { jira, accountId: context.accountId, context, ...undo } };
}

/** An admin call without a payload; `writes` calls are refused while the licence is inactive. */
export function adminRead<T>(body: (call: AdminCall<undefined>) => Promise<Result<T>>, options: { writes?: boolean } = {}) {
  return async (request: Request): Promise<Result<T>> => {
    const access = await authorizeAdmin(request, options.writes === true);
    if (!access.ok) return access;
    return body({ ...access.value, payload: undefined });
  };
}

/** An admin call with a payload checked by its schema after the permission check. */
export function adminCall<K extends keyof PayloadSchemas, T>(key: K, body: (call: AdminCall<PayloadOf<K>>) => Promise<Result<T>>, options: { writes: boolean }) {
  return async (request: Request): Promise<Result<T>> => {
    const access = await authorizeAdmin(request, options.writes);
    if (!access.ok) return access;
    const payload = parsePayload(key, request.payload);
    if (!payload.ok) return payload;
    return body({ ...access.value, payload: payload.value });
  };
}
