import { allClashesSettled, mergeFields, resolveClashes } from '../../../src/domain/field-merge';

type Goal = { title: string; description: string; status: string; owner?: string };
const base: Goal = { title: 'Faster checkout', description: 'Cut time to pay.', status: 'on-track' };

describe('three-way merge, field by field', () => {
  test.each<[string, Partial<Goal>, Partial<Goal>, Partial<Record<keyof Goal, string>>, Array<keyof Goal>, Goal]>([
    ['only I changed: mine stands', { title: 'Fast checkout' }, {}, { title: 'mine' }, [], { ...base, title: 'Fast checkout' }],
    ['only they changed: theirs stands', {}, { description: 'Their words.' }, { description: 'theirs' }, [], { ...base, description: 'Their words.' }],
    ['different fields: both stand, nothing asked', { title: 'Fast checkout' }, { description: 'Their words.' }, { title: 'mine', description: 'theirs' }, [], { ...base, title: 'Fast checkout', description: 'Their words.' }],
    ['the same field to the same value: agreed', { status: 'at-risk' }, { status: 'at-risk' }, { status: 'agreed' }, [], { ...base, status: 'at-risk' }],
    ['the same field differently: a clash, theirs held until chosen', { status: 'at-risk' }, { status: 'done' }, { status: 'clash' }, ['status'], { ...base, status: 'done' }],
    ['they cleared an optional field I left alone', {}, { owner: undefined }, {}, [], base],
    ['I set an optional field they left alone', { owner: 'maya' }, {}, { owner: 'mine' }, [], { ...base, owner: 'maya' }],
    ['nobody changed anything', {}, {}, { title: 'unchanged', description: 'unchanged', status: 'unchanged' }, [], base],
  ])('%s', (_name, myEdit, theirEdit, outcomes, clashes, merged) => {
    const merge = mergeFields<Goal>(base, { ...base, ...myEdit }, { ...base, ...theirEdit });
    expect(merge.fields).toMatchObject(outcomes);
    expect(merge.clashes).toEqual(clashes);
    expect(merge.merged).toEqual(JSON.parse(JSON.stringify(merged)));
  });

  test('nested values compare by content (a time frame)', () => {
    const withFrame = { ...base, timeFrame: { kind: 'quarter', year: 2027, quarter: 1 } };
    const merge = mergeFields(withFrame, { ...withFrame, timeFrame: { kind: 'quarter', year: 2027, quarter: 1 } }, { ...withFrame, title: 'Theirs' });
    expect(merge.fields.timeFrame).toBe('unchanged');
    expect(merge.merged.title).toBe('Theirs');
  });

  test('each clash is settled by the person; theirs unless they pick mine', () => {
    const mine = { ...base, title: 'Mine', status: 'at-risk' };
    const merge = mergeFields<Goal>(base, mine, { ...base, title: 'Theirs', status: 'done', description: 'Their words.' });
    expect(merge.clashes).toEqual(['title', 'status']);
    expect(merge.theirChanges).toEqual(['title', 'description', 'status']);
    expect(allClashesSettled(merge, { title: 'mine' })).toBe(false);
    expect(allClashesSettled(merge, { title: 'mine', status: 'theirs' })).toBe(true);
    expect(resolveClashes(merge, mine, { title: 'mine', status: 'theirs' })).toEqual({ title: 'Mine', description: 'Their words.', status: 'done' });
  });
});
