const Sequencer = require('@jest/test-sequencer').default;

/** Real-browser suites take 1–3 minutes each; the outage drills and the scale-out run about a minute. */
const weight = (path) =>
  /\.browser-spec\.ts$/.test(path) ? 2 : /[\\/]test[\\/](reliability|scale)[\\/]/.test(path) ? 1 : 0;

/**
 * Longest suites first, so the two workers finish together. Jest orders by the durations of earlier runs,
 * which a clean clone (CI) does not have; then it falls back to file size, which put the two longest
 * browser suites (the smallest files) last. Within each weight, Jest's own order is kept.
 */
class LongestFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    return [...ordered].sort((a, b) => weight(b.path) - weight(a.path));
  }
}

module.exports = LongestFirst;
