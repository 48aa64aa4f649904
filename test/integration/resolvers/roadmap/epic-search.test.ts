/**
 * The epic picker's search as a user types it, against a simulator whose `~` is Jira's Lucene
 * query (stop words, stems, prefixes, 400 for stray special characters) and whose `key =` answers
 * 400 for a key that does not exist.
 */
import fc from 'fast-check';
import type { EpicChoice, Result } from '../../../../src/contract';
import { epicSearchJql, planEpicSearch } from '../../../../src/adapters/jira/epic-search';
import { parseJql } from '../../../sandbox/jira/jql';
import type { JqlNode } from '../../../sandbox/jira/jql';
import { parseTextQuery } from '../../../sandbox/jira/jql/text-match';
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { epicsOf } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.jira.resetStats();
});

async function search(query: string): Promise<Result<EpicChoice[]>> {
  return sandbox.call('searchEpics', { as: 'developer', payload: { query } });
}

async function keysFor(query: string): Promise<string[]> {
  return valueOf(await search(query)).map((epic) => epic.key);
}

describe('the epic picker finds epics as the user types', () => {
  test('a started word finds the epics with a word that starts so: "check" finds "Checkout performance"', async () => {
    expect(await keysFor('check')).toEqual(['THR-1', 'THR-117']);
    expect(await keysFor('Checkout perf')).toEqual(['THR-117']);
  });

  test('a whole word finds its epic although Jira indexes its stem ("performance", "checkouts")', async () => {
    expect(await keysFor('performance')).toEqual(['THR-117']);
    expect(await keysFor('checkouts')).toEqual(['THR-1', 'THR-117']);
  });

  test('stop words are ignored: "the checkout" finds what "checkout" finds', async () => {
    expect(await keysFor('the checkout')).toEqual(await keysFor('checkout'));
    expect(await keysFor('the checkout')).toContain('THR-117');
  });

  test('only stop words lists the project’s epics, most recently updated first, instead of nothing', async () => {
    const keys = await keysFor('the');
    const projectEpics = new Set(epicsOf(sandbox, 'THR').map((epic) => epic.key));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => projectEpics.has(key))).toBe(true);
  });

  test.each(['THR-193', 'thr-193', '193', '#193', ' THR-0193 '])('the key or number %p finds THR-193 first', async (query) => {
    expect((await keysFor(query))[0]).toBe('THR-193');
  });

  test('a key lookup costs one GET next to the search, not a failing `key =` clause', async () => {
    await keysFor('THR-193');
    expect(sandbox.jira.stats.byRoute).toMatchObject({ 'GET /rest/api/3/issue/{issueIdOrKey}': 1, 'POST /rest/api/3/search/jql': 1 });
  });

  test('an unknown key gives an empty list, not an error', async () => {
    expect(await search('THR-99999')).toEqual({ ok: true, value: [] });
    expect(await search('99999')).toEqual({ ok: true, value: [] });
  });

  test('a key of an issue that is not an epic, or of another project’s epic, is not offered', async () => {
    expect(await keysFor('THR-19')).not.toContain('THR-19');
    const [mobileEpic] = epicsOf(sandbox, 'MOB');
    expect(await keysFor(mobileEpic!.key)).toEqual([]);
  });

  test.each(['C++ (beta)', 'C++ (beta', 'beta)', '[draft]', '{x}', '*port', '?', '-', '!', '"', '\\', 'a && || b', 'x^', '~', 'AND', 'OR NOT', 'title: x', '/regex/'])(
    'Lucene syntax in what the user types, %p, never reaches Jira',
    async (query) => {
      expect((await search(query)).ok).toBe(true);
    },
  );

  test('text that would be JQL stays text', async () => {
    expect(await search('x" OR project = MOB OR summary ~ "y')).toEqual({ ok: true, value: [] });
  });
});

/** The parsed JQL with every text value replaced, so two queries compare by structure alone. */
function shape(node: JqlNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'clause':
      return { field: node.field, operator: node.operator, operand: node.operator === '~' ? 'text' : node.operand };
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map(shape) };
    case 'not':
      return { kind: 'not', child: shape(node.child) };
  }
}

function summaryText(node: JqlNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'clause') return node.operator === '~' && node.operand.kind === 'string' ? node.operand.value : undefined;
  if (node.kind === 'not') return summaryText(node.child);
  return node.children.map(summaryText).find((text) => text !== undefined);
}

describe('whatever the user types (property)', () => {
  const thrEpics = new Set(epicsOf(sandbox, 'THR').map((epic) => epic.id));
  const lucene = fc.constantFrom('+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', '\\', ':', '"', "'", '/', ' ', 'AND', 'OR', 'NOT', 'the', 'check', 'THR-', '19', 'é', '😀');
  const typed = fc.oneof(
    fc.string({ minLength: 1, maxLength: 100 }),
    fc.string({ minLength: 1, maxLength: 100, unit: 'binary' }),
    fc.array(lucene, { minLength: 1, maxLength: 20 }).map((parts) => parts.join('')),
  ).filter((text) => text.trim().length > 0 && text.trim().length <= 100);

  test('the search never answers an error and never offers an epic outside the project', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (query) => {
        const result = await search(query);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.every((epic) => thrEpics.has(epic.id))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('the text cannot change the JQL’s structure, nor the Lucene query’s: only words, each as itself or a prefix', () => {
    const withWords = parseJql(epicSearchJql({ projectId: '10000', epicTypeIds: ['10001'], words: ['x'] }));
    const withoutWords = parseJql(epicSearchJql({ projectId: '10000', epicTypeIds: ['10001'], words: [] }));
    fc.assert(
      fc.property(typed, (query) => {
        const { words } = planEpicSearch(query, 'THR');
        const jql = parseJql(epicSearchJql({ projectId: '10000', epicTypeIds: ['10001'], words }));
        const reference = words.length > 0 ? withWords : withoutWords;
        expect(shape(jql.where)).toEqual(shape(reference.where));
        expect(jql.orderBy.map((o) => [o.field, o.direction])).toEqual(reference.orderBy.map((o) => [o.field, o.direction]));
        const text = summaryText(jql.where);
        if (words.length === 0) return;
        expect(words.every((word) => /^[\p{L}\p{M}\p{N}]+$/u.test(word))).toBe(true);
        expect(text).toBe(words.map((word) => `(${word} OR ${word}*)`).join(' AND '));
        expect(parseTextQuery(text!).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
