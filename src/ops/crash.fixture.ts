import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_KINDS } from "../db/testing.ts";
import { answersOf, crashRun, type Deployment, seededDeployment } from "./cluster.fixture.ts";

/**
 * One server under a mixed write load (registrations, returns for correction, imports, bank result files),
 * killed with SIGKILL `kills` times after a varying number of acknowledged writes and started again, on each
 * test database; then every acknowledged write must be there, once and whole, and the audit chain verify.
 * The drill (crash.drill.ts) runs it long; the default suite (crash.test.ts) runs it short.
 */
export function describeCrashDrill(options: {
  label: string;
  kills: number;
  persons: number;
  writesPerRound: number;
  concurrency: number;
  timeoutMs: number;
}): void {
  for (const kind of TEST_DATABASE_KINDS) {
    describe(`a server killed ${options.kills} times during writes [${kind}] (${options.label})`, () => {
      let deployment: Deployment;
      beforeAll(async () => {
        deployment = await seededDeployment(kind, options.persons);
      }, options.timeoutMs);
      afterAll(async () => {
        await deployment?.remove();
      });

      it(
        "keeps every acknowledged write, whole, with an intact audit chain",
        async () => {
          const run = await crashRun(deployment, options.kills, options.writesPerRound, options.concurrency);
          const { findings } = run;
          console.log(
            JSON.stringify({
              kind,
              kills: run.kills,
              answers: answersOf(run.outcomes),
              acknowledged: findings.acknowledged,
              lost: findings.lost.length,
              duplicated: findings.duplicated.length,
              halfApplied: findings.halfApplied.length,
              auditOk: findings.auditOk,
              auditEntries: findings.auditEntries,
              load: execSync("uptime").toString().trim(),
            }),
          );
          expect(
            run.outcomes.filter((o) => typeof o.status === "number" && o.status >= 500).slice(0, 3),
          ).toEqual([]);
          expect(run.kills).toBe(options.kills);
          expect(Object.values(findings.acknowledged).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
          expect(findings).toMatchObject({ lost: [], duplicated: [], halfApplied: [], auditOk: true });
        },
        options.timeoutMs,
      );
    });
  }
}
