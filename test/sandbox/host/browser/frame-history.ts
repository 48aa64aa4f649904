/**
 * The object `view.createHistory()` resolves to: the `history` v4 API (what the bridge's own
 * wrapper and React Router adapters call: `listen(location, action)`, `push`, `replace`,
 * `location`). It lives in the frame because listeners are functions; the host only mirrors the
 * path into its URL (`&path=`) so a link reopens the app on the same route.
 */
import type { HistoryLocation } from './protocol';

type Action = 'PUSH' | 'REPLACE' | 'POP';
type Listener = (location: HistoryLocation, action: Action) => void;
type PathInput = string | Partial<Pick<HistoryLocation, 'pathname' | 'search' | 'hash' | 'state'>>;

export interface FrameHistory {
  location: HistoryLocation;
  action: Action;
  length: number;
  listen(listener: Listener): () => void;
  push(path: PathInput, state?: unknown): void;
  replace(path: PathInput, state?: unknown): void;
  go(delta: number): void;
  goBack(): void;
  goForward(): void;
  back(): void;
  forward(): void;
  block(): () => void;
  createHref(location: PathInput): string;
  /** Sandbox-internal: the host reports browser back/forward. */
  pop(location: HistoryLocation): void;
}

function randomKey(): string {
  return Math.random().toString(36).slice(2, 8);
}

function withPrefix(value: string | undefined, prefix: string): string {
  if (!value) return '';
  return value.startsWith(prefix) ? value : prefix + value;
}

export function resolveLocation(current: HistoryLocation, input: PathInput, state: unknown): HistoryLocation {
  if (typeof input === 'string') {
    // Resolve relative paths against the current one, as history v4 does.
    const url = new URL(input, `http://frame${current.pathname}`);
    return { pathname: url.pathname, search: url.search, hash: url.hash, state, key: randomKey() };
  }
  return {
    pathname: input.pathname ?? current.pathname,
    search: withPrefix(input.search, '?'),
    hash: withPrefix(input.hash, '#'),
    state: input.state ?? state,
    key: randomKey(),
  };
}

export function createFrameHistory(
  initial: HistoryLocation,
  report: (action: 'PUSH' | 'REPLACE', location: HistoryLocation) => void,
  go: (delta: number) => void,
): FrameHistory {
  const listeners = new Set<Listener>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener(history.location, history.action);
  };
  const change = (action: 'PUSH' | 'REPLACE', input: PathInput, state: unknown): void => {
    history.location = resolveLocation(history.location, input, state);
    history.action = action;
    if (action === 'PUSH') history.length += 1;
    report(action, history.location);
    notify();
  };
  const history: FrameHistory = {
    location: initial,
    action: 'POP',
    length: 1,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: (path, state) => change('PUSH', path, state),
    replace: (path, state) => change('REPLACE', path, state),
    go,
    goBack: () => go(-1),
    goForward: () => go(1),
    back: () => go(-1),
    forward: () => go(1),
    block: () => () => undefined,
    createHref: (location) => {
      const target = resolveLocation(history.location, location, undefined);
      return target.pathname + target.search + target.hash;
    },
    pop(location) {
      history.location = location;
      history.action = 'POP';
      notify();
    },
  };
  return history;
}
