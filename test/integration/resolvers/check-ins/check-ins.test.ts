/**
 * Check-ins through the real resolver, on the sandboxed Jira site and Forge runtime: who may post
 * and read, the facts the server attaches, paging, the author's 24-hour edit window on the sandbox
 * clock, conflicts, limits and bad input (typed, nothing stored), and the opt-in comment on epics.
 */
import { jest } from '@jest/globals';
import type { StatusUpdateTarget } from '../../../../src/contract';
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { epicsOf, roadmap, seedItem } from '../roadmap/kit';
import { valueOf } from '../strategy/builders';
import { seedGoal, seedKpi, seedMeasurements, storedKeys } from '../strategy/kit';

jest.setTimeout(30_000);

const sandbox = createSandbox();
const entity = 'status-update';

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) {
    delete issue.properties?.[epicLinksPropertyKey];
    delete issue.comments;
  }
  sandbox.jira.resetStats();
  const thr = sandbox.project('THR');
  thr.permissions[DEMO_USERS.productManager] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'ADD_COMMENTS'];
  thr.permissions[DEMO_USERS.developer] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS'];
});

afterEach(() => jest.useRealTimers());

/** Only `Date` is faked: the sandbox's clock for the server, while timers and I/O run for real. */
function clockAt(instant: string) {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  jest.setSystemTime(new Date(instant));
}

const post = (target: StatusUpdateTarget, options: { as?: Actor; status?: 'on-track' | 'at-risk' | 'off-track' | 'done' | 'paused'; text?: string; commentOnEpics?: boolean } = {}) =>
  sandbox.call('postStatusUpdate', {
    as: options.as ?? 'productManager',
    payload: {
      target,
      status: options.status ?? 'on-track',
      text: options.text ?? 'Checkout beta reached 40% of shoppers; see https://example.com/beta for the numbers.',
      ...(options.commentOnEpics === undefined ? {} : { commentOnEpics: options.commentOnEpics }),
    },
  });

const list = (target: StatusUpdateTarget, as: Actor = 'productManager', cursor?: string) =>
  sandbox.call('listStatusUpdates', { as, payload: { target, ...(cursor ? { cursor } : {}) } });

async function linkEpicsTo(target: StatusUpdateTarget, epicIds: string[]) {
  const view = await roadmap(sandbox);
  const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
  valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] } }));
}

describe('posting a check-in on a goal', () => {
  test('the server attaches the KPIs’ values and health, and flags “on track” beside an off-track KPI in one sentence', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const kpi = await seedKpi(sandbox, goal.id, { name: 'Checkout conversion' });
    await seedMeasurements(sandbox, kpi.id, [{ value: 20 }]);
    const strategyKpi = valueOf(await sandbox.call('getStrategy', { as: 'productManager' })).goals[0]!.kpis[0]!;
    expect(strategyKpi.health).toBe('off-track');

    const posted = valueOf(await post({ kind: 'goal', id: goal.id }, { status: 'on-track' }));

    expect(posted.update.facts).toEqual({
      kind: 'goal',
      kpis: [{ id: kpi.id, name: 'Checkout conversion', unit: '%', value: 20, target: 50, health: 'off-track', healthReason: strategyKpi.healthReason }],
      timeFrameEnd: '2027-03-31',
    });
    expect(posted.update.disagreements).toEqual(['Marked on track, but KPI “Checkout conversion” is off track.']);
    expect(posted.update.posted.by).toMatchObject({ accountId: DEMO_USERS.productManager, displayName: expect.any(String) });
    expect(posted.update.editableUntil).toBe(new Date(Date.parse(posted.update.posted.at) + 86_400_000).toISOString());
    expect(posted.summary).toMatchObject({ latest: { id: posted.update.id, status: 'on-track' }, count: 1, updateDue: false });
    expect(posted.summary.disagreements).toEqual(['Marked on track, but KPI “Checkout conversion” is off track.']);
    expect(posted.comments).toBeUndefined();
  });

  test('the facts come from the server, never the payload: a browser-sent snapshot is dropped', async () => {
    const goal = await seedGoal(sandbox);
    const posted = valueOf(
      await sandbox.call('postStatusUpdate', {
        as: 'productManager',
        payload: { target: { kind: 'goal', id: goal.id }, status: 'at-risk', text: 'Slipping.', facts: { kind: 'goal', kpis: [{ name: 'Fake', health: 'on-track' }] } },
      }),
    );
    expect(posted.update.facts).toEqual({ kind: 'goal', kpis: [], timeFrameEnd: '2027-03-31' });
  });

  test('the goal’s status becomes the latest check-in’s: getStrategy shows it with the update-due state', async () => {
    const goal = await seedGoal(sandbox, { status: 'on-track' });
    valueOf(await post({ kind: 'goal', id: goal.id }, { status: 'at-risk', text: 'First.' }));
    valueOf(await post({ kind: 'goal', id: goal.id }, { status: 'off-track', text: 'Second.' }));
    const shown = valueOf(await sandbox.call('getStrategy', { as: 'developer' })).goals.find((g) => g.id === goal.id)!;
    // The owner's manual field is left as it was; the check-in is what the goal shows.
    expect(shown.status).toBe('on-track');
    expect(shown.checkIn).toMatchObject({ latest: { status: 'off-track' }, count: 2, updateDue: false });
  });
});

describe('posting a check-in on a roadmap item', () => {
  test('progress, forecast and at-risk are the roadmap’s own, computed at post time', async () => {
    const item = await seedItem(sandbox, { endDate: '2026-12-31', startDate: '2026-10-01' });
    const epics = epicsOf(sandbox, 'THR').slice(0, 2);
    await linkEpicsTo({ kind: 'item', id: item.id }, epics.map((epic) => epic.id));
    const card = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!;

    const posted = valueOf(await post({ kind: 'item', id: item.id }, { status: 'on-track' }));

    const forecast = card.delivery!.forecast;
    expect(posted.update.facts).toMatchObject({
      kind: 'item',
      progress: { done: card.delivery!.rollup.counts.done, total: card.delivery!.rollup.counts.total },
      endDate: '2026-12-31',
      atRisk: forecast.atRisk,
      ...(forecast.kind === 'forecast' ? { forecastFinish: forecast.finishDate } : {}),
    });
    if (forecast.kind === 'forecast' && forecast.finishDate > '2026-12-31') {
      const day = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
      expect(posted.update.disagreements[0]).toBe(`Marked on track, but the forecast finishes on ${day(forecast.finishDate)}, after the end date Dec 31, 2026.`);
    }
    // The roadmap's card carries the item's check-in state, judged against its forecast now.
    const after = (await roadmap(sandbox, 'developer')).items.find((candidate) => candidate.id === item.id)!;
    expect(after.status).toBe('planned');
    expect(after.checkIn).toMatchObject({ latest: { id: posted.update.id, status: 'on-track' }, count: 1, updateDue: false });
    expect(after.checkIn!.disagreements).toEqual(posted.update.disagreements);
  });

  test('an item whose end date passed, never checked in: the card says the time frame is over and an update is due', async () => {
    clockAt('2026-12-20T10:00:00.000Z');
    const item = await seedItem(sandbox, { startDate: '2026-11-01', endDate: '2026-12-10' });
    clockAt('2026-12-28T10:00:00.000Z');
    const card = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!;
    expect(card.checkIn).toEqual({
      target: { kind: 'item', id: item.id },
      count: 0,
      updateDue: true,
      dueOn: '2026-12-27',
      disagreements: ['The time frame ended on Dec 10, 2026, but it is not done.'],
    });
  });

  test('an item no epic delivers says so in its facts', async () => {
    const item = await seedItem(sandbox);
    const posted = valueOf(await post({ kind: 'item', id: item.id }));
    expect(posted.update.facts).toEqual({ kind: 'item', atRisk: false, forecastNote: 'No epic delivers it yet.' });
  });
});

describe('reading check-ins', () => {
  test('newest first, 20 a page, one storage query a page; a reader (developer) reads them all', async () => {
    const goal = await seedGoal(sandbox);
    for (let n = 1; n <= 23; n += 1) valueOf(await post({ kind: 'goal', id: goal.id }, { text: `Week ${n}` }));

    sandbox.forge.kvs.resetStats();
    const first = valueOf(await list({ kind: 'goal', id: goal.id }, 'developer'));
    // The page itself is one query of the by-target index; the rest is the summary (heads, cadence, the goal's KPIs).
    // Reads: the edit rule, the goal, the cadence; queries: the page, the product's heads, the goal's KPIs (no measurements).
    expect(sandbox.forge.kvs.stats).toMatchObject({ reads: 3, queries: 3, writes: 0 });
    expect(first.updates.map((u) => u.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Week ${23 - i}`));
    expect(first.canPost).toBe(false);
    expect(first.cadence).toBe('weekly');
    expect(first.updates[0]!.editableUntil).toBeUndefined();
    expect(first.cursor).toBeDefined();

    const second = valueOf(await list({ kind: 'goal', id: goal.id }, 'developer', first.cursor));
    expect(second.updates.map((u) => u.text)).toEqual(['Week 3', 'Week 2', 'Week 1']);
    expect(second.cursor).toBeUndefined();
    expect(second.summary.count).toBe(23);
  });

  test('someone who may not browse the project reads nothing; anonymous neither', async () => {
    const goal = await seedGoal(sandbox);
    valueOf(await post({ kind: 'goal', id: goal.id }));
    for (const as of ['outsider', 'anonymous'] as const) {
      const refused = await list({ kind: 'goal', id: goal.id }, as);
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  test('another product’s goal reads as missing, in this project’s page', async () => {
    const theirs = valueOf(await sandbox.call('createGoal', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: { goal: { title: 'Theirs', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } } }));
    expect(await list({ kind: 'goal', id: theirs.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await post({ kind: 'goal', id: theirs.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(storedKeys(sandbox, entity)).toEqual([]);
  });

  test('a cursor the app did not issue is invalid', async () => {
    const goal = await seedGoal(sandbox);
    expect(await list({ kind: 'goal', id: goal.id }, 'productManager', 'sbx1.eyJrZXkiOiJ4In0')).toMatchObject({ ok: false, error: { code: 'invalid', field: 'cursor' } });
  });
});

describe('who may post', () => {
  test('readers may not post (project admins only, the default rule); nothing is stored', async () => {
    const goal = await seedGoal(sandbox);
    const refused = await post({ kind: 'goal', id: goal.id }, { as: 'developer' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(storedKeys(sandbox, entity)).toEqual([]);
  });

  test('a goal’s owner posts on it without editing the product, but not on other goals', async () => {
    const owned = await seedGoal(sandbox, { title: 'Mine', ownerAccountId: DEMO_USERS.developer });
    const other = await seedGoal(sandbox, { title: 'Not mine' });
    valueOf(await post({ kind: 'goal', id: owned.id }, { as: 'developer' }));
    expect(valueOf(await list({ kind: 'goal', id: owned.id }, 'developer')).canPost).toBe(true);
    expect(await post({ kind: 'goal', id: other.id }, { as: 'developer' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('under the “issue editors” rule everyone who edits issues posts', async () => {
    await sandbox.setEditRule('issue-editors');
    try {
      const goal = await seedGoal(sandbox);
      valueOf(await post({ kind: 'goal', id: goal.id }, { as: 'developer' }));
    } finally {
      await sandbox.setEditRule('project-admins');
    }
  });

  test('outsiders and anonymous callers are refused; an inactive licence makes it read-only', async () => {
    const goal = await seedGoal(sandbox);
    for (const as of ['outsider', 'anonymous'] as const) expect(await post({ kind: 'goal', id: goal.id }, { as })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unlicensed = await sandbox.call('postStatusUpdate', { as: 'productManager', license: { isActive: false }, payload: { target: { kind: 'goal', id: goal.id }, status: 'on-track', text: 'x' } });
    expect(unlicensed).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/licence/) } });
    expect(storedKeys(sandbox, entity)).toEqual([]);
  });
});

describe('bad input is a typed answer and changes nothing', () => {
  test.each([
    ['text over 2,000 characters', { status: 'on-track', text: 'x'.repeat(2_001) }, 'text'],
    ['empty text', { status: 'on-track', text: '   ' }, 'text'],
    ['control characters', { status: 'on-track', text: 'a\u0007b' }, 'text'],
    ['a broken character', { status: 'on-track', text: 'a\ud800b' }, 'text'],
    ['an unknown status', { status: 'green', text: 'ok' }, 'status'],
    ['a status of the wrong type', { status: 3, text: 'ok' }, 'status'],
    ['commentOnEpics not a boolean', { status: 'on-track', text: 'ok', commentOnEpics: 'yes' }, 'commentOnEpics'],
  ])('%s', async (_case, body, field) => {
    const goal = await seedGoal(sandbox);
    const refused = await sandbox.call('postStatusUpdate', { as: 'productManager', payload: { target: { kind: 'goal', id: goal.id }, ...body } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    expect(storedKeys(sandbox, entity)).toEqual([]);
  });

  test('exactly 2,000 characters is accepted', async () => {
    const goal = await seedGoal(sandbox);
    valueOf(await post({ kind: 'goal', id: goal.id }, { text: 'x'.repeat(2_000) }));
  });

  test.each([
    ['an unknown target kind', { kind: 'epic', id: 'goal-1' }, 'target.kind'],
    ['an id with characters the app never issues', { kind: 'goal', id: 'goal/../x' }, 'target.id'],
  ])('%s', async (_case, target, field) => {
    const refused = await sandbox.call('postStatusUpdate', { as: 'productManager', payload: { target, status: 'on-track', text: 'ok' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', field } });
  });

  test('a goal that does not exist', async () => {
    expect(await post({ kind: 'goal', id: 'goal-does-not-exist' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await post({ kind: 'item', id: 'item-does-not-exist' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(storedKeys(sandbox, entity)).toEqual([]);
  });
});

describe('editing a check-in', () => {
  test('the author corrects it within 24 hours (sandbox clock); the facts stay as posted; the goal shows the new status', async () => {
    clockAt('2026-12-07T09:00:00.000Z');
    const goal = await seedGoal(sandbox);
    const { update } = valueOf(await post({ kind: 'goal', id: goal.id }, { status: 'on-track', text: 'Fine.' }));
    clockAt('2026-12-08T08:59:00.000Z');
    const edited = valueOf(await sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'at-risk', text: 'Not so fine.', baseVersion: 1 } }));
    expect(edited).toMatchObject({ status: 'at-risk', text: 'Not so fine.', version: 2, editedAt: '2026-12-08T08:59:00.000Z', facts: update.facts, posted: update.posted });
    expect(valueOf(await list({ kind: 'goal', id: goal.id })).summary.latest).toMatchObject({ id: update.id, status: 'at-risk' });
  });

  test('24 hours after posting the edit is refused and nothing changes', async () => {
    clockAt('2026-12-07T09:00:00.000Z');
    const goal = await seedGoal(sandbox);
    const { update } = valueOf(await post({ kind: 'goal', id: goal.id }, { text: 'Fine.' }));
    clockAt('2026-12-08T09:00:00.000Z');
    const refused = await sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'at-risk', text: 'Later.', baseVersion: 1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/24 hours/) } });
    const [shown] = valueOf(await list({ kind: 'goal', id: goal.id })).updates;
    expect(shown).toMatchObject({ text: 'Fine.', version: 1 });
    expect(shown!.editableUntil).toBeUndefined();
  });

  test('only the author edits, even a project admin may not edit someone else’s', async () => {
    await sandbox.setEditRule('issue-editors');
    try {
      const goal = await seedGoal(sandbox);
      const { update } = valueOf(await post({ kind: 'goal', id: goal.id }, { as: 'developer', text: 'Mine.' }));
      const refused = await sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'done', text: 'Theirs.', baseVersion: 1 } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(valueOf(await list({ kind: 'goal', id: goal.id })).updates[0]).toMatchObject({ text: 'Mine.', version: 1 });
    } finally {
      await sandbox.setEditRule('project-admins');
    }
  });

  test('an edit from a stale version conflicts and carries the check-in as it is now', async () => {
    const goal = await seedGoal(sandbox);
    const { update } = valueOf(await post({ kind: 'goal', id: goal.id }, { text: 'One.' }));
    valueOf(await sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'on-track', text: 'Two.', baseVersion: 1 } }));
    const stale = await sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'on-track', text: 'Three.', baseVersion: 1 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { text: 'Two.', version: 2 } } });
  });

  test('two edits at once from the same version: exactly one wins', async () => {
    const goal = await seedGoal(sandbox);
    const { update } = valueOf(await post({ kind: 'goal', id: goal.id }, { text: 'One.' }));
    const answers = await Promise.all(
      ['A', 'B', 'C', 'D'].map((text) => sandbox.call('editStatusUpdate', { as: 'productManager', payload: { id: update.id, status: 'on-track', text, baseVersion: 1 } })),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).every((answer) => !answer.ok && answer.error.code === 'conflict')).toBe(true);
    expect(valueOf(await list({ kind: 'goal', id: goal.id })).updates[0]!.version).toBe(2);
  });

  test('posts racing on one target all land, and the head counts each once', async () => {
    const goal = await seedGoal(sandbox);
    const answers = await Promise.all([1, 2, 3].map((n) => post({ kind: 'goal', id: goal.id }, { text: `Race ${n}` })));
    const landed = answers.filter((answer) => answer.ok).length;
    const listed = valueOf(await list({ kind: 'goal', id: goal.id }));
    expect(listed.updates).toHaveLength(landed);
    expect(listed.summary.count).toBe(landed);
    expect(listed.summary.latest!.id).toBe(listed.updates[0]!.id);
  });
});

describe('cadence and “update due”', () => {
  test('weekly by default: due a week after the last check-in, in the viewer’s calendar; a monthly cadence waits longer', async () => {
    clockAt('2026-12-01T10:00:00.000Z');
    const goal = await seedGoal(sandbox);
    valueOf(await post({ kind: 'goal', id: goal.id }));
    clockAt('2026-12-08T10:00:00.000Z');
    const due = valueOf(await sandbox.call('getCheckIns', { as: 'developer' }));
    expect(due.cadence).toBe('weekly');
    expect(due.summaries.find((s) => s.target.id === goal.id)).toMatchObject({ updateDue: true, dueOn: '2026-12-08' });

    valueOf(await sandbox.call('saveCheckInCadence', { as: 'productManager', payload: { cadence: 'monthly', baseVersion: 0 } }));
    const monthly = valueOf(await sandbox.call('getCheckIns', { as: 'developer' }));
    expect(monthly).toMatchObject({ cadence: 'monthly', cadenceVersion: 1 });
    expect(monthly.summaries.find((s) => s.target.id === goal.id)).toMatchObject({ updateDue: false, dueOn: '2027-01-01' });
  });

  test('a done check-in is never due', async () => {
    clockAt('2026-12-01T10:00:00.000Z');
    const goal = await seedGoal(sandbox);
    valueOf(await post({ kind: 'goal', id: goal.id }, { status: 'done' }));
    clockAt('2027-02-01T10:00:00.000Z');
    const state = valueOf(await sandbox.call('getCheckIns', { as: 'developer' }));
    expect(state.summaries.find((s) => s.target.id === goal.id)).toMatchObject({ updateDue: false });
  });

  test('the cadence: readers may not change it; a stale version conflicts; a bad value is invalid; nothing changes', async () => {
    expect(await sandbox.call('saveCheckInCadence', { as: 'developer', payload: { cadence: 'monthly', baseVersion: 0 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sandbox.call('saveCheckInCadence', { as: 'productManager', payload: { cadence: 'daily', baseVersion: 0 } })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'cadence' } });
    valueOf(await sandbox.call('saveCheckInCadence', { as: 'productManager', payload: { cadence: 'fortnightly', baseVersion: 0 } }));
    expect(await sandbox.call('saveCheckInCadence', { as: 'productManager', payload: { cadence: 'monthly', baseVersion: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: { cadence: 'fortnightly', version: 1 } },
    });
    expect(valueOf(await sandbox.call('getCheckIns', { as: 'developer' })).cadence).toBe('fortnightly');
  });
});

describe('the opt-in comment on the target’s epics, as the user', () => {
  const commentsOn = (epicId: string) => sandbox.site.issues.find((issue) => issue.id === epicId)?.comments ?? [];

  test('lands on each linked epic as the product manager, in ADF with the owner’s words and links', async () => {
    const item = await seedItem(sandbox, { title: 'One-tap payment' });
    const epics = epicsOf(sandbox, 'THR').slice(0, 2);
    await linkEpicsTo({ kind: 'item', id: item.id }, epics.map((epic) => epic.id));

    const posted = valueOf(await post({ kind: 'item', id: item.id }, { status: 'at-risk', text: 'Card vault slips a week.\nDetails: https://example.com/vault', commentOnEpics: true }));

    expect(posted.comments).toEqual({ posted: epics.map((epic) => ({ epicId: epic.id, key: epic.key })), refused: [] });
    for (const epic of epics) {
      const [comment] = commentsOn(epic.id);
      expect(comment?.authorAccountId).toBe(DEMO_USERS.productManager);
      const body = JSON.stringify(comment?.body);
      expect(body).toContain('Check-in on roadmap item “One-tap payment”: At risk');
      expect(body).toContain('Card vault slips a week.');
      expect(body).toContain('"href":"https://example.com/vault"');
    }
    expect(valueOf(await list({ kind: 'item', id: item.id })).updates[0]!.comments).toEqual(posted.comments);
  });

  test('a goal comments on its directly linked epics only', async () => {
    const goal = await seedGoal(sandbox);
    const item = await seedItem(sandbox, { goalId: goal.id });
    const [direct, throughItem] = epicsOf(sandbox, 'THR');
    await linkEpicsTo({ kind: 'goal', id: goal.id }, [direct!.id]);
    await linkEpicsTo({ kind: 'item', id: item.id }, [throughItem!.id]);
    const posted = valueOf(await post({ kind: 'goal', id: goal.id }, { commentOnEpics: true }));
    expect(posted.comments!.posted.map((p) => p.epicId)).toEqual([direct!.id]);
    expect(commentsOn(throughItem!.id)).toEqual([]);
  });

  test('epics the user may not comment on are reported, not a failure: the check-in is saved', async () => {
    const item = await seedItem(sandbox);
    const [open, hidden] = epicsOf(sandbox, 'THR');
    await linkEpicsTo({ kind: 'item', id: item.id }, [open!.id, hidden!.id]);
    // Jira takes Add Comments away, and hides the second epic behind a security level the PM is not in.
    const level = sandbox.site.securityLevels?.find((candidate) => candidate.projectId === sandbox.project('THR').id && !candidate.memberAccountIds.includes(DEMO_USERS.productManager));
    if (level) hidden!.securityLevelId = level.id;
    sandbox.project('THR').permissions[DEMO_USERS.productManager] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'];
    try {
      const posted = valueOf(await post({ kind: 'item', id: item.id }, { commentOnEpics: true }));
      expect(posted.comments!.posted).toEqual([]);
      expect(posted.comments!.refused).toContainEqual({ epicId: open!.id, key: open!.key, message: 'Jira does not let you comment on this epic.' });
      if (level) expect(posted.comments!.refused).toContainEqual({ epicId: hidden!.id, message: 'Jira could not find this epic, or you may not see it.' });
      expect(commentsOn(open!.id)).toEqual([]);
      expect(valueOf(await list({ kind: 'item', id: item.id })).updates).toHaveLength(1);
    } finally {
      delete hidden!.securityLevelId;
    }
  });

  test('without the opt-in, no comment is posted and Jira is not asked', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    await linkEpicsTo({ kind: 'item', id: item.id }, [epic!.id]);
    sandbox.jira.resetStats();
    valueOf(await post({ kind: 'goal', id: (await seedGoal(sandbox)).id }));
    expect(commentsOn(epic!.id)).toEqual([]);
  });
});

describe('“updates due” on the portfolio', () => {
  test('counts the open goals and items whose cadence passed; a check-in takes one off; done items never count', async () => {
    clockAt('2026-12-01T10:00:00.000Z');
    const goal = await seedGoal(sandbox);
    await seedItem(sandbox, { title: 'Open' });
    await seedItem(sandbox, { title: 'Finished', status: 'done' });
    const portfolio = async () => valueOf(await sandbox.call('getPortfolio', { as: 'developer', in: { module: 'jira:globalPage' } })).products.find((p) => p.project.key === 'THR')!;
    expect((await portfolio()).updatesDue).toBe(0);

    clockAt('2026-12-09T10:00:00.000Z');
    expect((await portfolio()).updatesDue).toBe(2);
    valueOf(await post({ kind: 'goal', id: goal.id }));
    expect((await portfolio()).updatesDue).toBe(1);
  });
});

describe('“update due” where project managers look', () => {
  test('the epic panel marks the goals and items an epic serves whose check-in is due', async () => {
    clockAt('2026-12-01T10:00:00.000Z');
    const goal = await seedGoal(sandbox);
    const item = await seedItem(sandbox, { goalId: goal.id });
    const [epic] = epicsOf(sandbox, 'THR').filter((candidate) => candidate.securityLevelId === undefined);
    await linkEpicsTo({ kind: 'item', id: item.id }, [epic!.id]);
    valueOf(await post({ kind: 'item', id: item.id }));
    clockAt('2026-12-09T10:00:00.000Z');
    valueOf(await post({ kind: 'goal', id: goal.id }));

    const context = valueOf(await sandbox.call('getEpicContext', { as: 'developer', in: { module: 'jira:issuePanel', issue: epic!.key } }));
    expect(context.goals.find((g) => g.id === goal.id)!.checkIn).toMatchObject({ updateDue: false, count: 1 });
    expect(context.items.find((i) => i.id === item.id)!.checkIn).toMatchObject({ updateDue: true, dueOn: '2026-12-08', count: 1 });
  });

  test('the Roadmap now gadget flags its items whose check-in is due', async () => {
    clockAt('2026-12-01T10:00:00.000Z');
    const due = await seedItem(sandbox, { title: 'Due', horizon: 'now' });
    const fresh = await seedItem(sandbox, { title: 'Fresh', horizon: 'now' });
    clockAt('2026-12-09T10:00:00.000Z');
    valueOf(await post({ kind: 'item', id: fresh.id }));
    const configuration = { projectId: sandbox.project('THR').id, rows: 10, goalId: null };
    const view = valueOf(await sandbox.call('getRoadmapNowGadget', { as: 'developer', in: { module: 'jira:dashboardGadget', gadget: 'throughline-roadmap-now', configuration }, payload: configuration }));
    expect(view.items.find((i) => i.id === due.id)!.updateDue).toBe(true);
    expect(view.items.find((i) => i.id === fresh.id)!.updateDue).toBeUndefined();
  });
});

describe('export and import', () => {
  test('the admin export carries check-ins, heads and the cadence, and the file validates for import', async () => {
    const goal = await seedGoal(sandbox);
    valueOf(await post({ kind: 'goal', id: goal.id }, { text: 'Exported.' }));
    valueOf(await sandbox.call('saveCheckInCadence', { as: 'productManager', payload: { cadence: 'monthly', baseVersion: 0 } }));
    const file = valueOf(await sandbox.call('exportData', { as: 'admin', in: { module: 'jira:adminPage' } }));
    const records = (file.data as { records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> }).records['status-update'] ?? [];
    expect(records.map((record) => record.key.split(/[-.]/)[0]).sort()).toEqual(['cadence', 'checkin', 'head']);
    expect(records.find((record) => record.key.startsWith('checkin-'))!.value).toMatchObject({ text: 'Exported.', targetId: goal.id });
    const preview = await sandbox.call('previewImport', { as: 'admin', in: { module: 'jira:adminPage' }, payload: { data: file.data } });
    expect(preview.ok).toBe(true);
  });
});
