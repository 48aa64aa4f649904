/** Reapplying my draft onto someone else's newer version: my changed fields win, theirs fill the rest. */
import { rebase } from '../../static/shared/rebase';

describe('rebase', () => {
  const base = { title: 'Alpha', status: 'on-track', timeFrame: { kind: 'none' } as { kind: string; year?: number } };

  test('keeps what I changed and takes what they changed', () => {
    const mine = { ...base, title: 'Alpha, sharper' };
    const theirs = { ...base, status: 'off-track' };
    expect(rebase(base, mine, theirs)).toEqual({ title: 'Alpha, sharper', status: 'off-track', timeFrame: { kind: 'none' } });
  });

  test('my change wins where we both changed the same field', () => {
    expect(rebase(base, { ...base, title: 'Mine' }, { ...base, title: 'Theirs' }).title).toBe('Mine');
  });

  test('compares nested values as a whole', () => {
    const mine = { ...base, timeFrame: { kind: 'quarter', year: 2027 } };
    const theirs = { ...base, timeFrame: { kind: 'none' } };
    expect(rebase(base, mine, theirs).timeFrame).toEqual({ kind: 'quarter', year: 2027 });
    expect(rebase(base, { ...base, timeFrame: { kind: 'none' } }, { ...base, timeFrame: { kind: 'quarter', year: 2030 } }).timeFrame).toEqual({
      kind: 'quarter',
      year: 2030,
    });
  });
});
