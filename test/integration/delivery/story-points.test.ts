import { saveStoryPointSetting } from '../../../src/adapters/storage/story-point-setting';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { DEMO_USERS, FIELD_IDS } from '../../sandbox/demo';
import { rollupKit, rollupOfEpic } from './kit';

const kit = rollupKit();
const { forge } = kit;

beforeEach(() => forge.kvs.clear());

const setOverride = (scope: { kind: 'site' } | { kind: 'project'; projectId: string }, fieldId: string | undefined, baseVersion = 0) =>
  forge.run(() => saveStoryPointSetting({ scope, fieldId, baseVersion, by: DEMO_USERS.admin, at: kit.now() }));

describe('the story-point field', () => {
  test.each([
    { project: 'THR', fieldId: FIELD_IDS.storyPoints, name: 'Story Points', style: 'company-managed' },
    { project: 'MOB', fieldId: FIELD_IDS.storyPointEstimate, name: 'Story point estimate', style: 'team-managed' },
  ])('of $project ($style) is "$name", and its points roll up', async ({ project, fieldId, name }) => {
    const loaded = await kit.load(project);
    expect(loaded.storyPoints).toEqual({ ok: true, fieldId, name, source: 'board' });
    const epic = kit.epicsOf(project)[0];
    if (!epic) throw new Error('no epic');
    expect(rollupOfEpic(loaded, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, fieldId)));
    expect(loaded.epics.some((e) => e.rollup.points.total > 0)).toBe(true);
  });

  test('follows the project style when no board estimates with a field (kanban-only OPS)', async () => {
    const loaded = await kit.load('OPS');
    expect(loaded.storyPoints).toMatchObject({ ok: true, fieldId: FIELD_IDS.storyPoints, source: 'project-style' });
    // OPS never estimates: every child is unestimated.
    expect(loaded.epics.every((e) => e.rollup.points.total === 0 && e.rollup.unestimated.total === e.rollup.counts.total)).toBe(true);
  });

  test('an admin’s project override wins, and the next load crawls afresh with it', async () => {
    await kit.load('THR');
    expect(await setOverride({ kind: 'project', projectId: kit.projectOf('THR').id }, FIELD_IDS.storyPointEstimate)).toBe('committed');
    kit.tick(5);
    kit.resetMeters();
    const loaded = await kit.load('THR');
    expect(loaded.storyPoints).toMatchObject({ ok: true, fieldId: FIELD_IDS.storyPointEstimate, source: 'override' });
    expect(loaded.sync).toMatchObject({ mode: 'cold', reason: 'fields-changed' });
    // No Jira request to re-detect: the cached setup knows the site's number fields.
    expect(kit.jira.stats.byRoute['GET /rest/api/3/field']).toBeUndefined();
    // THR's issues carry "Story Points", not "Story point estimate": now all unestimated.
    expect(loaded.epics.every((e) => e.rollup.points.total === 0)).toBe(true);
  });

  test('a site override applies where no project override exists', async () => {
    await setOverride({ kind: 'site' }, FIELD_IDS.storyPointEstimate);
    expect((await kit.load('MOB')).storyPoints).toMatchObject({ fieldId: FIELD_IDS.storyPointEstimate, source: 'override' });
    await setOverride({ kind: 'project', projectId: kit.projectOf('THR').id }, FIELD_IDS.storyPoints);
    expect((await kit.load('THR')).storyPoints).toMatchObject({ fieldId: FIELD_IDS.storyPoints, source: 'override' });
  });

  test('an override naming a field that is gone is ignored, and reported', async () => {
    await setOverride({ kind: 'site' }, 'customfield_404');
    expect((await kit.load('THR')).storyPoints).toMatchObject({ ok: true, fieldId: FIELD_IDS.storyPoints, source: 'board', ignoredOverride: 'customfield_404' });
  });

  test('an override is saved only over the version the admin saw', async () => {
    expect(await setOverride({ kind: 'site' }, FIELD_IDS.storyPoints)).toBe('committed');
    expect(await setOverride({ kind: 'site' }, FIELD_IDS.storyPointEstimate, 0)).toBe('conflict');
    expect(await setOverride({ kind: 'site' }, undefined, 1)).toBe('committed');
    expect((await kit.load('MOB')).storyPoints).toMatchObject({ source: 'board' });
  });
});
