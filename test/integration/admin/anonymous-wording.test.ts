/** The admin page asks an anonymous visitor to log in rather than calling them a non-administrator (issue 12, part 6). */
import { createSandbox } from '../harness';

const sandbox = createSandbox();

test('anonymous: refused, and asked to log in', async () => {
  const answer = await sandbox.call('getAdminSettings', { as: 'anonymous', in: { module: 'jira:adminPage' } });
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Log in to Jira/) } });
});

test('a logged-in person who is no Jira administrator is told so, not asked to log in', async () => {
  const answer = await sandbox.call('getAdminSettings', { as: 'developer', in: { module: 'jira:adminPage' } });
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only Jira administrators can see and change Throughline’s settings.' } });
});
