/** The admin page for someone not logged in: they may well be an administrator (issue 12, part 6). */
export const adminSignIn = {
  title: 'Log in to open these settings',
};
