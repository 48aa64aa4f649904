/** A KPI's way from baseline to target, also when it moved the wrong way (issue 12, part 6). */
export const kpiProgress = {
  towards: (percent: string) => `${percent} of the way from baseline to target`,
  // "-50% of the way" read as nonsense: say which way it went.
  away: (percent: string) => `Moved away from target, by ${percent} of the baseline-to-target distance`,
};
