/** Test data with defaults: each test states only what matters to it. */
import type { GoalInput, KpiInput, MeasurementInput, Result } from '../../../../src/contract';
import type { VisionBoard } from '../../../../src/domain/strategy';

/** A calendar day relative to the machine's today (UTC), as the server computes "today". */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const today = (): string => daysFromToday(0);

export function visionBoard(overrides: Partial<VisionBoard> = {}): VisionBoard {
  return {
    productName: 'Thrive Web',
    vision: 'Every shopper finishes checkout in under a minute.',
    targetGroup: 'Returning shoppers on mobile',
    needs: 'Fast, trustworthy checkout',
    product: 'A web storefront with one-tap payment',
    businessGoals: 'Grow repeat revenue by 20%',
    ...overrides,
  };
}

export function goalInput(overrides: Partial<GoalInput> = {}): GoalInput {
  return {
    title: 'Faster checkout',
    description: 'Cut the time from cart to paid.',
    ownerAccountId: null,
    status: 'on-track',
    timeFrame: { kind: 'quarter', year: 2027, quarter: 1 },
    ...overrides,
  };
}

export function kpiInput(overrides: Partial<KpiInput> = {}): KpiInput {
  return {
    name: 'Checkout conversion',
    unit: '%',
    direction: 'increase',
    baseline: { value: 20, date: daysFromToday(-30) },
    target: { value: 50, date: daysFromToday(60) },
    source: { kind: 'manual' },
    ...overrides,
  };
}

export function measurementInput(overrides: Partial<MeasurementInput> = {}): MeasurementInput {
  return { date: today(), value: 30, ...overrides };
}

/** The value of a result the test expects to succeed; a failure fails the test with its message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}${result.error.field ? ` (${result.error.field})` : ''}`);
  return result.value;
}
