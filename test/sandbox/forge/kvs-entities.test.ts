import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira, TEST_ENTITIES } from './test-fixtures';

interface Goal {
  projectId?: string;
  title?: string;
  rank?: string;
  status?: string;
  weight?: number;
  score?: number;
  archived?: boolean;
  due?: string;
  tags?: unknown;
}

const sandbox = new ForgeSandbox({ jira: offlineJira, manifest: { entities: TEST_ENTITIES } });
const goals = kvs.entity<Goal>('goal');

const SEED: Array<[string, Goal]> = [
  ['g1', { projectId: 'P1', title: 'Activation', rank: 'c', status: 'on-track', weight: 3, due: '2025-03-01' }],
  ['g2', { projectId: 'P1', title: 'Retention', rank: 'a', status: 'at-risk', weight: 1, due: '2025-01-15' }],
  ['g3', { projectId: 'P1', title: 'Revenue', rank: 'b', status: 'on-track', weight: 2, due: '2025-02-10', archived: true }],
  ['g4', { projectId: 'P1', title: 'Referral', rank: 'd', status: 'off-track', weight: 5, due: '2025-06-30' }],
  ['g5', { projectId: 'P2', title: 'Other project', rank: 'a', status: 'on-track', weight: 4, due: '2025-01-01' }],
  ['g6', { projectId: 'P1', title: 'Unranked draft', status: 'on-track' }],
];

beforeAll(() => sandbox.install());
beforeEach(async () => {
  sandbox.kvs.clear();
  for (const [key, goal] of SEED) await goals.set(key, goal);
});

const titles = (results: Array<{ value: Goal }>): Array<string | undefined> => results.map((result) => result.value.title);

describe('custom entities', () => {
  test('get, set and delete by key; a missing key reads as undefined', async () => {
    expect(await goals.get('g1')).toMatchObject({ title: 'Activation' });
    await goals.delete('g1');
    expect(await goals.get('g1')).toBeUndefined();
    // Entities and plain keys are separate key spaces.
    expect(await kvs.get('g2')).toBeUndefined();
  });

  test('an index query reads one partition, ordered by the range attribute; items without it are not indexed', async () => {
    const { results } = await goals.query().index('by-project-rank', { partition: ['P1'] }).getMany();
    expect(titles(results)).toEqual(['Retention', 'Revenue', 'Activation', 'Referral']);
    const descending = await goals.query().index('by-project-rank', { partition: ['P1'] }).sort(Sort.DESC).getMany();
    expect(titles(descending.results)).toEqual(['Referral', 'Activation', 'Revenue', 'Retention']);
  });

  test('where narrows the range: between, greaterThan, beginsWith', async () => {
    const q = () => goals.query().index('by-project-due', { partition: ['P1'] });
    expect(titles((await q().where(WhereConditions.between('2025-01-01', '2025-02-28')).getMany()).results)).toEqual(['Retention', 'Revenue']);
    expect(titles((await q().where(WhereConditions.greaterThan('2025-03-01')).getMany()).results)).toEqual(['Referral']);
    expect(titles((await q().where(WhereConditions.beginsWith('2025-0')).getMany()).results)).toHaveLength(4);
  });

  test('and / or filters on any declared attribute', async () => {
    const onTrackUnarchived = new Filter<Goal>()
      .and('status', FilterConditions.equalTo('on-track'))
      .and('archived', FilterConditions.notExists());
    const both = await goals.query().index('by-project-rank', { partition: ['P1'] }).filters(onTrackUnarchived).getMany();
    expect(titles(both.results)).toEqual(['Activation']);

    const riskyOrHeavy = new Filter<Goal>().or('status', FilterConditions.equalTo('at-risk')).or('weight', FilterConditions.greaterThanEqualTo(5));
    const either = await goals.query().index('by-project-rank', { partition: ['P1'] }).filters(riskyOrHeavy).getMany();
    expect(titles(either.results)).toEqual(['Retention', 'Referral']);

    const contains = new Filter<Goal>().and('title', FilterConditions.contains('tion'));
    expect(titles((await goals.query().index('by-project-rank', { partition: ['P1'] }).filters(contains).getMany()).results)).toEqual([
      'Retention',
      'Activation',
    ]);
  });

  test('cursors page in sort order; a filtered page may be short, so callers follow cursors', async () => {
    const onTrack = new Filter<Goal>().and('status', FilterConditions.equalTo('on-track'));
    const pages: Array<Array<string | undefined>> = [];
    let cursor: string | undefined;
    do {
      let query = goals.query().index('by-project-rank', { partition: ['P1'] }).sort(Sort.DESC).filters(onTrack).limit(2);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      pages.push(titles(page.results));
      cursor = page.nextCursor;
    } while (cursor);
    // Two index items per page, filtered after the limit (as DynamoDB does).
    expect(pages).toEqual([['Activation'], ['Revenue']]);
  });

  test('an index without partition orders the whole entity by its range', async () => {
    const { results } = await goals.query().index('weight').limit(3).getMany();
    expect(titles(results)).toEqual(['Retention', 'Revenue', 'Activation']);
  });

  test('getOne and metadata fields', async () => {
    expect(await goals.query().index('by-project-rank', { partition: ['P2'] }).getOne()).toEqual({ key: 'g5', value: SEED[4]?.[1] });
    const withMeta = await goals.query({ metadataFields: [MetadataField.CREATED_AT] }).index('by-project-rank', { partition: ['P2'] }).getMany();
    expect(withMeta.results[0]).toEqual({ key: 'g5', value: SEED[4]?.[1], createdAt: expect.any(Number) });
  });

  test('queries need a declared index and its full partition', async () => {
    await expect(goals.query().index('by-title').getMany()).rejects.toMatchObject({ code: 'INDEX_NOT_DECLARED', responseDetails: { status: 400 } });
    await expect(goals.query().index('by-project-rank').getMany()).rejects.toMatchObject({ code: 'INVALID_PARTITION' });
    await expect(goals.query().index('weight', { partition: ['P1'] }).getMany()).rejects.toMatchObject({ code: 'INVALID_PARTITION' });
  });

  test('entities must be declared and values must fit their attribute types', async () => {
    await expect(kvs.entity('undeclared').set('x', { a: 1 })).rejects.toMatchObject({ code: 'ENTITY_NOT_DECLARED' });
    await expect(goals.set('bad', { title: 'x', weight: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE' });
    await expect(goals.set('bad', { weight: 2 ** 31 })).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE' });
    await expect(goals.set('bad', { score: 1e-200 })).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE' });
    await expect(goals.set('bad', { title: null } as unknown as Goal)).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE' });
    await expect(goals.set('bad', { nickname: 'x' } as unknown as Goal)).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE' });
    await goals.set('ok', { score: 0, weight: -(2 ** 31), tags: { any: ['json'] } });
    expect(await goals.get('ok')).toEqual({ score: 0, weight: -(2 ** 31), tags: { any: ['json'] } });
  });
});
