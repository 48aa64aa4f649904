/** Test data with defaults: each test states only what matters to it. */
import type { ChildFact, TimelineSprint } from '../../../src/domain/delivery';

let nextId = 1;

export function child(overrides: Partial<ChildFact> = {}): ChildFact {
  return { id: `c${nextId++}`, category: 'todo', sprintIds: [], ...overrides };
}

export const done = (points?: number, sprintIds: number[] = []): ChildFact =>
  child({ category: 'done', sprintIds, ...(points === undefined ? {} : { points }) });
export const todo = (points?: number, sprintIds: number[] = []): ChildFact =>
  child({ category: 'todo', sprintIds, ...(points === undefined ? {} : { points }) });
export const inProgress = (points?: number, sprintIds: number[] = []): ChildFact =>
  child({ category: 'in-progress', sprintIds, ...(points === undefined ? {} : { points }) });

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Two-week sprints 1…closed (closed), then one active, then `future` future ones; sprint 1 starts on
 * `firstStart`. Only the first future sprint is dated, as teams leave them.
 */
export function cadence(options: { closed: number; active?: boolean; future?: number; firstStart?: string }): TimelineSprint[] {
  const start = Date.parse(options.firstStart ?? '2026-09-07T09:00:00.000Z');
  const total = options.closed + (options.active === false ? 0 : 1) + (options.future ?? 0);
  return Array.from({ length: total }, (_, i): TimelineSprint => {
    const id = i + 1;
    const state = i < options.closed ? 'closed' : i === options.closed && options.active !== false ? 'active' : 'future';
    const firstFuture = options.closed + (options.active === false ? 0 : 1);
    const dated = state !== 'future' || i === firstFuture;
    return {
      id,
      name: `Sprint ${id}`,
      state,
      ...(dated ? { startDate: iso(start + i * 14 * day), endDate: iso(start + (i + 1) * 14 * day) } : {}),
      ...(state === 'closed' ? { completeDate: iso(start + (i + 1) * 14 * day) } : {}),
    };
  });
}
