// Named imports: a default import of these CommonJS packages is their whole module.exports under Node's ESM.
import { asApp, asUser } from '@forge/api';
import type { Route } from '@forge/api';
import type { ZodType } from 'zod';
import { invocationRemainingMs } from '../forge-runtime';
import { isScopeMismatch, JiraError, jiraMessages, kindForStatus } from './errors';
import { endpointOf } from './pacing';
import type { JiraPacer } from './pacing';
import { decideRetry, defaultRetryPolicy, hintedDelayMs, isRetryableStatus } from './retry-policy';
import type { RetryPolicy } from './retry-policy';

/**
 * Who Jira sees. `user` is the person whose browser invoked the resolver: Jira applies their
 * permissions, so they never see an epic, sprint or count they could not see in Jira. `app` is for
 * scheduled work with no person behind it.
 */
export type JiraActor = 'user' | 'app';

export interface JiraRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: Route;
  body?: unknown;
  /** Checks the answer. Loose schemas: Jira adds fields and enum values over time. */
  schema: ZodType<T>;
}

export interface JiraClient {
  readonly actor: JiraActor;
  send<T>(request: JiraRequest<T>): Promise<T>;
}

export interface JiraClientOptions {
  actor: JiraActor;
  policy?: RetryPolicy;
  random?: () => number;
  remainingMs?: () => number | undefined;
  /** Background jobs: paces requests per endpoint and reads Jira's limit headers (see pacing.ts). */
  pacer?: JiraPacer;
}

/** One Jira client for the app: retries, time budget and typed errors live here and nowhere else. */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const policy = options.policy ?? defaultRetryPolicy;
  const random = options.random ?? Math.random;
  const remainingMs = options.remainingMs ?? invocationRemainingMs;
  const requester = options.actor === 'user' ? asUser() : asApp();

  async function send<T>(request: JiraRequest<T>): Promise<T> {
    const method = request.method ?? 'GET';
    const init = {
      method,
      headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    };
    const endpoint = endpointOf(method, request.path.value);
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      const ticket = await options.pacer?.before(endpoint);
      const response = await withinBudget(() => requester.requestJira(request.path, init), remainingMs(), policy);
      options.pacer?.observe(endpoint, response.status, response.headers, ticket);
      if (response.ok) return parseBody(await response.text(), request.schema, response.status);

      const hint = { retryAfter: response.headers.get('retry-after'), rateLimitReset: response.headers.get('x-ratelimit-reset'), nowMs: Date.now() };
      const decision = decideRetry({
        status: response.status,
        ...hint,
        retriesSoFar,
        remainingMs: remainingMs(),
        random,
        policy,
      });
      if (decision.retry) {
        await sleep(decision.delayMs);
        continue;
      }
      const body = await response.text();
      // A 401 is never retried (decideRetry): a missing scope stays missing until the app is upgraded.
      const scopeMissing = isScopeMismatch(response.status, response.headers.get('x-failure-category'), safeJson(body));
      const retryAfterMs = isRetryableStatus(response.status) ? hintedDelayMs(hint) : undefined;
      throw new JiraError({
        kind: scopeMissing ? 'scope-missing' : kindForStatus(response.status),
        status: response.status,
        messages: jiraMessages(safeJson(body)),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        detail: scopeMissing
          ? `Forge refused ${method} ${request.path.value}: manifest.yml permissions.scopes do not cover it`
          : `Jira answered ${response.status} to ${method} ${request.path.value}` +
            (decision.reason === 'not-retryable' ? '' : ` (gave up: ${decision.reason})`),
      });
    }
  }

  return { actor: options.actor, send };
}

/** Stops waiting for Jira when the invocation would end first, so the UI gets an answer, not a timeout. */
async function withinBudget<T>(request: () => Promise<T>, remaining: number | undefined, policy: RetryPolicy): Promise<T> {
  if (remaining !== undefined && remaining < policy.requestAllowanceMs / 3) {
    throw new JiraError({ kind: 'out-of-time', detail: 'No time left in this invocation to ask Jira' });
  }
  const attempt = request().catch((error: unknown) => {
    if (error instanceof Error && error.name === 'NeedsAuthenticationError') throw error; // Forge asks for consent
    throw new JiraError({ kind: 'unavailable', detail: `The request to Jira failed: ${String(error)}` });
  });
  if (remaining === undefined) return attempt;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // Leave a margin to turn the failure into an answer before Forge ends the invocation.
    timer = setTimeout(
      () => reject(new JiraError({ kind: 'out-of-time', detail: 'Jira did not answer within the time left' })),
      Math.max(0, remaining - policy.requestAllowanceMs / 3),
    );
  });
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function parseBody<T>(text: string, schema: ZodType<T>, status: number): T {
  const json = text.trim() === '' ? undefined : safeJson(text);
  if (json === invalidJson) {
    throw new JiraError({ kind: 'malformed', status, detail: 'Jira answered with a body that is not JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new JiraError({ kind: 'malformed', status, detail: `Jira's answer has an unexpected shape: ${parsed.error.message}` });
  }
  return parsed.data;
}

const invalidJson = Symbol('invalid JSON');

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return invalidJson;
  }
}


const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
