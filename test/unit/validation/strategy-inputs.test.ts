import { invalidFromZod } from '../../../src/validation/invalid';
import { payloadSchemas } from '../../../src/validation/payloads';
import { goalInputSchema, kpiInputSchema, measurementInputSchema } from '../../../src/validation/strategy-inputs';

const kpi = {
  name: 'Conversion',
  unit: '%',
  direction: 'increase',
  baseline: { value: 10, date: '2026-01-01' },
  target: { value: 20, date: '2026-12-31' },
  source: { kind: 'manual' },
};

function problem(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return undefined;
  return invalidFromZod(parsed.error as Parameters<typeof invalidFromZod>[0]);
}

describe('KPI input', () => {
  test('accepts a sound KPI, trimming its text', () => {
    expect(kpiInputSchema.parse({ ...kpi, name: '  Conversion ' }).name).toBe('Conversion');
  });

  test.each([
    ['target equal to baseline', { target: { value: 10, date: '2026-12-31' } }, 'target.value'],
    ['increase with a lower target', { target: { value: 5, date: '2026-12-31' } }, 'target.value'],
    ['decrease with a higher target', { direction: 'decrease' }, 'target.value'],
    ['target date on the baseline date', { target: { value: 20, date: '2026-01-01' } }, 'target.date'],
    ['Infinity arrives as null', { baseline: { value: null, date: '2026-01-01' } }, 'baseline.value'],
    ['NaN', { baseline: { value: Number.NaN, date: '2026-01-01' } }, 'baseline.value'],
    ['a year out of range', { target: { value: 20, date: '2999-01-01' } }, 'target.date'],
    ['a ratio with an unbalanced numerator', { source: { kind: 'jql-ratio', numeratorJql: 'a = (1', denominatorJql: 'b = 2' } }, 'source.numeratorJql'],
  ])('%s → %s', (_, override, field) => {
    expect(problem(kpiInputSchema, { ...kpi, ...override })).toMatchObject({ code: 'invalid', field });
  });
});

describe('goal and measurement input', () => {
  test('a goal without an owner is fine; an empty owner id is not', () => {
    const goal = { title: 'Grow', description: '', ownerAccountId: null, status: 'done', timeFrame: { kind: 'none' } };
    expect(goalInputSchema.safeParse(goal).success).toBe(true);
    expect(problem(goalInputSchema, { ...goal, ownerAccountId: '' })).toMatchObject({ field: 'ownerAccountId' });
  });

  test('a measurement note is optional and bounded', () => {
    expect(measurementInputSchema.parse({ date: '2026-02-01', value: 3 })).toEqual({ date: '2026-02-01', value: 3 });
    expect(problem(measurementInputSchema, { date: '2026-02-01', value: 3, note: 'x'.repeat(501) })).toMatchObject({ field: 'note' });
  });
});

describe('payloads', () => {
  test('drop what the browser may not decide, such as the project', () => {
    const parsed = payloadSchemas.deleteGoal.parse({ id: 'goal-1', baseVersion: 2, projectId: '10002' });
    expect(parsed).toEqual({ id: 'goal-1', baseVersion: 2 });
  });

  test.each([
    ['a negative version', payloadSchemas.deleteGoal, { id: 'goal-1', baseVersion: -1 }, 'baseVersion'],
    ['a fractional version', payloadSchemas.deleteGoal, { id: 'goal-1', baseVersion: 1.5 }, 'baseVersion'],
    ['an id with a slash', payloadSchemas.getKpiHistory, { id: 'a/b' }, 'id'],
    ['no payload at all', payloadSchemas.getKpiHistory, undefined, undefined],
  ])('refuse %s', (_, schema, input, field) => {
    const result = problem(schema, input);
    expect(result?.code).toBe('invalid');
    expect(result?.field).toBe(field);
    expect(result?.message).not.toMatch(/^Invalid input/);
  });
});
