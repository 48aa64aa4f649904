/**
 * What the viewer follows, loaded once per page and shared by every Follow toggle (goal cards, the
 * item panel) and the feed, so fifty goal cards cost one call, not fifty.
 */
import { useSyncExternalStore } from 'react';
import type { AppError, FollowTarget } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';

type State = { status: 'idle' | 'loading' | 'ready'; targets: FollowTarget[] };

let state: State = { status: 'idle', targets: [] };
const listeners = new Set<() => void>();
const set = (next: State) => {
  state = next;
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (state.status === 'idle') void load();
  return () => listeners.delete(listener);
}

async function load(): Promise<void> {
  set({ ...state, status: 'loading' });
  try {
    const result = await invoke('getFollowing');
    set({ status: 'ready', targets: result.ok ? result.value : [] });
  } catch {
    set({ status: 'ready', targets: [] });
  }
}

export const isFollowed = (targets: readonly FollowTarget[], target: FollowTarget): boolean =>
  targets.some((followed) => followed.kind === target.kind && followed.id === target.id);

export function useFollowing(): State {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

/** Replaces the list with what the server answered (the feed carries it too). */
export function knownFollowing(targets: FollowTarget[]): void {
  set({ status: 'ready', targets });
}

/** Follows or unfollows; answers the error, if any, and keeps the list as the server has it. */
export async function toggleFollow(target: FollowTarget, follow: boolean): Promise<AppError | undefined> {
  const result = await invoke(follow ? 'followTarget' : 'unfollowTarget', { target });
  if (!result.ok) return result.error;
  knownFollowing(result.value);
  return undefined;
}
