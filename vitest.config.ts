import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/src/**/*.test.ts", "bench/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    // A worker whose event loop is blocked cannot time out; the watchdog ends such a run with what it knows.
    reporters: ["default", "./test/summary-reporter.ts", "./test/watchdog-reporter.ts"],
  },
});
