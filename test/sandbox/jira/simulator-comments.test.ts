import { DEMO_USERS } from '../demo';
import type { ErrorBody } from './simulator-kit';
import { ANONYMOUS, asUser, bodyOf, demoSimulator, issueNamed, send } from './simulator-kit';

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('issue comments (REST v3, ADF)', () => {
  test('POST adds a comment as the caller (201, Jira’s Comment shape); GET lists it', async () => {
    const now = new Date('2026-12-07T10:00:00.000Z');
    const sim = demoSimulator({ clock: () => now });
    const added = await send(sim, { method: 'POST', path: '/rest/api/3/issue/THR-1/comment', body: { body: doc('On track: checkout ships Friday.') } });

    expect(added.status).toBe(201);
    const comment = bodyOf<{ id: string; author: { accountId: string }; body: unknown; created: string }>(added);
    expect(comment.author.accountId).toBe(DEMO_USERS.productManager);
    expect(comment.body).toEqual(doc('On track: checkout ships Friday.'));
    expect(comment.created).toBe(now.toISOString());
    expect(issueNamed(sim.site, 'THR-1').updated).toBe(now.toISOString());

    const listed = bodyOf<{ comments: Array<{ id: string }>; total: number }>(await send(sim, { path: '/rest/api/3/issue/THR-1/comment', caller: asUser('developer') }));
    expect(listed.total).toBe(1);
    expect(listed.comments.map((c) => c.id)).toEqual([comment.id]);
  });

  test('someone who may browse but not comment gets 403, and nothing is added', async () => {
    const sim = demoSimulator();
    const project = sim.site.projects.find((p) => p.key === 'THR')!;
    project.permissions[DEMO_USERS.developer] = ['BROWSE_PROJECTS', 'EDIT_ISSUES'];

    const refused = await send(sim, { method: 'POST', path: '/rest/api/3/issue/THR-1/comment', body: { body: doc('x') }, caller: asUser('developer') });

    expect(refused.status).toBe(403);
    expect(bodyOf<ErrorBody>(refused).errorMessages[0]).toMatch(/permission to comment/);
    expect(issueNamed(sim.site, 'THR-1').comments ?? []).toEqual([]);
  });

  test('an issue the caller may not see is a 404, whether it exists or not', async () => {
    const sim = demoSimulator();
    for (const path of ['/rest/api/3/issue/THR-1/comment', '/rest/api/3/issue/NOPE-1/comment']) {
      const refused = await send(sim, { method: 'POST', path, body: { body: doc('x') }, caller: asUser('outsider') });
      expect(refused.status).toBe(404);
    }
    expect((await send(sim, { method: 'POST', path: '/rest/api/3/issue/THR-1/comment', body: { body: doc('x') }, caller: ANONYMOUS })).status).toBe(404);
    expect(issueNamed(sim.site, 'THR-1').comments ?? []).toEqual([]);
  });

  test.each([
    ['plain text instead of ADF', { body: 'hello' }],
    ['an ADF node of unknown shape', { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', colour: 'red' }] } }],
    ['an unknown property', { body: doc('x'), pinned: true }],
    ['a body past 32,767 characters', { body: doc('x'.repeat(33_000)) }],
  ])('400 for %s', async (_case, body) => {
    const sim = demoSimulator();
    expect((await send(sim, { method: 'POST', path: '/rest/api/3/issue/THR-1/comment', body })).status).toBe(400);
    expect(issueNamed(sim.site, 'THR-1').comments ?? []).toEqual([]);
  });

  test('413 past Jira’s per-issue comment limit', async () => {
    const sim = demoSimulator();
    const issue = issueNamed(sim.site, 'THR-1');
    issue.comments = Array.from({ length: 5_000 }, (_, i) => ({ id: String(i), authorAccountId: 'x', body: doc('x'), created: '2026-01-01T00:00:00.000Z' }));
    expect((await send(sim, { method: 'POST', path: '/rest/api/3/issue/THR-1/comment', body: { body: doc('x') } })).status).toBe(413);
    expect(issue.comments).toHaveLength(5_000);
  });
});
