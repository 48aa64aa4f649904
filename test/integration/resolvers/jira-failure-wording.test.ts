/**
 * A Jira failure is told as it happened (issue 12, part 6): an answer that came at once but could
 * not be read is not "did not answer in time". All keep the code `jira-unavailable` (retry offered).
 */
import { createSandbox } from '../harness';

const sandbox = createSandbox();

describe('what the user is told when Jira fails', () => {
  test('a malformed answer (an HTML page for JSON) says Jira answered unreadably, not that it timed out', async () => {
    sandbox.jira.setFaults({ malformed: { count: 1000, kind: 'html', match: '/rest/api/3/project/' } });
    const result = await sandbox.call('getProjectOverview', { as: 'productManager' });
    expect(result).toMatchObject({ ok: false, error: { code: 'jira-unavailable' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toBe('Jira answered, but not in a form Throughline can read. Try again; if it keeps happening, tell your Jira administrator.');
    expect(message).not.toMatch(/in time/);
  });

  test('Jira failing with 5xx past every retry says it is not available, not that it timed out', async () => {
    sandbox.jira.setFaults({ serverError: { count: 1000, status: 500, match: '/rest/api/3/search/jql' } });
    const result = await sandbox.call('getProjectOverview', { as: 'productManager' });
    expect(result).toMatchObject({ ok: false, error: { code: 'jira-unavailable', message: 'Jira is not available right now. Try again in a moment.' } });
  });
});
