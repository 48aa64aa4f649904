import { kvs, WhereConditions } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira });

beforeAll(() => sandbox.install());
beforeEach(async () => {
  sandbox.kvs.clear();
  for (const n of [3, 1, 12, 2, 11]) await kvs.set(`project:THR:item:${String(n).padStart(2, '0')}`, { n });
  await kvs.set('project:OPS:item:01', { n: 100 });
  await kvs.setSecret('project:THR:secret', 'hidden');
});

async function allPages(prefix: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<{ n: number }>();
    pages.push(page.results.map((result) => result.key));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('key-value query', () => {
  test('beginsWith selects plain keys by prefix, in key order, never secrets', async () => {
    const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('project:THR:')).getMany<{ n: number }>();
    expect(results.map((result) => result.value.n)).toEqual([1, 2, 3, 11, 12]);
    expect(nextCursor).toBeUndefined();
  });

  test('cursors page through every result exactly once', async () => {
    expect(await allPages('project:THR:', 2)).toEqual([
      ['project:THR:item:01', 'project:THR:item:02'],
      ['project:THR:item:03', 'project:THR:item:11'],
      ['project:THR:item:12'],
    ]);
  });

  test('the default page is 10 results', async () => {
    for (let i = 0; i < 15; i += 1) await kvs.set(`bulk:${String(i).padStart(2, '0')}`, i);
    const page = await kvs.query().where('key', WhereConditions.beginsWith('bulk:')).getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  test('getOne returns the first match, a query without where lists everything', async () => {
    expect(await kvs.query().where('key', WhereConditions.beginsWith('project:OPS')).getOne()).toEqual({ key: 'project:OPS:item:01', value: { n: 100 } });
    const everything = await kvs.query().limit(100).getMany();
    expect(everything.results).toHaveLength(6);
  });

  test('a cursor that the store did not issue is refused', async () => {
    await expect(kvs.query().cursor('not-a-cursor').getMany()).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  test('each query counts as one query operation', async () => {
    sandbox.kvs.resetStats();
    await allPages('project:THR:', 2);
    expect(sandbox.kvs.stats).toMatchObject({ queries: 3, operations: 3, reads: 0 });
  });
});
