import { kvs } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira, TEST_ENTITIES } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira, manifest: { entities: TEST_ENTITIES } });

beforeAll(() => sandbox.install());
beforeEach(() => sandbox.kvs.clear());

describe('batch operations', () => {
  test('batchSet mixes plain keys and entities and reports per-item failures', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'settings', value: { editRule: 'admins' } },
      { key: 'g1', entityName: 'goal', value: { projectId: '10000', title: 'Grow', rank: 'a' } },
      { key: 'g2', entityName: 'goal', value: { projectId: '10000', weight: 'heavy' } },
      { key: 'bad key!', value: 1 },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'settings' }, { key: 'g1', entityName: 'goal' }]);
    expect(result.failedKeys).toEqual([
      { key: 'g2', entityName: 'goal', error: { code: 'INVALID_ATTRIBUTE', message: expect.stringContaining('weight') } },
      { key: 'bad key!', error: { code: 'INVALID_KEY', message: expect.any(String) } },
    ]);
    expect(await kvs.entity('goal').get('g1')).toEqual({ projectId: '10000', title: 'Grow', rank: 'a' });
  });

  test('batchGet returns found items and reports missing ones as KEY_NOT_FOUND', async () => {
    await kvs.set('a', 1);
    await kvs.entity('goal').set('g1', { title: 'Grow' });
    const result = await kvs.batchGet([{ key: 'a' }, { key: 'g1', entityName: 'goal' }, { key: 'nope' }]);
    expect(result.successfulKeys).toEqual([
      { key: 'a', value: 1 },
      { key: 'g1', entityName: 'goal', value: { title: 'Grow' } },
    ]);
    expect(result.failedKeys).toEqual([{ key: 'nope', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } }]);
  });

  test('batchDelete deletes what exists and reports the rest', async () => {
    await kvs.set('a', 1);
    const result = await kvs.batchDelete([{ key: 'a' }, { key: 'b' }]);
    expect(result.successfulKeys).toEqual([{ key: 'a' }]);
    expect(result.failedKeys).toEqual([{ key: 'b', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);
    expect(await kvs.get('a')).toBeUndefined();
  });

  test('a batch repeating a key fails whole', async () => {
    await expect(kvs.batchSet([{ key: 'a', value: 1 }, { key: 'a', value: 2 }])).rejects.toMatchObject({ code: 'DUPLICATE_KEYS' });
    expect(await kvs.get('a')).toBeUndefined();
  });

  test('a batch counts one operation and one read or write per item', async () => {
    sandbox.kvs.resetStats();
    await kvs.batchSet([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    await kvs.batchGet([{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    expect(sandbox.kvs.stats).toMatchObject({ operations: 2, writes: 2, reads: 3 });
  });
});
