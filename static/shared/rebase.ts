/**
 * Reapplying my change onto someone else's: a three-way merge of flat records. The fields I
 * changed since I started (`base` → `mine`) keep my value; every other field takes theirs.
 * Values compare by their JSON, so nested values (a time frame, a KPI source) count as one field.
 */
export function rebase<T extends object>(base: T, mine: T, theirs: T): T {
  const merged = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof T>) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) merged[key] = mine[key];
  }
  return merged;
}
