import { dependencyWarnings, dependsOnProblem, findCycle, liveDependsOn, maxDependsOn, reachableFrom, suggestDependencies } from '../../../src/domain/dependencies';

const node = (id: string, dependsOn: string[] = []) => ({ id, dependsOn });

describe('findCycle', () => {
  const items = [node('a'), node('b', ['c']), node('c', ['d']), node('d')];
  test.each<[string, string, string[], string[] | null]>([
    ['no blockers', 'a', [], null],
    ['a chain without a way back', 'a', ['b'], null],
    ['two items blocking each other', 'd', ['b'], ['d', 'b', 'c', 'd']],
    ['the item blocking itself', 'a', ['a'], ['a', 'a']],
    ['a long way round', 'd', ['a', 'b'], ['d', 'b', 'c', 'd']],
    ['blockers unknown to the product lead nowhere', 'a', ['zzz'], null],
    ['replacing the item\'s own list removes its old cycle', 'c', ['a'], null],
  ])('%s', (_name, itemId, dependsOn, expected) => {
    expect(findCycle(items, itemId, dependsOn)).toEqual(expected);
  });

  test('diamonds are not cycles', () => {
    const diamond = [node('top', ['l', 'r']), node('l', ['bottom']), node('r', ['bottom']), node('bottom')];
    expect(findCycle(diamond, 'top', ['l', 'r'])).toBeNull();
    expect(findCycle(diamond, 'bottom', ['top'])).toEqual(['bottom', 'top', 'l', 'bottom']);
  });
});

describe('dependsOnProblem', () => {
  const items = [node('a'), node('b', ['a']), node('c')];
  test.each<[string, string, string[], unknown]>([
    ['fine', 'c', ['a', 'b'], null],
    ['empty is fine', 'a', [], null],
    ['itself', 'a', ['a'], { code: 'self', itemId: 'a' }],
    ['unknown ids', 'c', ['a', 'x', 'y'], { code: 'unknown', itemId: 'c', unknownIds: ['x', 'y'] }],
    ['duplicates', 'c', ['a', 'a'], { code: 'duplicate', itemId: 'c', duplicateIds: ['a'] }],
    ['a cycle', 'a', ['b'], { code: 'cycle', itemId: 'a', path: ['a', 'b', 'a'] }],
    ['a new item (not stored yet) may depend on anything known', 'new', ['a', 'b'], null],
  ])('%s', (_name, itemId, dependsOn, expected) => {
    expect(dependsOnProblem(items, itemId, dependsOn)).toEqual(expected);
  });

  test(`at most ${maxDependsOn} blockers`, () => {
    const many = Array.from({ length: maxDependsOn + 1 }, (_, i) => node(`i${i}`));
    const ids = many.map((item) => item.id);
    expect(dependsOnProblem([...many, node('x')], 'x', ids.slice(0, maxDependsOn))).toBeNull();
    expect(dependsOnProblem([...many, node('x')], 'x', ids)).toEqual({ code: 'too-many', itemId: 'x', count: maxDependsOn + 1, max: maxDependsOn });
  });
});

describe('liveDependsOn', () => {
  test('drops deleted items, itself and repeats, keeping order', () => {
    expect(liveDependsOn(['c', 'gone', 'a', 'c', 'self'], new Set(['a', 'c', 'self']), 'self')).toEqual(['c', 'a']);
    expect(liveDependsOn(undefined, new Set(['a']))).toEqual([]);
  });
});

describe('dependencyWarnings', () => {
  const dated = (id: string, startDate: string | undefined, endDate: string | undefined, dependsOn: string[] = []) => ({
    id,
    dependsOn,
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
  });

  test.each<[string, ReturnType<typeof dated>[], unknown[]]>([
    ['blocker ends before the dependent starts', [dated('api', '2027-01-01', '2027-02-28'), dated('ui', '2027-03-01', '2027-04-30', ['api'])], []],
    ['blocker ends the day the dependent starts (handover)', [dated('api', '2027-01-01', '2027-03-01'), dated('ui', '2027-03-01', '2027-04-30', ['api'])], []],
    [
      'blocker ends after the dependent starts',
      [dated('api', '2027-01-01', '2027-03-12'), dated('ui', '2027-03-01', '2027-04-30', ['api'])],
      [{ itemId: 'ui', blockedById: 'api', dependentStart: '2027-03-01', blockerEnd: '2027-03-12' }],
    ],
    ['dependent without a start date', [dated('api', '2027-01-01', '2027-03-12'), dated('ui', undefined, '2027-04-30', ['api'])], []],
    ['blocker without an end date', [dated('api', '2027-01-01', undefined), dated('ui', '2027-03-01', '2027-04-30', ['api'])], []],
    ['blocker deleted', [dated('ui', '2027-03-01', '2027-04-30', ['gone'])], []],
    [
      'across a year, several blockers, each warned once',
      [dated('a', '2026-10-01', '2027-01-15'), dated('b', '2026-11-01', '2026-12-01'), dated('c', '2027-01-05', undefined, ['a', 'b', 'a'])],
      [{ itemId: 'c', blockedById: 'a', dependentStart: '2027-01-05', blockerEnd: '2027-01-15' }],
    ],
  ])('%s', (_name, items, expected) => {
    expect(dependencyWarnings(items)).toEqual(expected);
  });
});

describe('reachableFrom', () => {
  test('follows stored lists, once each, skipping missing items', () => {
    const items = [node('a', ['b', 'gone']), node('b', ['c', 'a']), node('c'), node('d')];
    expect(new Set(reachableFrom(items, ['a']))).toEqual(new Set(['a', 'b', 'c']));
    expect(reachableFrom(items, ['gone'])).toEqual([]);
    expect(reachableFrom(items, [])).toEqual([]);
  });
});

describe('suggestDependencies', () => {
  const epic = (id: string, roadmapItemIds: string[], links: { blocks?: string[]; blockedBy?: string[] } = {}) => ({ id, key: `THR-${id}`, roadmapItemIds, ...links });

  test.each<[string, ReturnType<typeof epic>[], ReturnType<typeof node>[], unknown[]]>([
    ['an epic of one item blocks an epic of another', [epic('1', ['api'], { blocks: ['2'] }), epic('2', ['ui'], { blockedBy: ['1'] })], [node('api'), node('ui')], [{ itemId: 'ui', blockedById: 'api', epicKeys: ['THR-1', 'THR-2'] }]],
    ['seen from the blocked side only (the blocker\'s card is older)', [epic('1', ['api']), epic('2', ['ui'], { blockedBy: ['1'] })], [node('api'), node('ui')], [{ itemId: 'ui', blockedById: 'api', epicKeys: ['THR-1', 'THR-2'] }]],
    ['already set', [epic('1', ['api'], { blocks: ['2'] }), epic('2', ['ui'])], [node('api'), node('ui', ['api'])], []],
    ['would close a loop', [epic('1', ['api'], { blocks: ['2'] }), epic('2', ['ui'])], [node('api', ['ui']), node('ui')], []],
    ['both epics deliver the same item', [epic('1', ['api'], { blocks: ['2'] }), epic('2', ['api'])], [node('api')], []],
    ['the other epic is not among those the viewer sees', [epic('2', ['ui'], { blockedBy: ['1'] })], [node('api'), node('ui')], []],
    ['an item that no longer exists', [epic('1', ['gone'], { blocks: ['2'] }), epic('2', ['ui'])], [node('ui')], []],
    [
      'epics serving several items: every pair, once',
      [epic('1', ['a', 'b'], { blocks: ['2', '3'] }), epic('2', ['c']), epic('3', ['c'])],
      [node('a'), node('b'), node('c')],
      [
        { itemId: 'c', blockedById: 'a', epicKeys: ['THR-1', 'THR-2'] },
        { itemId: 'c', blockedById: 'b', epicKeys: ['THR-1', 'THR-2'] },
      ],
    ],
  ])('%s', (_name, epics, items, expected) => {
    expect(suggestDependencies(epics, items)).toEqual(expected);
  });
});
