import { route } from '@forge/api';
import { z } from 'zod';
import { createJiraClient } from '../../../src/adapters/jira/client';
import type { JiraActor } from '../../../src/adapters/jira/client';
import { JiraError } from '../../../src/adapters/jira/errors';
import { approximateCount, searchAllIssues } from '../../../src/adapters/jira/search';
import { buildDemoSite, DEMO_USERS } from '../../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../../sandbox/forge/sandbox';
import { JiraSimulator } from '../../sandbox/jira/simulator';
import { manifestPath } from '../harness';

// The simulator as the host and every harness build it: the site's clock frozen at the demo's
// "now"; rate-limit reset instants still come from real time.
const jira = new JiraSimulator(buildDemoSite());
const forge = new ForgeSandbox({ jira, manifest: loadManifest(manifestPath) });
forge.install();

const myself = route`/rest/api/3/myself`;
const myselfSchema = z.looseObject({ accountId: z.string() });

/** Runs `body` inside a Forge invocation as the product manager (or the app), like a resolver does. */
function asInvocation<T>(body: () => Promise<T>, options: { actor?: JiraActor; timeoutMs?: number } = {}) {
  return forge.run(body, { accountId: DEMO_USERS.productManager, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
}

const getMyself = (actor: JiraActor = 'user') => createJiraClient({ actor }).send({ path: myself, schema: myselfSchema });

async function failureOf(promise: Promise<unknown>): Promise<JiraError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof JiraError)) throw new Error(`expected a JiraError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  jira.clearFaults();
  jira.resetStats();
  forge.setProxyFault(undefined);
});

describe('the Jira client', () => {
  test('acts as the invoking user', async () => {
    await expect(asInvocation(() => getMyself())).resolves.toMatchObject({ accountId: DEMO_USERS.productManager });
  });

  describe('retries a 429', () => {
    test('after the Retry-After seconds Jira gives', async () => {
      jira.setFaults({ rateLimit: { count: 1, signal: 'retry-after', retryAfterSeconds: 0.3 } });
      const started = Date.now();
      await expect(asInvocation(() => getMyself())).resolves.toMatchObject({ accountId: DEMO_USERS.productManager });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(jira.stats.requests).toBe(2);
    });

    test('until the X-RateLimit-Reset instant when that is all Jira gives', async () => {
      jira.setFaults({ rateLimit: { count: 1, signal: 'reset', retryAfterSeconds: 2 } });
      const started = Date.now();
      await expect(asInvocation(() => getMyself())).resolves.toMatchObject({ accountId: DEMO_USERS.productManager });
      const waited = Date.now() - started;
      // The reset is 2 s ahead, to the millisecond: ISO instants lose nothing, so ~2 s, not 0.
      expect(waited).toBeGreaterThanOrEqual(1_900);
      expect(waited).toBeLessThan(3_500);
      expect(jira.stats.requests).toBe(2);
    });

    test('never waiting for an X-RateLimit-Reset past the invocation’s remaining time', async () => {
      jira.setFaults({ rateLimit: { count: 100, signal: 'reset', retryAfterSeconds: 20 } });
      const started = Date.now();
      const error = await failureOf(asInvocation(() => getMyself(), { timeoutMs: 10_000 }));
      expect(error.kind).toBe('rate-limited');
      expect(error.message).toMatch(/out-of-time/);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(jira.stats.requests).toBe(1);
    });

    test('with jittered exponential backoff when Jira gives no hint', async () => {
      jira.setFaults({ rateLimit: { count: 2, signal: 'none' } });
      const started = Date.now();
      await asInvocation(() => getMyself());
      // 250–500 ms, then 500–1,000 ms
      expect(Date.now() - started).toBeGreaterThanOrEqual(750);
      expect(jira.stats.requests).toBe(3);
    });

    test('and gives up as rate-limited after the last retry', async () => {
      jira.setFaults({ rateLimit: { count: 100, signal: 'retry-after', retryAfterSeconds: 0.05 } });
      const error = await failureOf(asInvocation(() => getMyself()));
      expect(error.kind).toBe('rate-limited');
      expect(jira.stats.requests).toBe(5);
    });

    test('never waiting past the invocation’s remaining time', async () => {
      jira.setFaults({ rateLimit: { count: 100, signal: 'retry-after', retryAfterSeconds: 30 } });
      const started = Date.now();
      const error = await failureOf(asInvocation(() => getMyself(), { timeoutMs: 10_000 }));
      expect(error.kind).toBe('rate-limited');
      expect(error.message).toMatch(/out-of-time/);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(jira.stats.requests).toBe(1);
    });
  });

  describe('with 5xx', () => {
    test('retries a 503 after its Retry-After', async () => {
      jira.setFaults({ serverError: { count: 1, status: 503, retryAfterSeconds: 0.2 } });
      await expect(asInvocation(() => getMyself())).resolves.toBeDefined();
      expect(jira.stats.requests).toBe(2);
    });

    test('gives up on a 503 that lasts as unavailable', async () => {
      jira.setFaults({ serverError: { count: 100, status: 503, retryAfterSeconds: 0.05 } });
      expect((await failureOf(asInvocation(() => getMyself()))).kind).toBe('unavailable');
    });

    test('does not retry a 500', async () => {
      jira.setFaults({ serverError: { count: 1, status: 500 } });
      const error = await failureOf(asInvocation(() => getMyself()));
      expect(error).toMatchObject({ kind: 'unavailable', status: 500 });
      expect(jira.stats.requests).toBe(1);
    });
  });

  describe('with a body that is not what Jira promised', () => {
    test.each(['truncated-json', 'html'] as const)('reports %s as malformed', async (kind) => {
      jira.setFaults({ malformed: { count: 1, kind } });
      expect((await failureOf(asInvocation(() => getMyself()))).kind).toBe('malformed');
    });

    test('reports valid JSON of the wrong shape as malformed', async () => {
      const wrong = z.looseObject({ accountId: z.number() });
      const error = await failureOf(asInvocation(() => createJiraClient({ actor: 'user' }).send({ path: myself, schema: wrong })));
      expect(error.kind).toBe('malformed');
    });
  });

  test('stops waiting for a slow Jira before the invocation ends', async () => {
    jira.setFaults({ latency: { fixedMs: 5_000 } });
    const started = Date.now();
    const error = await failureOf(asInvocation(() => getMyself(), { timeoutMs: 2_000 }));
    expect(error.kind).toBe('out-of-time');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('reports a failing Forge proxy as unavailable', async () => {
    forge.setProxyFault({ remote: 'jira' });
    expect((await failureOf(asInvocation(() => getMyself()))).kind).toBe('unavailable');
  });

  test('passes Jira’s own words on for invalid JQL', async () => {
    const error = await failureOf(
      asInvocation(() => searchAllIssues(createJiraClient({ actor: 'user' }), { jql: 'project = THR AND nonsense ~~ 1', fields: ['summary'] })),
    );
    expect(error.kind).toBe('bad-request');
    expect(error.messages.join(' ')).toMatch(/JQL|nonsense/i);
  });

  test('follows nextPageToken until the last page', async () => {
    const [issues, count] = await asInvocation(async () => {
      const client = createJiraClient({ actor: 'user' });
      return Promise.all([
        searchAllIssues(client, { jql: 'project = THR ORDER BY key ASC', fields: ['summary'], pageSize: 25 }),
        approximateCount(client, 'project = THR'),
      ]);
    });
    expect(issues.length).toBe(count);
    expect(new Set(issues.map((i) => i.key)).size).toBe(count);
    expect(jira.stats.byRoute['POST /rest/api/3/search/jql']).toBe(Math.ceil(count / 25));
  });

  test('as the app, sees what the add-on role may see: not FIN, whose scheme leaves the role out, nor THR’s confidential issues', async () => {
    const [userFin, appFin, userThr, appThr] = await asInvocation(async () =>
      Promise.allSettled([
        approximateCount(createJiraClient({ actor: 'user' }), 'project = FIN'),
        approximateCount(createJiraClient({ actor: 'app' }), 'project = FIN'),
        approximateCount(createJiraClient({ actor: 'user' }), 'project = THR'),
        approximateCount(createJiraClient({ actor: 'app' }), 'project = THR'),
      ]),
    );
    // Jira hides the project's existence from whoever cannot browse it: the product manager, and the app.
    for (const hidden of [userFin, appFin]) expect(hidden.status === 'rejected' && hidden.reason instanceof JiraError && hidden.reason.kind).toBe('bad-request');
    // The product manager is a member of THR's Confidential level; the app is not.
    const confidential = jira.site.issues.filter((issue) => issue.securityLevelId !== undefined).length;
    expect(confidential).toBeGreaterThan(0);
    expect(userThr.status === 'fulfilled' && appThr.status === 'fulfilled' && userThr.value - appThr.value).toBe(confidential);
  });
});
