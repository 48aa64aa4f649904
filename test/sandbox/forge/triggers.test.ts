import { asApp, asUser, getAppContext, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { buildDemoSite, DEMO_USERS } from '../demo';
import { JiraSimulator } from '../jira/simulator';
import { issueEvent, sprintEvent, type IssueEvent } from './events';
import { ForgeSandbox, type FunctionContext, type TriggerEnvelope } from './sandbox';

const site = buildDemoSite();
const sandbox = new ForgeSandbox({ jira: new JiraSimulator(site) });
const anIssue = site.issues[0];
const aSprint = site.sprints.find((sprint) => sprint.state === 'active');
if (!anIssue || !aSprint) throw new Error('The demo site changed: an issue and an active sprint are expected');

beforeAll(() => sandbox.install());

describe('product event triggers', () => {
  test('an issue update arrives shaped as Forge sends it, with the function context', async () => {
    const event = issueEvent(site, {
      eventType: 'avi:jira:updated:issue',
      issueKey: anIssue.key,
      atlassianId: DEMO_USERS.developer,
      changelog: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'To Do', to: '3', toString: 'In Progress' }],
    });
    let received: { event: IssueEvent & TriggerEnvelope; context: FunctionContext } | undefined;
    await sandbox.fireTrigger(
      (delivered, context) => {
        received = { event: delivered, context };
      },
      event,
      { moduleKey: 'throughline-issue-events' },
    );
    expect(received?.event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: {
        id: anIssue.id,
        key: anIssue.key,
        fields: { summary: anIssue.summary, project: { key: expect.any(String) }, status: { statusCategory: { key: expect.any(String) } } },
      },
      atlassianId: DEMO_USERS.developer,
      associatedUsers: [{ accountId: DEMO_USERS.developer }],
      changelog: { id: expect.any(String), items: [{ field: 'status', toString: 'In Progress' }] },
      context: { cloudId: site.cloudId, moduleKey: 'throughline-issue-events' },
      contextToken: expect.any(String),
    });
    expect(received?.context).toEqual({ principal: undefined, installContext: `ari:cloud:jira::site/${site.cloudId}` });
  });

  test('a sprint event carries the sprint bean', () => {
    expect(sprintEvent(site, { eventType: 'avi:jira-software:started:sprint', sprintId: aSprint.id })).toEqual({
      eventType: 'avi:jira-software:started:sprint',
      sprint: expect.objectContaining({ id: aSprint.id, state: 'active', name: aSprint.name, originBoardId: aSprint.boardId }),
    });
  });

  test('product event triggers are stopped after 25 s, as UI resolvers are', async () => {
    const remaining = await sandbox.fireTrigger(() => getAppContext().invocationRemainingTimeInMillis(), { eventType: 'avi:jira:created:issue' });
    expect(remaining).toBeGreaterThan(24_000);
    expect(remaining).toBeLessThanOrEqual(25_000);
  });

  test('a trigger run for a principal may act as that user', async () => {
    const status = await sandbox.fireTrigger(async () => (await asUser().requestJira(route`/rest/api/3/myself`)).status, { eventType: 'x' }, {
      accountId: DEMO_USERS.productManager,
    });
    expect(status).toBe(200);
  });
});

describe('scheduled triggers', () => {
  test('fire with {context: {cloudId, moduleKey}, contextToken} and no user', async () => {
    const seen = await sandbox.fireScheduledTrigger(
      async (request, context) => {
        await kvs.set('last-snapshot', 'today');
        const status = (await asApp().requestJira(route`/rest/api/3/myself`)).status;
        return { request, context, status };
      },
      { moduleKey: 'daily-kpi-snapshot' },
    );
    expect(seen).toEqual({
      request: { context: { cloudId: site.cloudId, moduleKey: 'daily-kpi-snapshot' }, contextToken: expect.any(String) },
      context: { installContext: `ari:cloud:jira::site/${site.cloudId}` },
      status: 200,
    });
    expect(sandbox.lastInvocation).toMatchObject({ kind: 'scheduled-trigger', storageOps: 1, jiraRequests: 1 });
    expect(await kvs.get('last-snapshot')).toBe('today');
  });
});
