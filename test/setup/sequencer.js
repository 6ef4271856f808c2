const Sequencer = require('@jest/test-sequencer').default;
const { readdirSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');

const isBrowser = (path) => /\.browser-spec\.ts$/.test(path);
const isWaiting = (path) => /[\\/]test[\\/](reliability|scale)[\\/]/.test(path);
const isGroup = (path) => /\.e2e-group\.ts$/.test(path);

/** A group file is three lines: its weight is that of the test files it runs (see test/support/spec-group.ts). */
function groupBytes(path) {
  const folder = dirname(path);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.e2e-spec.ts'))
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/**
 * Long suites first, so the workers finish together, and the two kinds of long suite side by side. Real-browser
 * suites (up to 2 minutes each) keep the CPU busy; the outage drills and the scale-out run (about a minute
 * each) mostly wait (for an outage to last, for a sweep or a retry), so they run beside browser suites,
 * whose work fills the waits, rather than beside each other. Jest orders by the durations of earlier runs,
 * which a clean clone (CI) does not have; then it falls back to file size, which put the two longest browser
 * suites (the smallest files) last. Then the e2e folder groups, largest first (a group file is tiny: the
 * size that counts is its folder's). Within each other kind, Jest's own order is kept.
 */
class LongestFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const browser = ordered.filter((test) => isBrowser(test.path));
    const waiting = ordered.filter((test) => isWaiting(test.path));
    const groups = ordered
      .filter((test) => isGroup(test.path))
      .map((test) => ({ test, bytes: groupBytes(test.path) }))
      .sort((a, b) => b.bytes - a.bytes)
      .map(({ test }) => test);
    const rest = ordered.filter(
      (test) => !isBrowser(test.path) && !isWaiting(test.path) && !isGroup(test.path),
    );
    const interleaved = [];
    for (let i = 0; i < Math.max(browser.length, waiting.length); i++) {
      if (i < browser.length) interleaved.push(browser[i]);
      if (i < waiting.length) interleaved.push(waiting[i]);
    }
    return [...interleaved, ...groups, ...rest];
  }
}

module.exports = LongestFirst;
