import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The test files a folder's group runs: its own `*.e2e-spec.ts`, in name order (subfolders hold helpers). */
export function specFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.e2e-spec.ts'))
    .sort();
}

/**
 * Runs every e2e test file of a folder inside this one Jest test file (`<folder>.e2e-group.ts`), each in a
 * describe block of its own name, so the folder's files share one module registry: Jest otherwise loads and
 * compiles Nest, TypeORM and every library again for each file, which was a third of a typical e2e file's CPU
 * (a full `npm test` runs the groups; naming test files runs those files alone, see jest.config.js).
 *
 * Each file keeps what it had on its own: its hooks and tests stay inside its block (the file is required
 * while the block is being defined), it starts its own api on its own database and Redis prefix, and the
 * environment variables its set-up changes are put back before the next file starts.
 */
export function runSpecFolder(folder: string): void {
  for (const name of specFilesIn(folder)) {
    describe(name, () => {
      let environment: NodeJS.ProcessEnv = {};
      beforeAll(() => {
        environment = { ...process.env };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the block, on purpose
      require(join(folder, name));
      afterAll(() => {
        for (const key of Object.keys(process.env)) if (!(key in environment)) delete process.env[key];
        Object.assign(process.env, environment);
      });
    });
  }
}
