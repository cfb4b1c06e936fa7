import { describeCrashDrill } from "./crash.fixture.ts";

/**
 * The crash drill of issue 21 (`npm run drills -- src/ops/crash.drill.ts`): a 5,000-person demo, killed 20 times
 * (CRASH_KILLS sets another count) under 60 writes a round, 20 at a time. Prints its findings.
 */
describeCrashDrill({
  label: "drill",
  kills: Number(process.env.CRASH_KILLS ?? 20),
  persons: 5_000,
  writesPerRound: 60,
  concurrency: 20,
  timeoutMs: 3_600_000,
});
