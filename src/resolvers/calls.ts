/**
 * The shape every strategy call shares: the user and the project from the Forge context, the
 * permission check as that user (one `/mypermissions` request, and the edit rule from storage),
 * then the payload checked with its schema. Only then does the call's own body run.
 */
import type { Request } from '@forge/resolver';
import type { z } from 'zod';
import type { Result } from '../contract';
import { createJiraClient } from '../adapters/jira/client';
import type { JiraClient } from '../adapters/jira/client';
import { invalidFromZod } from '../validation/invalid';
import { payloadSchemas } from '../validation/payloads';
import type { PayloadSchemas } from '../validation/payloads';
import { authorizeEpicLinking, authorizeProduct, authorizeProjectEdit } from './authorize';
import type { ProductAccess } from './authorize';
import { trustedContext } from './context';
import type { TrustedContext } from './context';
import { fail, ok } from './results';
import type { Outcome } from './results';
import { sayCoded } from '../i18n/server-texts';

export interface Call<P> {
  jira: JiraClient;
  access: ProductAccess;
  projectId: string;
  payload: P;
  context: TrustedContext;
}

type PayloadOf<K extends keyof PayloadSchemas> = z.output<PayloadSchemas[K]>;

/** A call anyone who may browse the project can make. */
export function viewerCall<K extends keyof PayloadSchemas, T>(key: K, body: (call: Call<PayloadOf<K>>) => Promise<Result<T>>) {
  return (request: Request) => run(request, authorizeProduct, key, body);
}

/** A call that changes the product: refused unless the site's edit rule lets the caller edit. */
export function editorCall<K extends keyof PayloadSchemas, T>(key: K, body: (call: Call<PayloadOf<K>>) => Promise<Result<T>>) {
  return (request: Request) => run(request, authorizeProjectEdit, key, body);
}

/** A call that links or unlinks epics: Edit Issues in the project (the `canLink` rule), not the product's edit rule. */
export function linkerCall<K extends keyof PayloadSchemas, T>(key: K, body: (call: Call<PayloadOf<K>>) => Promise<Result<T>>) {
  return (request: Request) => run(request, authorizeEpicLinking, key, body);
}

/** A call without a payload that anyone who may browse the project can make. */
export function viewerRead<T>(body: (call: Call<undefined>) => Promise<Result<T>>) {
  return async (request: Request): Promise<Result<T>> => {
    const jira = createJiraClient({ actor: 'user' });
    const context = trustedContext(request.context);
    const access = await authorizeProduct(jira, context);
    if (!access.ok) return access;
    return body({ jira, access: access.value, projectId: access.value.project.id, payload: undefined, context });
  };
}

async function run<K extends keyof PayloadSchemas, T>(
  request: Request,
  authorize: typeof authorizeProduct,
  key: K,
  body: (call: Call<PayloadOf<K>>) => Promise<Result<T>>,
): Promise<Result<T>> {
  const jira = createJiraClient({ actor: 'user' });
  const context = trustedContext(request.context);
  const access = await authorize(jira, context);
  if (!access.ok) return access;
  const payload = parsePayload(key, request.payload);
  if (!payload.ok) return payload;
  return body({ jira, access: access.value, projectId: access.value.project.id, payload: payload.value, context });
}

export function parsePayload<K extends keyof PayloadSchemas>(key: K, payload: unknown): Outcome<PayloadOf<K>> {
  const schema = payloadSchemas[key] as unknown as z.ZodType<PayloadOf<K>>;
  const parsed = schema.safeParse(payload);
  if (parsed.success) return ok(parsed.data);
  const invalid = invalidFromZod(parsed.error);
  return fail('invalid', sayCoded(invalid.message), invalid.field);
}
