/**
 * A browser can send JSON nested 10,000 deep well inside Forge's 500 KB. It reaches the resolver
 * (the sandbox's JSON crossing must not overflow first), and the app answers a typed `invalid`,
 * never a stack overflow.
 */
import { exportFormat, exportFormatVersion } from '../../../src/validation/import-format';
import { isWithinDepth, maxPayloadDepth } from '../../../src/validation/payloads';
import { createSandbox } from '../harness';

const sandbox = createSandbox();

/** Arrays and objects alternating, `levels` deep. */
function nested(levels: number): unknown {
  let value: unknown = {};
  for (let level = 1; level < levels; level++) value = level % 2 ? [value] : { inner: value };
  return value;
}

describe('a 10,000-deep payload', () => {
  test('as the whole payload is invalid, not a crash', async () => {
    const answer = await sandbox.call('saveVision', { as: 'productManager', payload: nested(10_000) as Record<string, unknown> });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  test('inside an import file that the envelope schema accepts is invalid, not a crash', async () => {
    const data = {
      format: exportFormat,
      formatVersion: exportFormatVersion,
      exportedAt: '2026-11-20T09:00:00.000Z',
      projects: [],
      records: { goal: [{ key: 'goal-1', value: { title: nested(10_000) } }] },
    };
    for (const functionKey of ['previewImport', 'applyImport'] as const) {
      const answer = await sandbox.call(functionKey, { as: 'admin', in: { module: 'jira:adminPage' }, payload: { data } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });
});

describe('isWithinDepth', () => {
  test.each([
    ['a scalar', 'text', 0, true],
    ['an empty object at depth 1', {}, 1, true],
    ['an empty object past depth 0', {}, 0, false],
    ['exactly the bound', nested(maxPayloadDepth), maxPayloadDepth, true],
    ['one level past the bound', nested(maxPayloadDepth + 1), maxPayloadDepth, false],
    ['100,000 levels', nested(100_000), maxPayloadDepth, false],
  ])('%s', (_name, value, max, expected) => {
    expect(isWithinDepth(value, max)).toBe(expected);
  });
});
