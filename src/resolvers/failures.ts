/** The strategy calls' expected failures, worded once. */
import type { Failure } from '../contract';
import { fail } from './results';

/** Someone else saved first: the caller gets the record as it is now, to look at and reapply to. */
export function conflictWith<T>(current: T | undefined, what: string): Failure<T> {
  return {
    ok: false,
    error: {
      code: 'conflict',
      message: `Someone else changed this ${what} since you opened it. Their version is shown: check it and apply your change again.`,
      ...(current === undefined ? {} : { current }),
    },
  };
}

/** Missing, or another project's: the same answer, so ids of other projects reveal nothing. */
export const notFound = (what: string) => fail('not-found', `This ${what} does not exist in this product any more.`);
