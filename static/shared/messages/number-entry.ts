import english from './number-entry.en-US.json';
import { catalog } from './runtime';

const t = catalog('numberEntry', english);

/** A number field left empty or filled with something else: say what to do, next to the field. */
export const numberEntry = {
  get empty() {
    return t('empty');
  },
};
