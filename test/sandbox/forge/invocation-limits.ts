/**
 * Platform limits on function invocations, per module kind. Source: Forge "Invocation limits"
 * (https://developer.atlassian.com/platform/forge/limits-invocation/) and "Platform quotas and
 * limits"; the scheduled trigger and async events pages for `timeoutSeconds`.
 */
import type { InvocationKind } from './invocation';
import type { ManifestFunction, ManifestModule } from './manifest';

export const INVOCATION_LIMITS = {
  /** UI resolvers (and UI modules invoked through Forge Remote) are stopped after 25 s. */
  resolverTimeoutMs: 25_000,
  /** Product events (`trigger` modules) share the general 25 s limit. */
  productTriggerTimeoutMs: 25_000,
  /** Web triggers: 55 s. */
  webTriggerTimeoutMs: 55_000,
  /**
   * Functions referenced only by `scheduledTrigger` or `consumer` modules: 55 s unless the
   * function declares `timeoutSeconds` (1–900).
   */
  longRunningDefaultTimeoutMs: 55_000,
  longRunningMaxTimeoutSeconds: 900,
  /** `ForgeSandbox.run` is a sandbox helper (seeding, scripts), not a Forge module: the longest limit. */
  scriptTimeoutMs: 900_000,
  /** `invoke` payload from the browser: 500 KB (decimal, the stricter reading). */
  maxPayloadBytes: 500_000,
  /** Function response: 5 MB (decimal, the stricter reading). */
  maxResponseBytes: 5_000_000,
  /** User-led invocations per fixed one-minute window, per user on one installation. */
  perUserPerMinute: 1_200,
  /** User-led invocations per fixed one-minute window, across all users of one installation. */
  perInstallationPerMinute: 5_000,
} as const;

/** Modules whose functions may run past 25 s (55 s default, `timeoutSeconds` up to 900). */
const LONG_RUNNING_MODULES = new Set(['scheduledTrigger', 'consumer']);

export interface FunctionDeclarations {
  functions: Record<string, ManifestFunction>;
  modules: ManifestModule[];
}

/**
 * The time Forge allows one invocation of `moduleKey` as `kind`. The 55/900 s allowance "applies to
 * function modules that are only referenced by consumer or scheduled trigger modules"; a function
 * also referenced by a trigger, UI module or web trigger gets the general 25 s even when a schedule
 * or a queue invokes it (the stricter reading of the invocation limits page).
 */
export function platformTimeoutMs(kind: InvocationKind, moduleKey: string, declared: FunctionDeclarations | undefined): number {
  switch (kind) {
    case 'resolver':
      return INVOCATION_LIMITS.resolverTimeoutMs;
    case 'trigger':
      return INVOCATION_LIMITS.productTriggerTimeoutMs;
    case 'web-trigger':
      return INVOCATION_LIMITS.webTriggerTimeoutMs;
    case 'script':
      return INVOCATION_LIMITS.scriptTimeoutMs;
    case 'scheduled-trigger':
    case 'consumer':
      return longRunningTimeoutMs(moduleKey, declared);
  }
}

function longRunningTimeoutMs(moduleKey: string, declared: FunctionDeclarations | undefined): number {
  const module = declared?.modules.find((candidate) => candidate.key === moduleKey);
  const functionKey = module?.functionKey;
  if (!declared || !functionKey) return INVOCATION_LIMITS.longRunningDefaultTimeoutMs;
  const referencedElsewhere = declared.modules.some(
    (candidate) => candidate.functionKey === functionKey && !LONG_RUNNING_MODULES.has(candidate.type),
  );
  if (referencedElsewhere) return INVOCATION_LIMITS.resolverTimeoutMs;
  const seconds = declared.functions[functionKey]?.timeoutSeconds;
  return seconds === undefined ? INVOCATION_LIMITS.longRunningDefaultTimeoutMs : seconds * 1000;
}

/**
 * Values cross the platform as JSON: `undefined` fields vanish, a Date becomes its ISO string, a
 * Map or Set becomes `{}`. Returns the JSON text (undefined for `undefined`) and its UTF-8 size.
 * Any depth crosses: Forge's side parses JSON without recursion limits we know of, and a browser
 * can send a 10,000-deep payload well inside 500 KB, so the app must cope with it.
 */
export function toJson(value: unknown): { text: string | undefined; bytes: number } {
  const text = stringifyAnyDepth(value);
  return { text, bytes: text === undefined ? 0 : Buffer.byteLength(text, 'utf8') };
}

/** V8's JSON.parse does not recurse on the native stack, so any depth parses. */
export function fromJson(text: string | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text);
}

function stringifyAnyDepth(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    // JSON.stringify recurses and overflows the stack near 5,000 levels; Forge's platform does not.
    if (error instanceof RangeError) return stringifyIteratively(value);
    throw error;
  }
}

type Frame =
  | { kind: 'array'; items: unknown[]; index: number; parts: string[]; ancestor: object }
  | { kind: 'object'; entries: Array<[string, unknown]>; index: number; parts: string[]; ancestor: object };

/**
 * JSON.stringify's result without recursion: `toJSON`, dropped `undefined` / functions / symbols
 * (null inside arrays), boxed primitives, non-finite numbers as null, and a TypeError on cycles
 * and BigInt, as the built-in does.
 */
function stringifyIteratively(root: unknown): string | undefined {
  const stack: Frame[] = [];
  const open = new Set<object>();
  let finished: string | undefined;

  const emit = (text: string | undefined): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      finished = text;
      return;
    }
    if (parent.kind === 'array') parent.parts.push(text ?? 'null');
    else if (text !== undefined) parent.parts.push(`${JSON.stringify(parent.entries[parent.index - 1]?.[0])}:${text}`);
  };

  const visit = (key: string, holder: unknown): void => {
    const value = toJsonValue(key, holder);
    if (value === null || typeof value !== 'object') {
      emit(primitiveJson(value));
      return;
    }
    if (open.has(value)) throw new TypeError('Converting circular structure to JSON');
    open.add(value);
    if (Array.isArray(value)) stack.push({ kind: 'array', items: value, index: 0, parts: [], ancestor: value });
    else stack.push({ kind: 'object', entries: Object.entries(value), index: 0, parts: [], ancestor: value });
  };

  visit('', root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const length = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.index >= length) {
      stack.pop();
      open.delete(frame.ancestor);
      emit(frame.kind === 'array' ? `[${frame.parts.join(',')}]` : `{${frame.parts.join(',')}}`);
      continue;
    }
    const index = frame.index++;
    if (frame.kind === 'array') visit(String(index), frame.items[index]);
    else visit(frame.entries[index]?.[0] ?? '', frame.entries[index]?.[1]);
  }
  return finished;
}

function toJsonValue(key: string, value: unknown): unknown {
  let result = value;
  if (result !== null && (typeof result === 'object' || typeof result === 'bigint')) {
    const toJSON = (result as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') result = (toJSON as (key: string) => unknown).call(result, key);
  }
  if (result instanceof Number || result instanceof String || result instanceof Boolean) result = result.valueOf();
  return result;
}

function primitiveJson(value: unknown): string | undefined {
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return JSON.stringify(value);
}
