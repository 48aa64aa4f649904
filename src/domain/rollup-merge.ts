import type { ChildFact } from './delivery';
import { issuesIn } from './delivery';
import { rollupOf } from './epic-rollup';
import type { EpicRollup } from './epic-rollup';

export interface EpicChildren {
  epicId: string;
  children: readonly ChildFact[];
}

export interface ItemRollup extends EpicRollup {
  /** Distinct epics summed. */
  epics: number;
  /**
   * Children met more than once and counted once: an epic linked twice, or a child caught
   * between two epics while it moves (the cache sees the new parent before the old one forgets it).
   */
  duplicates: number;
}

/**
 * A roadmap item's roll-up over its epics. Sums children, not epic roll-ups, so a child is
 * counted once however it is reached; the first epic that lists a child wins. Epics given as
 * groups (`groupChildren`: ids unique to their epic) can meet a child twice only through an epic
 * listed twice: a child caught between two epics while it moves is counted in both until the
 * cache sees the move (a delta search or issue event, within minutes).
 */
export function rollupOfEpics(epics: readonly EpicChildren[]): ItemRollup {
  const seenEpics = new Set<string>();
  const children = new Map<string, ChildFact>();
  let duplicates = 0;
  for (const epic of epics) {
    if (seenEpics.has(epic.epicId)) continue;
    seenEpics.add(epic.epicId);
    for (const child of epic.children) {
      if (children.has(child.id)) duplicates += issuesIn(child);
      else children.set(child.id, child);
    }
  }
  return { ...rollupOf([...children.values()]), epics: seenEpics.size, duplicates };
}

/** The distinct children of several epics, for velocity and sprint placement over an item or a project. */
export function distinctChildren(epics: readonly EpicChildren[]): ChildFact[] {
  const children = new Map<string, ChildFact>();
  for (const epic of epics) for (const child of epic.children) if (!children.has(child.id)) children.set(child.id, child);
  return [...children.values()];
}
