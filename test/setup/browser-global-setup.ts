import { describeStartupFailure, ensureProgram, StartupError } from '@app/local-services';
import { existsSync } from 'node:fs';

/** Debian's chromium-headless-shell: the binary itself (/usr/bin has a shell wrapper around it). */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** A full Chromium already on the machine: the browser suites can drive it too, only more slowly. */
const FULL_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Runs once before the browser suites (only when the run includes them): finds the browser — `CHROMIUM_PATH`,
 * else Debian's `chromium-headless-shell`, installed with apt-get as root when missing, else a full `chromium`
 * already installed — and hands its path to every test worker. Without one, the run stops here with one
 * sentence instead of failing every suite.
 *
 * The headless shell is what Playwright itself runs headless: the same Blink and V8 without the desktop
 * browser around them. Measured on the SME enrolment suite (two cores): its pages' checks took 23.5 s against
 * 41.4 s with the full browser, and a Tab press 4 ms against 11 ms.
 */
export default function browserGlobalSetup(): void {
  const given = process.env.CHROMIUM_PATH;
  if (given && existsSync(given)) return;
  try {
    if (given) throw new Error(`CHROMIUM_PATH is set to ${given}, where there is no program.`);
    process.env.CHROMIUM_PATH = findOrInstallBrowser();
  } catch (error) {
    console.error(`\n${describeStartupFailure(error)}\n`);
    // One sentence, not a stack trace: nothing has started yet that needs stopping.
    process.exit(1);
  }
}

function findOrInstallBrowser(): string {
  if (existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
  try {
    const found = ensureProgram({
      programs: ['chromium-headless-shell'],
      aptPackage: 'chromium-headless-shell',
      what: 'Chromium (for the browser tests)',
      otherwise: 'or set CHROMIUM_PATH to a Chromium or Chrome you have',
    });
    return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : found;
  } catch (error) {
    // Not root, or apt-get failed: a full Chromium the machine already has will do.
    const full = FULL_CHROMIUM.find((path) => existsSync(path));
    if (full && error instanceof StartupError) return full;
    throw error;
  }
}
