/**
 * The delta query of the roll-up cache for people far from UTC. Jira reads a JQL date literal in the
 * caller's profile zone (the simulator does too), which the Forge context's `timezone` need not
 * match (it comes through the browser). Before, the app wrote `updated >= "<last sync − 5 min>"`
 * on the context's clock: for a Los Angeles profile and a UTC context that literal meant eight hours
 * later, and every change in between was missed until the weekly full crawl.
 */
import { rollupOf } from '../../../src/domain/epic-rollup';
import { jqlDateTime } from '../../../src/domain/jql-date';
import { DEMO_USERS, FIELD_IDS, STATUS_IDS } from '../../sandbox/demo';
import { rollupKit, rollupOfEpic } from './kit';

const kit = rollupKit();
const { forge, site, jira } = kit;

/** Moves the app's clock and Jira's together: Jira counts relative dates back from its own now. */
const advance = (minutes: number) => {
  site.now = kit.tick(minutes);
};

beforeEach(() => {
  forge.kvs.clear();
  kit.resetMeters();
});

describe.each([
  ['America/Los_Angeles', 'UTC−8'],
  ['Australia/Sydney', 'UTC+11'],
  ['Pacific/Pago_Pago', 'UTC−11'],
])('a product manager whose Jira profile is in %s (%s)', (timeZone) => {
  beforeEach(() => {
    const user = site.users.find((u) => u.accountId === DEMO_USERS.productManager);
    if (!user) throw new Error('the demo has a product manager');
    user.timeZone = timeZone;
  });

  test('sees a child changed after the last sync on the next warm load', async () => {
    const epic = kit.epicsOf('THR')[5];
    if (!epic) throw new Error('THR has epics');
    await kit.load('THR');
    const child = kit.childrenOf(epic.id).find((c) => kit.categoryOf(c.statusId) !== 'done');
    if (!child) throw new Error('the demo epic should have an open child');
    advance(30);
    kit.edit(child.key, (issue) => {
      issue.statusId = STATUS_IDS.done;
      issue.customFields[FIELD_IDS.storyPoints] = 13;
    });
    advance(1);

    const warm = await kit.load('THR');

    expect(warm.sync).toMatchObject({ mode: 'warm' });
    expect(warm.sync.changedIssues).toBeGreaterThanOrEqual(1);
    expect((await kit.storedFacts(epic.id)).find((c) => c.id === child.id)).toMatchObject({ category: 'done', points: 13 });
    expect(rollupOfEpic(warm, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
  });
});

test('the literal the app wrote before (UTC clock time) finds nothing for a Los Angeles profile: the change is missed', async () => {
  const user = site.users.find((u) => u.accountId === DEMO_USERS.productManager);
  if (!user) throw new Error('the demo has a product manager');
  user.timeZone = 'America/Los_Angeles';
  const syncedAt = Date.parse(kit.now());
  advance(30);
  const child = kit.edit(kit.childrenOf(kit.epicsOf('THR')[6]!.id)[0]!.key, (issue) => {
    issue.summary = `${issue.summary} (edited)`;
  });
  const search = async (literal: string) => {
    const jql = `project = ${kit.projectOf('THR').id} AND updated >= "${literal}" AND key = ${child.key}`;
    const response = await jira.handle({
      method: 'GET',
      path: `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`,
      caller: { kind: 'user', accountId: DEMO_USERS.productManager },
    });
    return (JSON.parse(response.body) as { issues: unknown[] }).issues.length;
  };
  expect(await search(jqlDateTime(syncedAt - 5 * 60_000, 'UTC') as string)).toBe(0);
  expect(await search('-36m')).toBe(1);
});
