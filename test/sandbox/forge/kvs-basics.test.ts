import { jest } from '@jest/globals';
import { ForgeKvsAPIError, kvs, MetadataField } from '@forge/kvs';
import { ForgeSandbox } from './sandbox';
import { offlineJira } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira });

beforeAll(() => sandbox.install());
beforeEach(() => sandbox.kvs.clear());
afterEach(() => jest.useRealTimers());

/** Fake only Date: the store's clock. Response bodies still need real timers and microtasks. */
function fakeClockOnly(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
}

describe('key-value store through the real @forge/kvs', () => {
  test('stores, reads and deletes every JSON value type', async () => {
    const values: unknown[] = ['text', 42, 0, false, ['a', 1], { nested: { deep: [true] } }];
    for (const [i, value] of values.entries()) await kvs.set(`key-${i}`, value);
    for (const [i, value] of values.entries()) expect(await kvs.get(`key-${i}`)).toEqual(value);

    await kvs.delete('key-0');
    expect(await kvs.get('key-0')).toBeUndefined();
  });

  test('a missing key reads as undefined and deletes without error (the SDK swallows KEY_NOT_FOUND)', async () => {
    await expect(kvs.get('never-set')).resolves.toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
  });

  test('secrets live apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    await kvs.set('token', 'plain');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBe('plain');
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
    expect(await kvs.get('token')).toBe('plain');
  });

  test('metadata: createdAt stays, updatedAt moves, both only when asked for', async () => {
    fakeClockOnly();
    jest.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await kvs.set('doc', 1);
    jest.setSystemTime(new Date('2025-03-01T11:00:00Z'));
    await kvs.set('doc', 2);

    const fields = [MetadataField.CREATED_AT, MetadataField.UPDATED_AT];
    expect(await kvs.get('doc', { metadataFields: fields })).toEqual({
      key: 'doc',
      value: 2,
      createdAt: Date.parse('2025-03-01T10:00:00Z'),
      updatedAt: Date.parse('2025-03-01T11:00:00Z'),
    });
    expect(await kvs.get('doc')).toBe(2);
  });

  test('a TTL sets expireTime and the value is gone once it passes', async () => {
    fakeClockOnly();
    jest.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    await kvs.set('lock', 'held', { ttl: { value: 5, unit: 'MINUTES' } });
    expect(await kvs.get('lock', { metadataFields: [MetadataField.EXPIRE_TIME] })).toEqual({
      key: 'lock',
      value: 'held',
      expireTime: '2025-03-01T10:05:00.000Z',
    });
    jest.setSystemTime(new Date('2025-03-01T10:05:00Z'));
    expect(await kvs.get('lock')).toBeUndefined();
  });

  test('keyPolicy FAIL_IF_EXISTS refuses an existing key with 409', async () => {
    await kvs.set('claim', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const second = kvs.set('claim', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(second).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await expect(kvs.set('claim', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({
      code: 'KEY_ALREADY_EXISTS',
      responseDetails: { status: 409, httpPath: '/api/v1/set' },
    });
    expect(await kvs.get('claim')).toBe('first');
  });

  test('returnValue answers with the previous or the latest value', async () => {
    expect(await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'counter', value: 1 });
    expect(await kvs.set('counter', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'counter', value: 3 });
  });

  test('injected storage failures reach app code as ForgeKvsAPIError', async () => {
    sandbox.kvs.setFaults({ failure: { status: 429, code: 'RATE_LIMIT_EXCEEDED', times: 1 } });
    await expect(kvs.get('anything')).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
    await expect(kvs.get('anything')).resolves.toBeUndefined();
  });
});
