/**
 * The two globals the deployed Forge runtime defines and every @forge/* package reads:
 * `__forge_fetch__` (all platform and product HTTP) and `__forge_runtime__` (the current
 * invocation's context). Both are defined once per realm and dispatch through an
 * AsyncLocalStorage, so concurrent invocations, even of different sandboxes, never see each
 * other's user, deadline or counters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Invocation, PlatformEndpoint } from './invocation';
import type { ForgeRuntime } from './runtime';

interface Registry {
  readonly invocations: AsyncLocalStorage<Invocation>;
  /** Serves platform calls made outside any invocation (test setup, seeding the store). */
  active: PlatformEndpoint | undefined;
  defined: boolean;
}

// Keyed with Symbol.for so a second copy of this module (jest isolateModules, a bundler) shares it.
const REGISTRY_KEY = Symbol.for('throughline.forge-sandbox.registry');

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: Registry };

function registry(): Registry {
  const realm = globalThis as GlobalWithRegistry;
  realm[REGISTRY_KEY] ??= { invocations: new AsyncLocalStorage<Invocation>(), active: undefined, defined: false };
  return realm[REGISTRY_KEY];
}

export function currentInvocation(): Invocation | undefined {
  return registry().invocations.getStore();
}

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return registry().invocations.run(invocation, fn);
}

/**
 * Defines the globals once per realm. Idempotent; every invocation calls it too, so a function
 * run before `install()` still finds them.
 *
 * `__forge_runtime__` never carries `kvs`: @forge/kvs (out/index.js) decides at import time
 * between a direct KVS client (when `__forge_runtime__.kvs.{url,host}` exist) and
 * `__forge_fetch__({type:'kvs', provider:'app', remote:'kvs'}, …)`. With no `kvs`, and with
 * `__forge_runtime__` undefined outside invocations, it always takes the `__forge_fetch__` path,
 * whether it is imported before or after this runs; it reads `__forge_fetch__` only per call.
 */
export function defineGlobals(): void {
  const state = registry();
  if (state.defined) return;
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    writable: false,
    value: (meta: unknown, path: unknown, init: unknown): Promise<Response> => {
      const invocation = state.invocations.getStore();
      const target = invocation?.endpoint ?? state.active;
      if (!target) return Promise.reject(new Error('No ForgeSandbox is installed: call sandbox.install() first'));
      return target.forgeFetch(invocation, meta, path, init);
    },
  });
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: (): ForgeRuntime | undefined => state.invocations.getStore()?.runtime,
  });
  state.defined = true;
}

/** Defines the globals and makes `endpoint` serve platform calls made outside invocations. */
export function installGlobals(endpoint: PlatformEndpoint): void {
  defineGlobals();
  registry().active = endpoint;
}

/** Stops `endpoint` serving calls outside invocations; the globals stay (other sandboxes may use them). */
export function releaseGlobals(endpoint: PlatformEndpoint): void {
  const state = registry();
  if (state.active === endpoint) state.active = undefined;
}
