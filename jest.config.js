// Jest runs in native ESM mode (NODE_OPTIONS=--experimental-vm-modules, set by the npm scripts):
// jira.js v6 is ESM-only and its schema modules import each other in cycles, which only load as ESM.
const tsTransform = {
  '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: tsTransform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

export default {
  // Each test file's ESM module graph stays in the process that ran it (jest's vm modules are not
  // collected), so one process running every file in band grew to 4 GB and spent the run in GC.
  // The node project runs on two workers (npm run test:jest), each replaced once it holds more
  // than this after a file.
  workerIdleMemoryLimit: '1200MB',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{unit,integration,sandbox,guard}/**/*.test.ts'],
      // Browser tests (Chromium) run in the e2e project.
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$'],
    },
    {
      // CommonJS here: Atlassian Design System packages ship CommonJS with `__esModule` defaults,
      // which Node's ESM interop does not unwrap; Vite does, and so does a CommonJS transform.
      displayName: 'jsdom',
      transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: false, tsconfig: 'tsconfig.json', diagnostics: false }] },
      moduleFileExtensions: common.moduleFileExtensions,
      testEnvironment: '<rootDir>/test/ui/environment.cjs',
      moduleNameMapper: { '\\.css$': '<rootDir>/test/ui/style-file.cjs' },
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/**/*.browser.test.ts'],
    },
  ],
};
