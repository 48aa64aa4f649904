/**
 * Sprint dates as real sites write them: with an offset (`2015-04-11T15:22:00.000+10:00` in
 * jira-software.v1.json), not in UTC. The simulator writes them on Sydney's clock.
 */
import { sprintDateTime } from './routes/shapes/agile';
import { asUser, bodyOf, demoSimulator, send } from './simulator-kit';

interface SprintPage {
  values: Array<{ id: number; startDate?: string; endDate?: string; completeDate?: string }>;
}

describe('sprint dates carry an offset', () => {
  it.each<[string, string]>([
    // Sydney is UTC+10 in winter and UTC+11 from the first Sunday of October (4 Oct 2026) to the first of April.
    ['2026-11-10T22:00:00.000Z', '2026-11-11T09:00:00.000+11:00'],
    ['2026-07-01T23:00:00.000Z', '2026-07-02T09:00:00.000+10:00'],
    ['2026-10-03T15:59:59.000Z', '2026-10-04T01:59:59.000+10:00'],
    ['2026-10-03T16:00:00.000Z', '2026-10-04T03:00:00.000+11:00'],
    ['2026-04-04T15:30:00.000Z', '2026-04-05T02:30:00.000+11:00'],
    ['2026-04-04T16:30:00.000Z', '2026-04-05T02:30:00.000+10:00'],
  ])('writes %s as %s', (instant, written) => {
    expect(sprintDateTime(instant)).toBe(written);
    expect(Date.parse(written)).toBe(Date.parse(instant));
  });

  it('writes a negative offset with its sign', () => {
    expect(sprintDateTime('2026-11-20T08:00:00.000Z', 'America/Los_Angeles')).toBe('2026-11-20T00:00:00.000-08:00');
  });

  it('answers a board’s sprints with offsets that change across Sydney’s DST, each the same instant as stored', async () => {
    const sim = demoSimulator();
    const response = await send(sim, { path: '/rest/agile/1.0/board/1/sprint?state=closed,active,future', caller: asUser('productManager') });
    expect(response.status).toBe(200);
    const sprints = bodyOf<SprintPage>(response).values;
    const dates = sprints.flatMap((s) => [s.startDate, s.endDate, s.completeDate]).filter((d): d is string => d !== undefined);
    expect(dates.length).toBeGreaterThan(10);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(new Set(dates.map((d) => d.slice(-6)))).toEqual(new Set(['+10:00', '+11:00']));
    for (const sprint of sprints) {
      const stored = sim.site.sprints.find((s) => s.id === sprint.id);
      if (sprint.startDate) expect(Date.parse(sprint.startDate)).toBe(Date.parse(stored?.startDate ?? ''));
    }
  });

  it('answers one sprint with offsets too', async () => {
    const sim = demoSimulator();
    const active = sim.site.sprints.find((s) => s.boardId === 1 && s.state === 'active');
    const response = await send(sim, { path: `/rest/agile/1.0/sprint/${active?.id}`, caller: asUser('productManager') });
    const body = bodyOf<{ startDate: string }>(response);
    expect(body.startDate).toMatch(/\+1[01]:00$/);
    expect(Date.parse(body.startDate)).toBe(Date.parse(active?.startDate ?? ''));
  });
});
