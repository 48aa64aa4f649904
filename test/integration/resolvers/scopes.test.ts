/**
 * Forge checks the app's scopes on every Jira call. With manifest.yml's scopes the story-point
 * field comes from the scrum board's configuration (an agile admin operation); with a scope
 * missing the app answers a typed `scope-missing`, after one request, never a retry loop and
 * never a "no permission" the user could do something about.
 */
import type { JiraCall } from '../../sandbox/forge/sandbox';
import { loadManifest } from '../../sandbox/forge/sandbox';
import { createSandbox, manifestPath } from '../harness';

const configurationCalls = (calls: readonly JiraCall[] | undefined) => (calls ?? []).filter((call) => /^\/rest\/agile\/1\.0\/board\/\d+\/configuration/.test(call.path));

describe('Jira calls under Forge’s scope check', () => {
  test('with manifest.yml’s scopes the roadmap reads the scrum board’s configuration', async () => {
    const sandbox = createSandbox();
    const result = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
    expect(result.ok).toBe(true);
    const calls = configurationCalls(sandbox.forge.lastInvocation?.jiraCalls);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.status === 200)).toBe(true);
  });

  test('without read:board-scope.admin:jira-software the roadmap answers scope-missing, having asked once', async () => {
    const scopes = loadManifest(manifestPath).scopes.filter((scope) => scope !== 'read:board-scope.admin:jira-software');
    const sandbox = createSandbox({ scopes });
    const result = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
    expect(result).toEqual({ ok: false, error: { code: 'scope-missing', message: expect.stringMatching(/Jira admin to update the app/) } });
    const calls = configurationCalls(sandbox.forge.lastInvocation?.jiraCalls);
    // One request per scrum board, each refused, none retried.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.status === 401)).toBe(true);
    expect(new Set(calls.map((call) => call.path)).size).toBe(calls.length);
    expect(sandbox.jira.stats.byRoute['GET /rest/agile/1.0/board/{boardId}/configuration']).toBeUndefined();
  });

  test('the admin page’s story-point detection answers scope-missing the same way', async () => {
    const scopes = loadManifest(manifestPath).scopes.filter((scope) => scope !== 'read:board-scope.admin:jira-software');
    const sandbox = createSandbox({ scopes });
    const result = await sandbox.call('getAdminProjectSettings', {
      as: 'admin',
      in: { module: 'jira:adminPage' },
      payload: { projectId: sandbox.project('THR').id },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'scope-missing' } });
  });
});
