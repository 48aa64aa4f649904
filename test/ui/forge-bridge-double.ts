/**
 * The Jira host frame's side of `@forge/bridge` for jsdom tests: `window.__bridge.callBridge`
 * reaching the real resolver through the sandbox, as the acting user, in a module's context.
 * Must be installed before `@forge/bridge` is imported (it checks for `__bridge` at import), so
 * UI tests import the page under test dynamically after calling it.
 */
import type { Actor, ModuleContext, Sandbox } from '../integration/harness';
import { DEMO_USERS } from '../sandbox/demo';

export interface BridgeView {
  as: Actor;
  in?: ModuleContext;
  theme?: 'light' | 'dark';
  /** Forge's `context.license`, as a paid app in production gets it; absent by default. */
  license?: Record<string, unknown>;
}

/**
 * The app's history in the Jira URL (`view.createHistory()`): one per frame, as in Jira, with the
 * browser's back / forward. A `history` v4 subset: `listen`, `push`, `replace`, `location`.
 */
export interface HistoryDouble {
  readonly entries: string[];
  readonly location: { pathname: string };
  /** Where the next page opens, as a reload or a shared link would: forgets every entry. */
  open(pathname: string): void;
  back(): void;
  forward(): void;
}

function historyDouble(): HistoryDouble & { frameHistory(): unknown } {
  let entries = ['/'];
  let index = 0;
  let listeners: Array<(location: { pathname: string }, action: string) => void> = [];
  const location = () => ({ pathname: entries[index] ?? '/', search: '', hash: '', state: undefined });
  const notify = (action: string) => {
    for (const listener of [...listeners]) listener(location(), action);
  };
  const step = (delta: number) => {
    const next = index + delta;
    if (next < 0 || next >= entries.length) return;
    index = next;
    notify('POP');
  };
  return {
    get entries() {
      return entries.slice(0, index + 1);
    },
    get location() {
      return location();
    },
    open(pathname) {
      entries = [pathname];
      index = 0;
      listeners = [];
    },
    back: () => step(-1),
    forward: () => step(1),
    frameHistory: () => ({
      location: location(),
      push(path: string) {
        entries = [...entries.slice(0, index + 1), path];
        index += 1;
        notify('PUSH');
      },
      replace(path: string) {
        entries[index] = path;
        notify('REPLACE');
      },
      listen(listener: (location: { pathname: string }, action: string) => void) {
        listeners.push(listener);
        return () => (listeners = listeners.filter((l) => l !== listener));
      },
    }),
  };
}

function projectContextOf(sandbox: Sandbox, key: string): { id: string; key: string; type: string } {
  const project = sandbox.project(key);
  return { id: project.id, key: project.key, type: project.projectTypeKey };
}

export function installBridgeDouble(
  sandbox: Sandbox,
  view: BridgeView,
): { calls: string[]; navigations: unknown[]; submissions: unknown[]; history: HistoryDouble; setView(next: BridgeView): void } {
  let current = view;
  const history = historyDouble();
  // Each test opens the page afresh, at the app's root route, as a new browser tab would.
  beforeEach(() => history.open('/'));
  const calls: string[] = [];
  const navigations: unknown[] = [];
  /** What a gadget's edit view handed Jira with `view.submit`. */
  const submissions: unknown[] = [];
  const callBridge = async (op: string, payload?: unknown): Promise<unknown> => {
    calls.push(op);
    switch (op) {
      case 'invoke': {
        const { functionKey, payload: args } = payload as { functionKey: string; payload?: Record<string, unknown> };
        return sandbox.call(functionKey as never, {
          as: current.as,
          ...(current.in ? { in: current.in } : {}),
          ...(args ? { payload: args } : {}),
          ...(current.license ? { license: current.license } : {}),
        });
      }
      case 'getContext':
        return {
          accountId: current.as === 'anonymous' ? undefined : DEMO_USERS[current.as],
          cloudId: sandbox.site.cloudId,
          siteUrl: sandbox.site.baseUrl,
          locale: 'en-US',
          timezone: 'Europe/Berlin',
          moduleKey: current.in?.module === 'jira:dashboardGadget' ? (current.in.gadget ?? 'throughline-goal-health') : 'throughline-product',
          extension:
            current.in?.module === 'jira:dashboardGadget'
              ? { type: current.in.module, gadgetConfiguration: current.in.configuration ?? {}, ...(current.in.edit ? { entryPoint: 'edit' } : {}) }
              : current.in === undefined || current.in.module === 'jira:projectPage'
                ? // Forge's jira:projectPage context names the project (id, key, type).
                  { type: 'jira:projectPage', project: projectContextOf(sandbox, current.in?.module === 'jira:projectPage' ? current.in.project : 'THR') }
                : { type: current.in.module },
          theme: { colorMode: current.theme ?? 'light' },
        };
      // Router ops: the URL Jira gives a module page, and navigations kept for the test to read.
      case 'getUrl': {
        const target = payload as { moduleKey?: string; projectKey?: string; path?: string };
        return `${sandbox.site.baseUrl}/jira/software/projects/${target.projectKey ?? ''}/apps/${target.moduleKey ?? ''}${target.path ?? ''}`;
      }
      case 'navigate':
        navigations.push(payload);
        return undefined;
      case 'createHistory':
        return history.frameHistory();
      case 'submit':
        submissions.push(payload);
        return undefined;
      case 'enableTheming':
        document.documentElement.setAttribute('data-color-mode', current.theme ?? 'light');
        return undefined;
      default:
        throw new Error(`The bridge double does not serve "${op}"`);
    }
  };
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge };
  return { calls, navigations, submissions, history, setView: (next) => (current = next) };
}
