import { existsSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/** Where the browser suites look for Chromium (e2e/support/browser.ts); read here without loading playwright. */
const CHROMIUM = process.env.SALUR_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Ends every run with one plain line, `N passed, N failed, N skipped`, that CI and people read the same way.
 * Test files that failed to load count as failed: a suite that crashed must never read as green. Browser suites
 * skipped for want of Chromium are counted and named loudly, so a green run without them is never mistaken for
 * a full one.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    let browserSkipped = 0;
    for (const module of testModules) {
      const browserSuite = /[\\/]e2e[\\/]/.test(module.moduleId);
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failedHere++;
        else {
          skipped++;
          if (browserSuite) browserSkipped++;
        }
      }
      // A file that failed with no failing test (it did not load, or its beforeAll threw and its tests were
      // skipped) is one failure: a crashed suite must never read as green.
      failed += failedHere > 0 ? failedHere : module.state() === "failed" ? 1 : 0;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (browserSkipped > 0 && !existsSync(CHROMIUM)) {
      process.stdout.write(
        `\n!!! ${browserSkipped} BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. ` +
          "Install Debian's package `chromium` (apt-get install chromium) or set SALUR_CHROMIUM to a Chromium binary.\n",
      );
    }
  }
}
