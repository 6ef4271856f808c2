const Sequencer = require('@jest/test-sequencer').default;
const { join, relative, sep } = require('node:path');

const isBrowser = (path) => /\.browser-spec\.ts$/.test(path);
const isWaiting = (path) => /[\\/]test[\\/](reliability|scale)[\\/]/.test(path);
const isGroup = (path) => /\.e2e-group\.ts$/.test(path);

/**
 * Seconds each long test file took in a full run on a clean clone (3 workers on 2 cores), from
 * `npx jest --json --outputFile=…` (endTime − startTime). Only the order they give matters: a stale figure
 * costs minutes at the end of a run, never a test. Files not listed follow the listed ones of their kind.
 */
const SECONDS = require('./durations.json');

function secondsOf(test) {
  return SECONDS[
    relative(join(__dirname, '..', '..'), test.path)
      .split(sep)
      .join('/')
  ];
}

/** Listed files longest first, then the others in Jest's own order. */
function longestFirst(tests) {
  const listed = tests.filter((test) => secondsOf(test) !== undefined);
  listed.sort((a, b) => secondsOf(b) - secondsOf(a));
  return [...listed, ...tests.filter((test) => secondsOf(test) === undefined)];
}

/**
 * Long suites first, so the workers finish together, and the two kinds of long suite side by side. Real-browser
 * suites and the e2e folder groups (up to a few minutes each) keep the CPU busy; the outage drills and the
 * scale-out run (one to three minutes each) mostly wait (for an outage to last, for a sweep or a retry), so
 * they run beside busy suites, whose work fills the waits, rather than beside each other. Then the rest (unit
 * tests, seconds each), which fill the gaps at the end. Jest orders by the durations of
 * earlier runs, which a clean clone (CI) does not have; then it falls back to file size, which says little
 * here (the longest browser suites are among the smallest files, a group file is three lines, and the fuzz
 * and every-page folders are long for their size): hence the table.
 */
class LongestFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const busy = longestFirst(ordered.filter((test) => isBrowser(test.path) || isGroup(test.path)));
    const waiting = longestFirst(ordered.filter((test) => isWaiting(test.path)));
    const rest = ordered.filter(
      (test) => !isBrowser(test.path) && !isWaiting(test.path) && !isGroup(test.path),
    );
    const interleaved = [];
    for (let i = 0; i < Math.max(busy.length, waiting.length); i++) {
      if (i < busy.length) interleaved.push(busy[i]);
      if (i < waiting.length) interleaved.push(waiting[i]);
    }
    return [...interleaved, ...rest];
  }
}

module.exports = LongestFirst;
