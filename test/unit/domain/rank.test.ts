import fc from 'fast-check';
import { initialRanks, isRank, rankBetween, rankSalt, uniqueRankBetween } from '../../../src/domain/rank';

describe('rankBetween', () => {
  test.each([
    ['an empty list', undefined, undefined],
    ['after the last', 'i', undefined],
    ['before the first', undefined, 'i'],
    ['between far apart ranks', 'a', 'z'],
    ['between adjacent digits', 'a', 'b'],
    ['between a rank and its extension', 'a', 'a5'],
    ['between ranks differing deep down', 'a0001', 'a0002'],
    ['below the smallest one-digit rank', undefined, '1'],
    ['below a rank with leading zeros', undefined, '001'],
    ['above the top digit', 'z', undefined],
    ['above a long run of top digits', 'zzzz', undefined],
    ['between a short and a longer rank', 'a', 'a01'],
  ])('%s', (_, before, after) => {
    const rank = rankBetween(before, after);
    expect(isRank(rank)).toBe(true);
    if (before !== undefined) expect(rank > before).toBe(true);
    if (after !== undefined) expect(rank < after).toBe(true);
  });

  test.each([
    ['equal ranks', 'a', 'a'],
    ['ranks out of order', 'b', 'a'],
    ['a rank ending in 0', 'a0', undefined],
    ['characters outside 0-9a-z', 'A', undefined],
    ['an empty rank', '', undefined],
  ])('refuses %s', (_, before, after) => {
    expect(() => rankBetween(before, after)).toThrow(RangeError);
  });

  test.each([
    ['right after the same item', (ranks: string[], i: number) => [ranks[0], ranks[1]] as const, (ranks: string[], rank: string) => ranks.splice(1, 0, rank)],
    ['right before the same item', (ranks: string[]) => [ranks[ranks.length - 2], ranks[ranks.length - 1]] as const, (ranks: string[], rank: string) => ranks.splice(ranks.length - 1, 0, rank)],
    ['always at the top', (ranks: string[]) => [undefined, ranks[0]] as const, (ranks: string[], rank: string) => ranks.unshift(rank)],
    ['always at the end', (ranks: string[]) => [ranks[ranks.length - 1], undefined] as const, (ranks: string[], rank: string) => ranks.push(rank)],
  ])('a thousand inserts %s stay strictly ordered and short enough', (_, neighbours, insert) => {
    const ranks = initialRanks(2);
    for (let i = 0; i < 1000; i += 1) {
      const [before, after] = neighbours(ranks, i);
      insert(ranks, rankBetween(before, after));
    }
    expect(ranks).toHaveLength(1002);
    expect(ranks).toEqual([...ranks].sort());
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(ranks.every(isRank)).toBe(true);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(220);
  });

  test('random inserts anywhere keep the order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ranks: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const at = Math.floor(random() * (ranks.length + 1));
      ranks.splice(at, 0, rankBetween(ranks[at - 1], ranks[at]));
    }
    expect(ranks).toEqual([...ranks].sort());
    expect(new Set(ranks).size).toBe(2000);
  });
});

describe('initialRanks', () => {
  test.each([0, 1, 2, 3, 35, 36, 50, 1295, 1296, 5000])('%i evenly spread, ascending, valid ranks', (count) => {
    const ranks = initialRanks(count);
    expect(ranks).toHaveLength(count);
    expect(ranks).toEqual([...ranks].sort());
    expect(new Set(ranks).size).toBe(count);
    expect(ranks.every(isRank)).toBe(true);
  });

  test('leave room before, between and after', () => {
    const [first, second] = initialRanks(2) as [string, string];
    expect(first.length).toBe(1);
    expect(() => [rankBetween(undefined, first), rankBetween(first, second), rankBetween(second)]).not.toThrow();
  });
});

const rankArb = fc.stringMatching(/^[0-9a-z]{0,7}[1-9a-z]$/);
/** Two ranks in order, either end possibly open. */
const gapArb = fc
  .tuple(fc.option(rankArb, { nil: undefined }), fc.option(rankArb, { nil: undefined }))
  .filter(([before, after]) => before === undefined || after === undefined || before < after);

describe('uniqueRankBetween', () => {
  test('lands strictly inside the gap and is a rank, whatever the gap and the salt', () => {
    fc.assert(
      fc.property(gapArb, fc.string(), ([before, after], id) => {
        const rank = uniqueRankBetween(before, after, rankSalt(id));
        expect(isRank(rank)).toBe(true);
        if (before !== undefined) expect(rank > before).toBe(true);
        if (after !== undefined) expect(rank < after).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  test('two records placed in the same gap at once get different ranks', () => {
    fc.assert(
      fc.property(gapArb, fc.uuid(), fc.uuid(), ([before, after], a, b) => {
        fc.pre(a !== b);
        expect(uniqueRankBetween(before, after, rankSalt(a))).not.toBe(uniqueRankBetween(before, after, rankSalt(b)));
      }),
      { numRuns: 2_000 },
    );
  });

  test('a gap whose upper rank extends the midpoint still holds the salted rank', () => {
    // rankBetween('g', 'h5') is 'h', and 'h' + salt would sort above 'h5'.
    expect(rankBetween('g', 'h5')).toBe('h');
    const rank = uniqueRankBetween('g', 'h5', 'zzzzzz');
    expect(rank > 'g' && rank < 'h5').toBe(true);
    expect(uniqueRankBetween('g', 'h05', 'zzzzzz') < 'h05').toBe(true);
  });

  test('a thousand concurrent-style inserts into one gap by different records stay distinct and ordered', () => {
    const ranks = initialRanks(2);
    for (let i = 0; i < 1000; i += 1) ranks.splice(1, 0, uniqueRankBetween(ranks[0], ranks[1], rankSalt(`item-${i}`)));
    expect(ranks).toEqual([...ranks].sort());
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(250);
  });
});

describe('rankSalt', () => {
  test('six rank digits, never ending in 0, the same for the same id', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const salt = rankSalt(id);
        expect(salt).toMatch(/^[0-9a-z]{5}[1-9a-z]$/);
        expect(rankSalt(id)).toBe(salt);
      }),
    );
  });
});

