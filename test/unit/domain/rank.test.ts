import { initialRanks, isRank, rankBetween } from '../../../src/domain/rank';

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
