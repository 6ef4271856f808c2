import { describeStartupFailure, ensureProgram } from '@app/local-services';
import { existsSync } from 'node:fs';

/**
 * Runs once before the browser suites (only when the run includes them): finds Chromium — `CHROMIUM_PATH`,
 * `/usr/bin/chromium`, `chromium` or `chromium-browser` on PATH — or installs Debian's as root, and hands its
 * path to every test worker. Without one, the run stops here with one sentence instead of failing every suite.
 */
export default function browserGlobalSetup(): void {
  const given = process.env.CHROMIUM_PATH;
  if (given && existsSync(given)) return;
  try {
    if (given) throw new Error(`CHROMIUM_PATH is set to ${given}, where there is no program.`);
    process.env.CHROMIUM_PATH = existsSync('/usr/bin/chromium')
      ? '/usr/bin/chromium'
      : ensureProgram({
          programs: ['chromium', 'chromium-browser'],
          aptPackage: 'chromium',
          what: 'Chromium (for the browser tests)',
          otherwise: 'or set CHROMIUM_PATH to a Chromium or Chrome you have',
        });
  } catch (error) {
    console.error(`\n${describeStartupFailure(error)}\n`);
    // One sentence, not a stack trace: nothing has started yet that needs stopping.
    process.exit(1);
  }
}
