import type { SimSite } from '../jira/model';
import { buildLargeSite, buildSite } from './index';

function count(site: SimSite, level: number): number {
  const types = new Set(site.issueTypes.filter((t) => t.hierarchyLevel === level).map((t) => t.id));
  return site.issues.filter((i) => types.has(i.issueTypeId)).length;
}

describe('the large site', () => {
  // How long generation takes is a bench figure (test/bench/scale.bench.ts prints it), not a test.
  const site = buildSite('large');

  test('has 1,000 epics, 20,000 children and 100 sprints', () => {
    expect(count(site, 1)).toBe(1000);
    expect(count(site, 0)).toBe(20_000);
    expect(site.sprints).toHaveLength(100);
  });

  test('has one active sprint per sprint board (scrum, or team-managed with sprints on) and unique epic names', () => {
    const scrum = site.boards.filter((b) => b.type === 'scrum' || (b.type === 'simple' && b.sprintsEnabled));
    const epicType = new Set(site.issueTypes.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
    const names = site.issues.filter((i) => epicType.has(i.issueTypeId)).map((i) => i.summary);

    expect(site.sprints.filter((s) => s.state === 'active')).toHaveLength(scrum.length);
    expect(new Set(names).size).toBe(names.length);
  });

  test('scales down on request, deterministically', () => {
    const small = buildLargeSite({ epics: 12, childrenPerEpic: 3, sprints: 9 });

    expect(count(small, 1)).toBe(12);
    expect(count(small, 0)).toBe(36);
    expect(small.sprints).toHaveLength(9);
    expect(buildLargeSite({ epics: 12, childrenPerEpic: 3, sprints: 9 })).toEqual(small);
  });
});
