/**
 * The Jira client tells Forge's scope refusal (the app lacks a manifest scope: only an app upgrade
 * helps) from Jira's own 401 (the person is anonymous or their grant is gone), and retries neither.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { createJiraClient } from '../../../src/adapters/jira/client';
import { isScopeMismatch, JiraError } from '../../../src/adapters/jira/errors';
import { buildDemoSite, DEMO_USERS } from '../../sandbox/demo';
import { ForgeSandbox } from '../../sandbox/forge/sandbox';
import { JiraSimulator } from '../../sandbox/jira/simulator';

const site = buildDemoSite();
const jira = new JiraSimulator(site);
// Reads only: a property write needs write:jira-work.
const forge = new ForgeSandbox({ jira, manifest: { scopes: ['read:jira-work', 'read:jira-user', 'storage:app'], entities: [] } });
forge.install();
const epicKey = site.issues[0]?.key ?? 'THR-1';

async function failureOf(promise: Promise<unknown>): Promise<JiraError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof JiraError)) throw new Error(`expected a JiraError, got ${String(error)}`);
  return error;
}

const writeProperty = () =>
  createJiraClient({ actor: 'user' }).send({ method: 'PUT', path: route`/rest/api/3/issue/${epicKey}/properties/${'probe'}`, body: { a: 1 }, schema: z.unknown() });
const myself = () => createJiraClient({ actor: 'user' }).send({ path: route`/rest/api/3/myself`, schema: z.unknown() });

beforeEach(() => jira.resetStats());

describe('the Jira client under Forge’s scope check', () => {
  test('a call the scopes do not cover is a scope-missing JiraError naming the operation, after one request', async () => {
    const error = await failureOf(forge.run(writeProperty, { accountId: DEMO_USERS.productManager }));
    expect(error).toMatchObject({ kind: 'scope-missing', status: 401 });
    expect(error.message).toBe(`Forge refused PUT /rest/api/3/issue/${epicKey}/properties/probe: manifest.yml permissions.scopes do not cover it`);
    expect(forge.lastInvocation?.jiraCalls).toEqual([{ method: 'PUT', path: `/rest/api/3/issue/${epicKey}/properties/probe`, status: 401, as: 'user' }]);
    expect(jira.stats.requests).toBe(0);
  });

  test('Jira’s own 401 to a covered call (an anonymous viewer) stays unauthenticated', async () => {
    const error = await failureOf(
      forge.callResolver(async () => myself(), { functionKey: 'f', payload: {}, moduleKey: 'm', extension: { type: 'jira:globalPage' }, accountType: 'anonymous' }),
    );
    expect(error).toMatchObject({ kind: 'unauthenticated', status: 401 });
    expect(jira.stats.requests).toBe(1);
  });
});

describe('isScopeMismatch', () => {
  test.each([
    [401, 'FAILURE_CLIENT_SCOPE_CHECK', undefined, true],
    [401, null, { code: 401, message: 'Unauthorized; scope does not match' }, true],
    [401, null, { errorMessages: ['You are not authenticated.'] }, false],
    [403, 'FAILURE_CLIENT_SCOPE_CHECK', undefined, false],
  ])('status %i, category %s, body %j → %s', (status, category, body, expected) => {
    expect(isScopeMismatch(status, category, body)).toBe(expected);
  });
});
