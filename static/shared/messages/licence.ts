import english from './licence.en-US.json';
import { catalog } from './runtime';

const t = catalog('licence', english);

/** The read-only notice when the site's licence is inactive. Its own file: every bundle takes it. */
export const licence = {
  get title() {
    return t('title');
  },
  get body() {
    return t('body');
  },
};
