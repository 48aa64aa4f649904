/**
 * Issue 9's fuzz suite: every resolver function gets payloads built around its schema
 * (src/validation/payloads.ts) and broken in every way a browser could: wrong types, huge, negative
 * and fractional numbers (NaN and Infinity cross JSON as null), over-long strings, lone surrogates,
 * `__proto__` / `constructor` keys, deep nesting, extra keys, other projects' ids. Every answer must
 * be a valid `ok` or a typed failure of the contract's closed set, never a throw (Forge's 500), and a
 * refused call leaves the app's data exactly as it was (derived caches of Jira data may be refreshed).
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx jest … payload-fuzz
 */
import fc from 'fast-check';
import type { Defs, ErrorCode } from '../../../src/contract';
import { handlers } from '../../../src/resolvers/handlers';
import { payloadSchemas } from '../../../src/validation/payloads';
import { createSandbox } from '../harness';
import type { ModuleContext } from '../harness';
import type { SeededProduct } from './kit';
import { seedProduct, storedData, validPayload } from './kit';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/**
 * Cases per function with a payload schema (32 × 300), and per function without one (9 × 50, each
 * case a full read, since the payload is ignored): 10,050 per run.
 */
const runsWithSchema = Number(process.env.FUZZ_RUNS ?? 300);
const runsWithoutSchema = Math.max(1, Math.round(runsWithSchema / 6));

const closedCodes: Record<ErrorCode, true> = {
  forbidden: true,
  'not-found': true,
  invalid: true,
  conflict: true,
  'jira-unavailable': true,
  'rate-limited': true,
  'scope-missing': true,
  'storage-unavailable': true,
};

/**
 * The import's payload is the whole export file, checked by the importer being rewritten alongside
 * (src/validation/import-format.ts): its answers are held to the typed-failure rule, but a preview
 * may record its plan, so storage is not compared for them.
 */
const storageMayChangeOnRefusal = new Set<keyof Defs>(['previewImport', 'applyImport']);

const sandbox = createSandbox();
let own: SeededProduct;
let other: SeededProduct;
let baseline: ReturnType<typeof sandbox.forge.kvs.snapshot>;
let baselineStored: string;
let baselineProperties: Array<Record<string, unknown>>;

beforeAll(async () => {
  own = await seedProduct(sandbox, 'THR');
  other = await seedProduct(sandbox, 'MOB');
  // Reads fill the derived caches once, so later reads refresh nothing.
  await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  await sandbox.call('getAlignment', { as: 'productManager' });
  baseline = sandbox.forge.kvs.snapshot();
  baselineStored = storedData(sandbox, { caches: 'left out' });
  baselineProperties = sandbox.site.issues.map((issue) => structuredClone(issue.properties));
}, 120_000);

function restoreSeed(): void {
  sandbox.forge.kvs.restore(baseline);
  restoreIssueProperties();
}

/** Linking writes epics' properties in Jira, as the user: put back any that changed. */
function restoreIssueProperties(): void {
  sandbox.site.issues.forEach((issue, index) => {
    const seeded = baselineProperties[index] ?? {};
    if (JSON.stringify(issue.properties) !== JSON.stringify(seeded)) issue.properties = structuredClone(seeded);
  });
}

const adminFunctions = new Set<keyof Defs>([
  'getAdminSettings',
  'getAdminProjectSettings',
  'saveEditRule',
  'saveStoryPointOverride',
  'saveSprintBoards',
  'exportData',
  'previewImport',
  'applyImport',
  'rebuildLinkIndex',
]);

function contextFor(key: keyof Defs): { as: 'admin' | 'productManager'; in: ModuleContext } {
  if (key === 'getEpicContext' || key === 'setEpicLinks') return { as: 'productManager', in: { module: 'jira:issuePanel', issue: own.epicKey } };
  if (key === 'getPortfolio') return { as: 'productManager', in: { module: 'jira:globalPage' } };
  // Only a check-in's author edits it: the seed's are the Jira admin's.
  if (key === 'editStatusUpdate') return { as: 'admin', in: { module: 'jira:projectPage', project: 'THR' } };
  if (adminFunctions.has(key)) {
    return { as: 'admin', in: { module: 'jira:adminPage' } };
  }
  // The project administrator: every write's permission check passes, so the payload is what decides.
  return { as: 'productManager', in: { module: 'jira:projectPage', project: 'THR' } };
}

// ── Payload arbitraries ─────────────────────────────────────────────────────────────────────

/** An object with an own property named `key`, even `__proto__` (a literal would set the prototype). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function nested(levels: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const nastyNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -1, -0, 0.5, -(2 ** 31), 5e-324, 1e12 + 1, -1e12 - 1, 99999999999999999999),
  // NaN and ±Infinity: JSON carries them as null.
  fc.double(),
  fc.integer(),
);

const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'a\udc00b', '\udbff\udfff', 'x'.repeat(101), 'x'.repeat(2_001), 'é'.repeat(5_000), '__proto__', 'constructor', '../../x', '%', '%zz', '"\'\\', '<script>', '0', '-1', '1e400', 'THR-1', '10000', '10001', 'customfield_1', 'null'),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ minLength: 95, maxLength: 130, unit: 'grapheme' }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyNumber },
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }, { polluted: true }, { prototype: { polluted: true } }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 70 }).map((depth) => nested(depth, 'x')) },
  { weight: 1, arbitrary: fc.array(nastyString, { minLength: 0, maxLength: 120 }) },
);

const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'projectId', 'accountId', 'toString', 'hasOwnProperty', 'valueOf', '', 'x'.repeat(200));

type Json = Record<string, unknown>;

/** Every path to a value inside `value` (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

/** A copy of `root` with the value at `path` replaced by `make(old)` (undefined deletes it). */
function rewrite(root: unknown, path: Array<string | number>, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = rewrite(copy[head as number], rest, make);
    return copy;
  }
  const copy = { ...(root as Json) };
  const next = rewrite(copy[head as string], rest, make);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** Ids of the other product put where this product's are: valid shapes, naming nothing here. */
function otherProjectIds(payload: unknown): unknown {
  let text = JSON.stringify(payload);
  const pairs: Array<[string, string]> = [
    [own.goalId, other.goalId],
    [own.kpiId, other.kpiId],
    [own.jqlKpiId, other.jqlKpiId],
    [own.measurementId, other.measurementId],
    [own.itemId, other.itemId],
    [own.laneId, other.laneId],
    [own.projectId, other.projectId],
    [own.epicId, other.epicId],
    [own.noteId, other.noteId],
    [own.checkInId, other.checkInId],
  ];
  for (const [mine, theirs] of pairs) text = text.split(mine).join(theirs);
  return JSON.parse(text);
}

function payloadArbitrary(key: keyof Defs): fc.Arbitrary<unknown> {
  const valid = validPayload(key, own);
  const paths = pathsOf(valid);
  const path = fc.constantFrom(...paths);
  const objectPaths = paths.filter((candidate) => {
    let node: unknown = valid;
    for (const step of candidate) node = (node as Json)[step as string];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const innerPaths = paths.filter((at) => at.length > 0);
  // Calls without a payload have nothing to delete: that branch would never yield a case.
  const deletions = innerPaths.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...innerPaths).map((at) => rewrite(valid, at, () => undefined)) }] : [];
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 6, arbitrary: fc.tuple(path, nastyValue).map(([at, value]) => rewrite(valid, at, () => value)) },
    ...deletions,
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...objectPaths), extraKey, nastyValue)
        .map(([at, name, value]) => rewrite(valid, at, (old) => withOwnKey(old as Json, name, value))),
    },
    { weight: 1, arbitrary: fc.constant(otherProjectIds(valid)) },
    { weight: 1, arbitrary: fc.tuple(path, nastyValue).map(([at, value]) => otherProjectIds(rewrite(valid, at, () => value))) },
    { weight: 1, arbitrary: nastyValue },
  );
}

// ── The properties ──────────────────────────────────────────────────────────────────────────

const keys = Object.keys(handlers) as Array<keyof Defs>;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

afterAll(() => {
  // `__proto__` and `constructor` keys went through validation and storage: nothing reached the prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('every function with a payload schema is fuzzed (and so is every other function)', () => {
  for (const key of Object.keys(payloadSchemas)) expect(keys).toContain(key);
});

const runsFor = (key: keyof Defs): number => (key in payloadSchemas ? runsWithSchema : runsWithoutSchema);

test('a run has at least 10,000 cases', () => {
  if (process.env.FUZZ_RUNS === undefined) expect(keys.reduce((total, key) => total + runsFor(key), 0)).toBeGreaterThanOrEqual(10_000);
});

describe(`payload fuzz (seed ${seed})`, () => {
  test.each(keys)('%s: typed answers only; storage unchanged on refusal', async (key) => {
    const where = contextFor(key);
    await fc.assert(
      fc.asyncProperty(payloadArbitrary(key), async (payload) => {
        let answer: unknown;
        try {
          answer = await sandbox.call(key, { ...where, payload: payload as Record<string, unknown> });
        } catch (error) {
          throw new Error(`${key} threw (a 500 on Forge) for ${JSON.stringify(payload)?.slice(0, 500)}: ${String(error)}`);
        }
        const reply = answer as { ok: boolean; error?: { code?: unknown; message?: unknown } };
        if (reply.ok === true) {
          expect(reply).toHaveProperty('value');
          restoreSeed();
          return;
        }
        expect(reply.ok).toBe(false);
        expect(Object.keys(closedCodes)).toContain(reply.error?.code);
        expect(typeof reply.error?.message).toBe('string');
        if (storageMayChangeOnRefusal.has(key)) restoreSeed();
        else expect(storedData(sandbox, { caches: 'left out' })).toBe(baselineStored);
        restoreIssueProperties();
      }),
      { seed: seed + keys.indexOf(key), numRuns: runsFor(key), endOnFailure: true },
    );
  }, 120_000);
});
