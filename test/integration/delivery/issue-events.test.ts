import { rollupIssueChanged, rollupIssueDeleted } from '../../../src/index';
import { kvsRollupStore } from '../../../src/adapters/storage/epic-rollups';
import type { EventOutcome } from '../../../src/adapters/delivery/issue-events';
import { FIELD_IDS, STATUS_IDS } from '../../sandbox/demo';
import { issueEvent } from '../../sandbox/forge/events';
import type { ChangeItem } from '../../sandbox/forge/events';
import type { SimIssue } from '../../sandbox/jira/model';
import { rollupKit, rollupOfEpic } from './kit';

const kit = rollupKit();
const { forge, jira, site } = kit;

beforeEach(async () => {
  forge.kvs.clear();
  jira.clearFaults();
  await kit.load('THR'); // the cache the events keep in step
  kit.resetMeters();
});

const epicWithChildren = (index: number) => {
  const epic = kit.epicsOf('THR')[index];
  if (!epic || kit.childrenOf(epic.id).length < 2) throw new Error('the demo epic should have children');
  return epic;
};

/** The cached facts of an epic as storage holds them now. */
const cachedChildren = (epicId: string) =>
  forge.run(async () => (await kvsRollupStore().readEpics([epicId])).get(epicId)?.children.map((c) => ({ ...c })));

const fire = (handler: (event: unknown) => Promise<EventOutcome>, event: object) =>
  forge.fireTrigger(handler, event) as Promise<EventOutcome>;

const item = (field: string, fieldId: string, from: string | null, to: string | null): ChangeItem => ({ field, fieldId, from, fromString: from, to, toString: to });

function removeFromSite(issue: SimIssue): void {
  site.issues.splice(site.issues.indexOf(issue), 1);
}

describe('avi:jira:deleted:issue', () => {
  test('takes a deleted child out of its epic’s facts, and the next load agrees', async () => {
    const epic = epicWithChildren(5);
    const child = kit.childrenOf(epic.id)[0] as SimIssue;
    const event = issueEvent(site, { eventType: 'avi:jira:deleted:issue', issueKey: child.key });
    removeFromSite(child);
    const outcome = await fire(rollupIssueDeleted, event);
    expect(outcome).toEqual({ action: 'applied', epics: [epic.id], droppedEpics: [] });
    expect(forge.lastInvocation?.jiraRequests).toBe(0); // no Jira needed: the issue is gone anyway
    expect((await cachedChildren(epic.id))?.map((c) => c.id)).not.toContain(child.id);

    kit.tick(5);
    const warm = await kit.load('THR');
    expect(rollupOfEpic(warm, epic.id).rollup.counts.total).toBe(kit.childrenOf(epic.id).length);
  });

  test('drops a deleted epic’s record', async () => {
    const epic = epicWithChildren(6);
    const event = issueEvent(site, { eventType: 'avi:jira:deleted:issue', issueKey: epic.key });
    const outcome = await fire(rollupIssueDeleted, event);
    expect(outcome).toMatchObject({ action: 'applied', droppedEpics: [epic.id] });
    expect(await cachedChildren(epic.id)).toBeUndefined();
  });

  test('handles the documented payload, whose issue type says only whether it is a subtask', async () => {
    const epic = epicWithChildren(8);
    const event = issueEvent(site, { eventType: 'avi:jira:deleted:issue', issueKey: epic.key });
    delete (event.issue.fields.issuetype as { hierarchyLevel?: number }).hierarchyLevel;
    const outcome = await fire(rollupIssueDeleted, event);
    expect(outcome).toMatchObject({ action: 'applied', droppedEpics: [epic.id] });
    expect(await cachedChildren(epic.id)).toBeUndefined();
  });

  test('ignores projects nobody has loaded', async () => {
    const child = site.issues.find((i) => i.projectId === kit.projectOf('MOB').id && i.parentId);
    const outcome = await fire(rollupIssueDeleted, issueEvent(site, { eventType: 'avi:jira:deleted:issue', issueKey: (child as SimIssue).key }));
    expect(outcome).toEqual({ action: 'ignored', why: 'not-cached' });
  });
});

describe('avi:jira:updated:issue', () => {
  test('applies a status and estimate change at once, reading the issue as the app', async () => {
    const epic = epicWithChildren(7);
    const child = kit.childrenOf(epic.id).find((c) => kit.categoryOf(c.statusId) !== 'done') as SimIssue;
    // Not bumping `updated`: only the event can have brought this in.
    child.statusId = STATUS_IDS.inReview;
    child.customFields[FIELD_IDS.storyPoints] = 13;
    const event = issueEvent(site, {
      eventType: 'avi:jira:updated:issue',
      issueKey: child.key,
      changelog: [item('status', 'status', STATUS_IDS.toDo, STATUS_IDS.inReview), item('Story Points', FIELD_IDS.storyPoints, null, '13')],
    });
    const outcome = await fire(rollupIssueChanged, event);
    expect(outcome).toEqual({ action: 'applied', epics: [epic.id], droppedEpics: [] });
    expect(forge.lastInvocation?.jiraCalls).toEqual([expect.objectContaining({ method: 'GET', as: 'app', status: 200 })]);
    expect((await cachedChildren(epic.id))?.find((c) => c.id === child.id)).toMatchObject({ category: 'in-progress', points: 13 });
  });

  test('moves a child between epics when the changelog names the old parent', async () => {
    const [from, to] = [epicWithChildren(9), epicWithChildren(10)];
    const child = kit.childrenOf(from.id)[0] as SimIssue;
    child.parentId = to.id;
    const event = issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: child.key, changelog: [item('IssueParentAssociation', 'parent', from.id, to.id)] });
    const outcome = await fire(rollupIssueChanged, event);
    expect(outcome).toMatchObject({ action: 'applied' });
    expect((outcome as { epics: string[] }).epics.sort()).toEqual([from.id, to.id].sort());
    expect((await cachedChildren(from.id))?.map((c) => c.id)).not.toContain(child.id);
    expect((await cachedChildren(to.id))?.map((c) => c.id)).toContain(child.id);
  });

  test('finds the old epic by reading the project when the changelog does not say', async () => {
    const [from, to] = [epicWithChildren(11), epicWithChildren(12)];
    const child = kit.childrenOf(from.id)[1] as SimIssue;
    child.parentId = to.id;
    const outcome = await fire(rollupIssueChanged, issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: child.key, changelog: [item('Parent', 'parent', null, to.id)] }));
    expect(outcome).toMatchObject({ action: 'applied' });
    expect((await cachedChildren(from.id))?.map((c) => c.id)).not.toContain(child.id);
    expect((await cachedChildren(to.id))?.map((c) => c.id)).toContain(child.id);
  });

  test('ignores changes that cannot matter to a roll-up, without asking Jira', async () => {
    const child = kit.childrenOf(epicWithChildren(5).id)[0] as SimIssue;
    const outcome = await fire(rollupIssueChanged, issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: child.key, changelog: [item('summary', 'summary', 'a', 'b')] }));
    expect(outcome).toEqual({ action: 'ignored', why: 'irrelevant' });
    expect(forge.lastInvocation?.jiraRequests).toBe(0);
  });

  test('reads the issue to learn it is an epic when the event does not say, and leaves it', async () => {
    const epic = epicWithChildren(5);
    const event = issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: epic.key, changelog: [item('status', 'status', '1', '3')] });
    delete (event.issue.fields.issuetype as { hierarchyLevel?: number }).hierarchyLevel;
    expect(await fire(rollupIssueChanged, event)).toEqual({ action: 'ignored', why: 'not-a-child' });
    expect(forge.lastInvocation?.jiraRequests).toBe(1);
  });

  test('ignores epics and subtasks: their changes are no child’s facts', async () => {
    const epic = epicWithChildren(5);
    const subtask = site.issues.find((i) => site.issueTypes.find((t) => t.id === i.issueTypeId)?.hierarchyLevel === -1) as SimIssue;
    for (const key of [epic.key, subtask.key]) {
      expect(await fire(rollupIssueChanged, issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: key, changelog: [item('status', 'status', '1', '3')] }))).toEqual({
        action: 'ignored',
        why: 'not-a-child',
      });
    }
  });
});

describe('avi:jira:created:issue', () => {
  test('adds a new child to its epic’s facts', async () => {
    const epic = epicWithChildren(13);
    const template = kit.childrenOf(epic.id)[0] as SimIssue;
    const created: SimIssue = {
      ...structuredClone(template),
      id: '990001',
      key: 'THR-9001',
      statusId: STATUS_IDS.toDo,
      sprintIds: [],
      customFields: { [FIELD_IDS.storyPoints]: 8 },
      fixVersionIds: [site.versions![0]!.id],
    };
    site.issues.push(created);
    const outcome = await fire(rollupIssueChanged, issueEvent(site, { eventType: 'avi:jira:created:issue', issueKey: created.key }));
    expect(outcome).toEqual({ action: 'applied', epics: [epic.id], droppedEpics: [] });
    // Its fix version comes with its facts (the release it is in), at no extra request.
    expect((await cachedChildren(epic.id))?.find((c) => c.id === created.id)).toEqual({ id: created.id, category: 'todo', points: 8, sprintIds: [], fixVersionIds: [site.versions![0]!.id] });
  });

  test('ignores a child of an epic that is not cached', async () => {
    const mobChild = site.issues.find((i) => i.projectId === kit.projectOf('MOB').id && i.parentId) as SimIssue;
    expect(await fire(rollupIssueChanged, issueEvent(site, { eventType: 'avi:jira:created:issue', issueKey: mobChild.key }))).toEqual({ action: 'ignored', why: 'not-cached' });
  });
});

describe('issue security levels', () => {
  /** THR's "Confidential" level (demo): the admin and the product manager only, not the add-on role. */
  const CONFIDENTIAL = '10100';
  const savedPayments = () => {
    const epic = kit.epicsOf('THR').find((e) => e.summary === 'Saved payment methods');
    if (!epic) throw new Error('the demo has no "Saved payment methods" epic');
    return epic;
  };
  const openChildren = (epicId: string) => kit.childrenOf(epicId).filter((c) => c.securityLevelId === undefined);
  const epicsTheDeveloperSees = () => kit.epicsOf('THR').filter((e) => e.securityLevelId === undefined).map((e) => e.id);

  test('a roll-up never counts a confidential child, even when a member of its level synced the cache', async () => {
    const epic = savedPayments();
    const confidential = kit.childrenOf(epic.id).filter((c) => c.securityLevelId === CONFIDENTIAL);
    expect(confidential.length).toBeGreaterThan(0);

    // beforeEach loaded THR as the product manager, who sees the confidential child.
    expect((await cachedChildren(epic.id))?.map((c) => c.id).sort()).toEqual(openChildren(epic.id).map((c) => c.id).sort());
    kit.tick(5);
    const forDeveloper = await kit.load('THR', { as: 'developer', epicIds: epicsTheDeveloperSees() });
    expect(rollupOfEpic(forDeveloper, epic.id).rollup.counts.total).toBe(openChildren(epic.id).length);
  });

  test('a child that gains a level the app may not see: the trigger cannot read it, and takes it out of the cache', async () => {
    const epic = savedPayments();
    const child = openChildren(epic.id)[0] as SimIssue;
    expect((await cachedChildren(epic.id))?.map((c) => c.id)).toContain(child.id);
    child.securityLevelId = CONFIDENTIAL;
    try {
      const outcome = await fire(
        rollupIssueChanged,
        issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: child.key, changelog: [item('security', 'security', null, CONFIDENTIAL)] }),
      );
      expect(outcome).toEqual({ action: 'applied', epics: [epic.id], droppedEpics: [] });
      // Read as the app, which the level hides it from: Jira's "does not exist".
      expect(forge.lastInvocation?.jiraCalls).toEqual([expect.objectContaining({ method: 'GET', as: 'app', status: 404 })]);
      expect((await cachedChildren(epic.id))?.map((c) => c.id)).not.toContain(child.id);
    } finally {
      delete child.securityLevelId;
    }
  });

  test('a level that lists the add-on role: the app may read the child, yet never puts it where the developer would count it', async () => {
    const epic = savedPayments();
    const child = openChildren(epic.id)[1] as SimIssue;
    const levels = site.securityLevels ?? [];
    site.securityLevels = [
      ...levels,
      { id: '10101', name: 'Leads and apps', description: '', projectId: kit.projectOf('THR').id, memberAccountIds: [], includesAddonRole: true },
    ];
    const before = { statusId: child.statusId };
    try {
      const next = before.statusId === STATUS_IDS.inReview ? STATUS_IDS.toDo : STATUS_IDS.inReview;
      child.securityLevelId = '10101';
      child.statusId = next;
      const outcome = await fire(
        rollupIssueChanged,
        issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: child.key, changelog: [item('status', 'status', before.statusId, next)] }),
      );
      expect(forge.lastInvocation?.jiraCalls).toEqual([expect.objectContaining({ method: 'GET', as: 'app', status: 200 })]);
      expect(outcome).toEqual({ action: 'applied', epics: [epic.id], droppedEpics: [] });
      expect((await cachedChildren(epic.id))?.map((c) => c.id)).not.toContain(child.id);

      kit.tick(5);
      const forDeveloper = await kit.load('THR', { as: 'developer', epicIds: epicsTheDeveloperSees() });
      expect((await cachedChildren(epic.id))?.map((c) => c.id)).not.toContain(child.id);
      expect(rollupOfEpic(forDeveloper, epic.id).rollup.counts.total).toBe(openChildren(epic.id).length);
    } finally {
      child.statusId = before.statusId;
      delete child.securityLevelId;
      site.securityLevels = levels;
    }
  });

  test('an event of an issue the app may not see arrives all the same (Forge delivers restricted issues’ events); its payload is never stored', async () => {
    const confidential = kit.issue('THR-168');
    expect(confidential.securityLevelId).toBe(CONFIDENTIAL);
    const event = issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: confidential.key, changelog: [item('status', 'status', '1', '3')] });
    expect(event.issue.fields.summary).toBe(confidential.summary);

    const outcome = await fire(rollupIssueChanged, event);
    expect(outcome).toEqual({ action: 'ignored', why: 'no-cached-epic' });
    const stored = JSON.stringify(await forge.run(async () => [...(await kvsRollupStore().readProject(kit.projectOf('THR').id)).epics.values()]));
    expect(stored).not.toContain(confidential.id);
    expect(stored).not.toContain(confidential.summary);
  });
});
