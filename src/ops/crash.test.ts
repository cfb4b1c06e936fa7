import { describeCrashDrill } from "./crash.fixture.ts";

/** The crash drill's short version for the default suite: two kills of a small demo under 20 writes a round. */
describeCrashDrill({
  label: "short",
  kills: 2,
  persons: 500,
  writesPerRound: 20,
  concurrency: 10,
  timeoutMs: 300_000,
});
