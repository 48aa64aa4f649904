/** The admin page for someone not logged in: they may well be an administrator (issue 12, part 6). */
import english from './admin-sign-in.en-US.json';
import { catalog } from './runtime';

const t = catalog('adminSignIn', english);

export const adminSignIn = {
  get title() {
    return t('title');
  },
};
