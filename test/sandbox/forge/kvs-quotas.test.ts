/**
 * Forge's per-installation storage quotas (kvs/quotas.ts): requests per second and 10 KB read and
 * write units per minute, counted on every request and, once armed, answered as Forge does: 429
 * RATE_LIMIT_EXCEEDED, which @forge/kvs turns into a ForgeKvsAPIError with that code.
 */
import { kvs } from '@forge/kvs';
import { KVS_QUOTAS } from './kvs/quotas';
import { ForgeSandbox } from './sandbox';
import { offlineJira } from './test-fixtures';

let nowMs = Date.parse('2026-12-07T12:00:00.000Z');
const sandbox = new ForgeSandbox({ jira: offlineJira });
// The store's clock drives the windows: the test moves it.
(sandbox.kvs as unknown as { quotaMeter: { now: () => number } }).quotaMeter.now = () => nowMs;

beforeAll(() => sandbox.install());
beforeEach(() => {
  sandbox.kvs.clear();
  sandbox.kvs.resetStats();
  sandbox.kvs.setQuotas(undefined);
});

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });

describe('storage quotas per installation', () => {
  test('the documented figures: 1,000 requests a second, 4,000 read and 4,000 write units of 10 KB a minute', () => {
    expect(KVS_QUOTAS).toMatchObject({ requestsPerSecond: 1000, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000, unitBytes: 10 * 1024 });
  });

  test('sizes round up to 10 KB units: a 65 KB write counts 7, a small one 1', async () => {
    await kvs.set('small', 'x');
    await kvs.set('big', 'x'.repeat(65 * 1024 - 200));
    expect(sandbox.kvs.quotaStats).toMatchObject({ requests: 2, writeUnits: 1 + 7 });
    await kvs.get('big');
    expect(sandbox.kvs.quotaStats.readUnits).toBe(7);
  });

  test('unarmed, nothing is refused but the peaks are counted', async () => {
    for (let n = 0; n < 30; n += 1) await kvs.set(`k${n}`, n);
    expect(sandbox.kvs.quotaStats).toMatchObject({ refused: 0, peakRequestsPerSecond: 30, peakWriteUnitsPerMinute: 30 });
  });

  test('past the request rate: 429 RATE_LIMIT_EXCEEDED; the next second lets requests through again', async () => {
    sandbox.kvs.setQuotas({ requestsPerSecond: 5, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 });
    for (let n = 0; n < 5; n += 1) await kvs.get(`k${n}`);
    await refused(kvs.get('k5'));
    nowMs += 1000;
    await expect(kvs.get('k6')).resolves.toBeUndefined();
    expect(sandbox.kvs.quotaStats.refused).toBe(1);
  });

  test('past the write units of a minute: refused and nothing written; the window slides', async () => {
    sandbox.kvs.setQuotas({ requestsPerSecond: 1000, readUnitsPerMinute: 4000, writeUnitsPerMinute: 3 });
    await kvs.set('a', 'x'.repeat(15 * 1024)); // 2 units
    await refused(kvs.set('b', 'x'.repeat(15 * 1024)));
    expect(sandbox.kvs.snapshot().kv?.['b']).toBeUndefined();
    await kvs.set('c', 1); // the third unit
    nowMs += 60_000;
    await kvs.set('b', 'x'.repeat(15 * 1024));
    expect(await kvs.get('b')).toHaveLength(15 * 1024);
  });

  test('past the read units of a minute: refused until the minute has passed', async () => {
    await kvs.set('big', 'x'.repeat(25 * 1024)); // 3 units a read
    sandbox.kvs.setQuotas({ requestsPerSecond: 1000, readUnitsPerMinute: 5, writeUnitsPerMinute: 4000 });
    await kvs.get('big');
    await kvs.get('big');
    await refused(kvs.get('big'));
    nowMs += 60_001;
    await expect(kvs.get('big')).resolves.toHaveLength(25 * 1024);
  });
});
