import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { valueOf } from './builders';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

describe('searchUsers (the goal owner picker)', () => {
  test('finds people who may browse the project, with names and avatars', async () => {
    const people = valueOf(await sandbox.call('searchUsers', { as: 'productManager', payload: { query: 'l' } }));
    expect(people).toContainEqual({ accountId: DEMO_USERS.developer, displayName: 'Lukas Becker', avatarUrl: expect.stringMatching(/^https:/) });
    expect(people.map((p) => p.accountId)).not.toContain(DEMO_USERS.outsider);
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBe(1);
  });

  test('does not offer people who cannot see the project', async () => {
    expect(valueOf(await sandbox.call('searchUsers', { as: 'productManager', payload: { query: 'Sam' } }))).toEqual([]);
  });

  test('for an editor who is not a project administrator, asks Jira for the project’s assignable people instead', async () => {
    await sandbox.setEditRule('issue-editors');
    const people = valueOf(await sandbox.call('searchUsers', { as: 'developer', payload: { query: 'Maya' } }));
    expect(people.map((p) => p.displayName)).toEqual(['Maya Okafor']);
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/assignable/search']).toBe(1);
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
  });

  test('refuses people who may not edit, and an empty search', async () => {
    expect(await sandbox.call('searchUsers', { as: 'developer', payload: { query: 'a' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sandbox.call('searchUsers', { as: 'outsider', payload: { query: 'a' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sandbox.call('searchUsers', { as: 'productManager', payload: { query: '  ' } })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'query' } });
  });

  test('a lone surrogate in the search is a typed refusal, not a crash, and asks Jira nothing', async () => {
    const reply = await sandbox.call('searchUsers', { as: 'productManager', payload: { query: '\ud800x' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', field: 'query' } });
    expect(sandbox.jira.stats.requests).toBeLessThanOrEqual(1); // at most the permission check
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
  });
});
