import english from './platform-errors.en-US.json';
import { catalog } from './runtime';

const t = catalog('platformErrors', english);

/** What the user reads when the platform, not Throughline, failed a call (issue 12, part 6). */
export const platformErrors = {
  get invokeFailed() {
    return t('invokeFailed');
  },
};
