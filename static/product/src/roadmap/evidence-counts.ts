/**
 * Live JQL counts of the board's evidence, asked for after the board renders: cards that show a
 * saved search register their item, and one `countEvidenceJql` call a moment later counts every
 * registered item's queries (the server asks Jira once per distinct query, as this viewer). Counts
 * are kept for a minute, so switching layouts or reopening the board asks nothing.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { invoke } from '../../../shared/bridge';

export const countsTtlMs = 60_000;
const batchDelayMs = 50;
/** The server's limit of items per call. */
const maxItemsPerCall = 1_000;

type ItemCounts = { at: number; byId: Record<string, number | undefined> };

const counted = new Map<string, ItemCounts>();
const queued = new Set<string>();
const inFlight = new Set<string>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let now: () => number = () => Date.now();

function emit(): void {
  for (const listener of listeners) listener();
}

async function flush(): Promise<void> {
  timer = undefined;
  const itemIds = [...queued];
  queued.clear();
  for (let start = 0; start < itemIds.length; start += maxItemsPerCall) {
    const batch = itemIds.slice(start, start + maxItemsPerCall);
    batch.forEach((id) => inFlight.add(id));
    try {
      const result = await invoke('countEvidenceJql', { itemIds: batch });
      if (result.ok) {
        const at = now();
        const byItem = new Map<string, ItemCounts>(batch.map((id) => [id, { at, byId: {} }]));
        for (const entry of result.value.counts) {
          const item = byItem.get(entry.itemId);
          if (item) item.byId[entry.id] = entry.count;
        }
        for (const [id, counts] of byItem) counted.set(id, counts);
      }
    } catch {
      // A failed count leaves the card's stored numbers; the next render asks again.
    } finally {
      batch.forEach((id) => inFlight.delete(id));
      emit();
    }
  }
}

function request(itemId: string): void {
  const known = counted.get(itemId);
  if ((known && now() - known.at < countsTtlMs) || inFlight.has(itemId) || queued.has(itemId)) return;
  queued.add(itemId);
  timer ??= setTimeout(() => void flush(), batchDelayMs);
}

/** Counts the item panel just read: the card shows them at once, with no extra call. */
export function publishJqlCounts(itemId: string, byId: Record<string, number | undefined>): void {
  counted.set(itemId, { at: now(), byId });
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** This item's live JQL counts by evidence id, or undefined while being counted; nothing is asked when `itemId` is undefined. */
export function useJqlCounts(itemId: string | undefined): Record<string, number | undefined> | undefined {
  const snapshot = useSyncExternalStore(subscribe, () => (itemId ? counted.get(itemId) : undefined));
  useEffect(() => {
    if (itemId && (!snapshot || now() - snapshot.at >= countsTtlMs)) request(itemId);
  }, [itemId, snapshot]);
  return snapshot?.byId;
}

/**
 * The live counts of several items at once, for the page's priority scores (reach from evidence):
 * each item is asked for as its card would (same batching, same minute of reuse). The map changes
 * when counts arrive, and only then.
 */
export function useJqlCountsOf(itemIds: readonly string[]): ReadonlyMap<string, Record<string, number | undefined>> {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const unsubscribe = subscribe(() => setTick((t) => t + 1));
    return () => void unsubscribe();
  }, []);
  useEffect(() => {
    for (const id of itemIds) {
      const known = counted.get(id);
      if (!known || now() - known.at >= countsTtlMs) request(id);
    }
  }, [itemIds]);
  return useMemo(() => new Map(itemIds.flatMap((id) => (counted.has(id) ? [[id, counted.get(id)!.byId] as const] : []))), [itemIds, tick]);
}

/** For tests: forget every count and use this clock. */
export function resetJqlCounts(clock: () => number = () => Date.now()): void {
  counted.clear();
  queued.clear();
  inFlight.clear();
  if (timer) clearTimeout(timer);
  timer = undefined;
  now = clock;
}
