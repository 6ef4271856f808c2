/** Unit tests sit beside the code (*.spec.ts); e2e suites live in test/ (*.e2e-spec.ts), real-browser suites in
 * test/browser (*.browser-spec.ts, Debian's Chromium through playwright-core). All run against
 * the real Postgres and Redis that test/setup/global-setup.ts finds or starts. */
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { buildArgv } = require('jest-cli');

const transform = { '^.+\\.ts$': ['@swc/jest'] };
const moduleNameMapper = { '^@app/(.*)$': '<rootDir>/libs/$1/src' };
const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleNameMapper };

/**
 * Every folder of test/e2e that has test files has one group file, `<folder>.e2e-group.ts`, which runs them
 * all in one module registry (test/support/spec-group.ts). A folder without one would be left out of full
 * runs: stop before any test runs instead.
 */
function checkE2eGroups() {
  const root = join(__dirname, 'test/e2e');
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const names = readdirSync(join(root, folder.name));
    const group = `${folder.name}.e2e-group.ts`;
    if (names.some((name) => name.endsWith('.e2e-spec.ts')) && !names.includes(group))
      throw new Error(`test/e2e/${folder.name} has test files but no ${group} to run them in a full run`);
  }
}

/**
 * A full run (no test files named) runs test/e2e folder by folder through the group files; naming files or
 * folders (`npx jest test/e2e/network/peers`) runs the matching test files themselves, each on its own.
 */
async function e2eTestMatch() {
  const argv = await buildArgv(process.argv.slice(2));
  const named = argv._.length > 0 || Boolean(argv.testPathPatterns?.length);
  if (named) {
    // A group file named on its own runs as in a full run (how the full run's order and timing are checked).
    const groupNamed = [...argv._, ...(argv.testPathPatterns ?? [])].some((arg) =>
      /e2e-group/.test(String(arg)),
    );
    return [
      '<rootDir>/test/**/*.e2e-spec.ts',
      ...(groupNamed ? ['<rootDir>/test/e2e/**/*.e2e-group.ts'] : []),
    ];
  }
  checkE2eGroups();
  return ['<rootDir>/test/e2e/**/*.e2e-group.ts', '<rootDir>/test/!(e2e)/**/*.e2e-spec.ts'];
}

module.exports = async () => ({
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  // Three workers on two cores: the outage drills and the scale-out run spend most of their minute waiting
  // (an outage lasting, a sweep, a retry), and a third worker's suite uses those idle cores.
  maxWorkers: 3,
  // After the last file a worker exits once its event loop is empty; Jest kills it (and prints "failed to
  // exit gracefully") after this long. 500 ms (the default) was too short for a worker of a loaded machine
  // freeing a large heap. Every file leaves no handle behind (checked with an environment that lists
  // process.getActiveResourcesInfo() after each file); a handle left open would still show here, 5 s later.
  workerGracefulExitTimeout: 5000,
  // A worker keeps what each file leaves in memory (modules, native ICU and pg buffers): after ~95 files, one
  // crashed out of memory in a full run. A worker above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
  // A test app's start-up (Nest, migrations template, Redis) has taken over 60 s at load average 16–24 on two
  // cores (several full runs beside each other); a quiet machine needs 2–3 s. Nothing asserts on this.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/bench/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'e2e', testMatch: await e2eTestMatch() },
    // Two api and two worker processes on one Postgres and one Redis (npm run test:scale; about a minute).
    { ...common, displayName: 'scale', testMatch: ['<rootDir>/test/scale/**/*.scale-spec.ts'] },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Finds or installs Chromium, only when browser suites are part of the run.
      globalSetup: '<rootDir>/test/setup/browser-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/setup.ts'],
    },
  ],
});
