import { distinctChildren } from '../../../src/domain/rollup-merge';
import { asEpicChildren } from '../../../src/adapters/delivery/load-epic-rollups';
import { forecastOf } from '../../../src/domain/forecast';
import { itemDelivery } from '../../../src/domain/item-delivery';
import { timelineColumns } from '../../../src/domain/sprint-columns';
import { velocityOf } from '../../../src/domain/velocity';
import { FIELD_IDS } from '../../sandbox/demo';
import { rollupKit } from './kit';

const kit = rollupKit();
const { site } = kit;

beforeEach(() => kit.forge.kvs.clear());

/** Expected velocity from the site: done children of the project's epics, by their last sprint. */
function expectedCompleted(projectKey: string, sprintId: number): number {
  const epicIds = new Set(kit.epicsOf(projectKey).map((e) => e.id));
  return site.issues
    .filter((i) => i.parentId && epicIds.has(i.parentId) && kit.categoryOf(i.statusId) === 'done' && i.sprintIds.at(-1) === sprintId)
    .reduce((sum, i) => sum + (typeof i.customFields[FIELD_IDS.storyPoints] === 'number' ? (i.customFields[FIELD_IDS.storyPoints] as number) : 0), 0);
}

describe('velocity and forecast from the demo site', () => {
  test('THR’s velocity is the points its epics’ issues completed in each of the last five closed sprints', async () => {
    const [loaded, sprints] = await Promise.all([kit.load('THR'), kit.sprints('THR')]);
    const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
    expect(velocity.ok).toBe(true);
    const closed = site.sprints.filter((s) => s.boardId === 1 && s.state === 'closed').sort((a, b) => a.id - b.id).slice(-5);
    expect(velocity.sprints.map((s) => s.sprintId)).toEqual(closed.map((s) => s.id));
    expect(velocity.sprints.map((s) => s.points)).toEqual(closed.map((s) => expectedCompleted('THR', s.id)));
  });

  test('forecasts a THR epic still being built into a sprint with a date, flagging it when it passes the end date', async () => {
    const [loaded, sprints] = await Promise.all([kit.load('THR'), kit.sprints('THR')]);
    const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
    const open = loaded.epics.find((e) => e.rollup.points.remaining > 0 && e.rollup.unestimated.total < e.rollup.counts.total);
    if (!open) throw new Error('THR should have an epic with estimated work left');
    const forecast = forecastOf({ rollup: open.rollup, velocity, sprints, today: site.now, hasEstimateField: true });
    expect(forecast.kind).toBe('forecast');
    if (forecast.kind !== 'forecast') return;
    expect(forecast.finishDate >= site.now.slice(0, 10)).toBe(true);
    const early = forecastOf({ rollup: open.rollup, velocity, sprints, today: site.now, hasEstimateField: true, endDate: '2026-11-01' });
    expect(early).toMatchObject({ kind: 'forecast', atRisk: true });
  });

  test('a roadmap item over two epics forecasts their work together', async () => {
    const [loaded, sprints] = await Promise.all([kit.load('MOB'), kit.sprints('MOB')]);
    const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
    const epics = loaded.epics.filter((e) => e.rollup.points.remaining > 0).slice(0, 2);
    const delivery = itemDelivery({ epics: asEpicChildren(epics), velocity, sprints, today: site.now, hasEstimateField: true });
    expect(delivery.rollup.counts.total).toBe(epics.reduce((sum, e) => sum + e.rollup.counts.total, 0));
    expect(['forecast', 'none']).toContain(delivery.forecast.kind);
    expect(delivery.sprints.active.length + delivery.sprints.future.length + delivery.sprints.past.length).toBeGreaterThan(0);
  });

  test('a kanban-only project (OPS) gets no forecast, and says why', async () => {
    const [loaded, sprints] = await Promise.all([kit.load('OPS'), kit.sprints('OPS')]);
    expect(sprints).toEqual([]);
    const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
    expect(velocity).toMatchObject({ ok: false, reason: 'no-closed-sprints' });
    const epic = loaded.epics.find((e) => e.rollup.counts.todo + e.rollup.counts.inProgress > 0);
    expect(forecastOf({ rollup: epic!.rollup, velocity, sprints, today: site.now, hasEstimateField: true })).toMatchObject({ kind: 'none', reason: 'kanban-only' });
  });
});

describe('sprint columns', () => {
  test('THR (scrum): its board’s closed, active and future sprints, then the release train’s, in order, with dates', async () => {
    const timeline = timelineColumns({ sprints: await kit.sprints('THR'), today: site.now });
    expect(timeline.kind).toBe('sprints');
    if (timeline.kind !== 'sprints') return;
    // Board 6 (the release train over THR and MOB) is listed under THR too: its planned sprint is on the timeline.
    const expected = site.sprints.filter((s) => s.boardId === 1 || s.boardId === 6).sort((a, b) => a.id - b.id);
    expect(timeline.columns.map((c) => c.sprintId)).toEqual(expected.map((s) => s.id));
    expect(timeline.columns.map((c) => c.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'active', 'future', 'future', 'future']);
    expect(timeline.columns.every((c) => c.startDate && c.endDate)).toBe(true);
    expect(timeline.columns.at(-2)).toMatchObject({ datesProjected: true, boardIds: [1] });
    expect(timeline.columns.at(-1)).toMatchObject({ datesProjected: true, boardIds: [6] });
    const active = timeline.columns.find((c) => c.state === 'active');
    expect(active!.startDate! <= site.now.slice(0, 10) && site.now.slice(0, 10) <= active!.endDate!).toBe(true);
  });

  test('OPS (kanban only): two-week date columns around today', async () => {
    const timeline = timelineColumns({ sprints: await kit.sprints('OPS'), today: site.now });
    expect(timeline).toMatchObject({ kind: 'periods', bucket: 'two-weeks' });
    expect(timeline.columns.filter((c) => c.kind === 'period' && c.state === 'current')).toHaveLength(1);
  });
});
