/**
 * Reapplying an edit after someone else saved first: a three-way merge, field by field. `base` is
 * what the editor loaded, `mine` what they typed, `theirs` what is saved now. A field only one side
 * changed takes that side's value; a field both changed to the same value is agreed; a field both
 * changed differently is a clash the person decides. Pure; values compare by their JSON.
 */

export type FieldOutcome = 'unchanged' | 'mine' | 'theirs' | 'agreed' | 'clash';

export interface FieldMerge<T> {
  /** The merged record: clashing fields hold `theirs` until the person picks (`resolveClashes`). */
  merged: T;
  fields: Record<keyof T & string, FieldOutcome>;
  /** Fields both changed differently: the only ones to ask about. */
  clashes: Array<keyof T & string>;
  /** Fields the other person changed (and this editor did not, or agreed): shown as theirs. */
  theirChanges: Array<keyof T & string>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function mergeFields<T extends object>(baseRecord: T, mineRecord: T, theirsRecord: T): FieldMerge<T> {
  const base = baseRecord as Record<string, unknown>;
  const mine = mineRecord as Record<string, unknown>;
  const theirs = theirsRecord as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])] as Array<keyof T & string>;
  const merged = {} as Record<string, unknown>;
  const fields = {} as Record<keyof T & string, FieldOutcome>;
  const clashes: Array<keyof T & string> = [];
  const theirChanges: Array<keyof T & string> = [];
  for (const key of keys) {
    const iChanged = !same(base[key], mine[key]);
    const theyChanged = !same(base[key], theirs[key]);
    let outcome: FieldOutcome;
    if (!iChanged && !theyChanged) outcome = 'unchanged';
    else if (iChanged && !theyChanged) outcome = 'mine';
    else if (!iChanged && theyChanged) outcome = 'theirs';
    else outcome = same(mine[key], theirs[key]) ? 'agreed' : 'clash';
    fields[key] = outcome;
    if (outcome === 'clash') clashes.push(key);
    if (outcome === 'theirs' || outcome === 'clash') theirChanges.push(key);
    const value = outcome === 'mine' ? mine[key] : theirs[key];
    if (value !== undefined) merged[key] = value;
  }
  return { merged: merged as T, fields, clashes, theirChanges };
}

/** The merge with each clash settled: `choice[field]` says whose value stands. */
export function resolveClashes<T extends object>(merge: FieldMerge<T>, mineRecord: T, choice: Partial<Record<keyof T & string, 'mine' | 'theirs'>>): T {
  const mine = mineRecord as Record<string, unknown>;
  const result = { ...merge.merged } as Record<string, unknown>;
  for (const key of merge.clashes) {
    if (choice[key] !== 'mine') continue;
    if (mine[key] === undefined) delete result[key];
    else result[key] = mine[key];
  }
  return result as T;
}

/** Whether every clash has a choice. */
export const allClashesSettled = <T extends object>(merge: FieldMerge<T>, choice: Partial<Record<keyof T & string, 'mine' | 'theirs'>>): boolean =>
  merge.clashes.every((key) => choice[key] === 'mine' || choice[key] === 'theirs');
