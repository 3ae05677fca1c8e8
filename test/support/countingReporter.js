// Mocha's spec reporter, plus the suite's totals written to the file named by PODSMITH_TEST_COUNTS, so that
// test/run-all.mjs can sum every suite into the one closing line CI reads.
const Mocha = require('mocha');
const fs = require('fs');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.PODSMITH_TEST_COUNTS;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats || {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}
module.exports = CountingReporter;
