import { defineConfig } from "vitest/config";

/**
 * Long drills (thousands of fault sequences, load runs, large simulations): `npm run drills`. Each drill file
 * `*.drill.ts` sits beside the code it exercises and has a short version of itself in the default suite.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.drill.ts", "bench/**/*.drill.ts", "e2e/**/*.drill.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
