import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEntityPropertyIndexes } from './index';

function manifestWith(modules: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-manifest-'));
  const path = join(dir, 'manifest.yml');
  writeFileSync(path, `app:\n  id: ari:cloud:ecosystem::app/x\nmodules:\n${modules}`);
  return path;
}

describe('loadEntityPropertyIndexes', () => {
  test('reads the issue property indexes a manifest declares', () => {
    const path = manifestWith(`  jira:entityProperty:
    - key: throughline-goal-index
      entityType: issue
      propertyKey: throughline
      values:
        - path: goalId
          type: string
          searchAlias: throughlineGoal
        - path: health
          type: number
`);

    expect(loadEntityPropertyIndexes(path)).toEqual([
      {
        propertyKey: 'throughline',
        values: [
          { path: 'goalId', type: 'string', searchAlias: 'throughlineGoal' },
          { path: 'health', type: 'number' },
        ],
      },
    ]);
  });

  test('leaves out other entity types, and finds none when the manifest has no such module', () => {
    const path = manifestWith(`  jira:entityProperty:
    - key: project-index
      entityType: project
      propertyKey: p
      values: [{ path: a, type: string }]
`);

    expect(loadEntityPropertyIndexes(path)).toEqual([]);
    expect(loadEntityPropertyIndexes(manifestWith('  function: []\n'))).toEqual([]);
  });

  test('reads the project’s own manifest', () => {
    expect(Array.isArray(loadEntityPropertyIndexes(join(process.cwd(), 'manifest.yml')))).toBe(true);
  });
});
