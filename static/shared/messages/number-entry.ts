/** A number field left empty or filled with something else: say what to do, next to the field. */
export const numberEntry = {
  empty: 'Enter a number.',
};
