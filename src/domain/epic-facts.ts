/**
 * Keeping cached child facts in step with Jira: what a search or an event reports now is applied
 * to the facts of the epics being tracked. Pure, so every case of a move is table-tested.
 */
import type { ChildFact } from './delivery';

/** A child issue as Jira shows it now: its facts and, if it has one, its parent's id. */
export interface ObservedChild extends ChildFact {
  parentId?: string;
}

export interface FactsChange {
  /** Issues as a search or event shows them now (changed since the last sync, or just fetched). */
  observed?: readonly ObservedChild[];
  /** Issues that no longer exist (deleted). */
  removedIds?: readonly string[];
  /** Epics crawled in full: their facts become exactly these children. */
  replaced?: ReadonlyMap<string, readonly ChildFact[]>;
}

export interface FactsUpdate {
  /** Every tracked epic's facts after the change (unchanged epics keep their arrays). */
  facts: Map<string, readonly ChildFact[]>;
  /** Epics whose facts differ from before: the records to write. */
  changed: Set<string>;
}

/**
 * Applies a change to the tracked epics' facts (`current`: epic id → children):
 * - an observed child whose parent is a tracked epic is put there (updated in place if known);
 * - an observed child is taken out of every other tracked epic: it moved to another epic, to an
 *   untracked one, or lost its parent;
 * - removed ids are taken out wherever they are;
 * - a replaced epic gets exactly its crawled children, and those leave any other epic.
 * An observation equal to what is cached changes nothing, so re-seen issues cost no write.
 */
export function applyFactsChange(current: ReadonlyMap<string, readonly ChildFact[]>, change: FactsChange): FactsUpdate {
  const facts = new Map<string, readonly ChildFact[]>(current);
  const changed = new Set<string>();
  const replaced = change.replaced ?? new Map<string, readonly ChildFact[]>();

  for (const [epicId, children] of replaced) {
    const before = facts.get(epicId);
    if (!before || !sameChildren(before, children)) changed.add(epicId);
    facts.set(epicId, children);
  }

  // Only children this change names can move: a warm load of 100,000 children changes a few dozen.
  const named = new Set<string>([...(change.observed ?? []).map((child) => child.id), ...(change.removedIds ?? [])]);
  for (const children of replaced.values()) for (const child of children) named.add(child.id);
  const holders = new Map<string, Set<string>>();
  for (const [epicId, children] of facts) {
    for (const child of children) {
      if (!named.has(child.id)) continue;
      let set = holders.get(child.id);
      if (!set) holders.set(child.id, (set = new Set()));
      set.add(epicId);
    }
  }
  const removeFrom = (epicId: string, childId: string) => {
    const children = facts.get(epicId);
    if (!children) return;
    facts.set(epicId, children.filter((c) => c.id !== childId));
    holders.get(childId)?.delete(epicId);
    changed.add(epicId);
  };

  for (const children of replaced.values()) {
    for (const child of children) {
      for (const holder of [...(holders.get(child.id) ?? [])]) if (!replaced.has(holder)) removeFrom(holder, child.id);
    }
  }

  for (const observed of change.observed ?? []) {
    const target = observed.parentId !== undefined && facts.has(observed.parentId) ? observed.parentId : undefined;
    for (const holder of [...(holders.get(observed.id) ?? [])]) if (holder !== target) removeFrom(holder, observed.id);
    if (target === undefined) continue;
    const fact = toFact(observed);
    const children = facts.get(target) as readonly ChildFact[];
    const index = children.findIndex((c) => c.id === fact.id);
    if (index >= 0 && sameFact(children[index] as ChildFact, fact)) continue;
    facts.set(target, index >= 0 ? children.map((c, i) => (i === index ? fact : c)) : [...children, fact]);
    let set = holders.get(fact.id);
    if (!set) holders.set(fact.id, (set = new Set()));
    set.add(target);
    changed.add(target);
  }

  for (const id of change.removedIds ?? []) for (const holder of [...(holders.get(id) ?? [])]) removeFrom(holder, id);

  return { facts, changed };
}

function toFact(observed: ObservedChild): ChildFact {
  return {
    id: observed.id,
    category: observed.category,
    ...(observed.points === undefined ? {} : { points: observed.points }),
    sprintIds: [...observed.sprintIds],
    ...(observed.fixVersionIds?.length ? { fixVersionIds: [...observed.fixVersionIds] } : {}),
  };
}

export function sameFact(a: ChildFact, b: ChildFact): boolean {
  return (
    a.id === b.id &&
    a.category === b.category &&
    a.points === b.points &&
    a.sprintIds.length === b.sprintIds.length &&
    a.sprintIds.every((id, i) => id === b.sprintIds[i]) &&
    (a.fixVersionIds ?? []).join(',') === (b.fixVersionIds ?? []).join(',')
  );
}

function sameChildren(a: readonly ChildFact[], b: readonly ChildFact[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((c) => [c.id, c]));
  return b.every((c) => {
    const other = byId.get(c.id);
    return other !== undefined && sameFact(other, c);
  });
}
