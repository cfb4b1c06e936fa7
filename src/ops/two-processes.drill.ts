import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersOf, type Deployment, seededDeployment, twoProcessRun } from "./cluster.fixture.ts";

/**
 * The drill of issue 21 (`npm run drills -- src/ops/two-processes.drill.ts`): two servers on one PostgreSQL
 * database behind one port, 1,000 mixed writes 100 at a time (registrations, returns for correction, imports,
 * bank result files). Prints the figures BENCHMARKS.md records. DRILL_WRITES sets another size.
 */
const WRITES = Number(process.env.DRILL_WRITES ?? 1000);
const CONCURRENCY = Number(process.env.DRILL_CONCURRENCY ?? 100);

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "two processes on one PostgreSQL behind one port (drill)",
  () => {
    let deployment: Deployment;
    beforeAll(async () => {
      deployment = await seededDeployment("postgres", 5_000);
    });
    afterAll(async () => {
      await deployment?.remove();
    });

    it(`keeps ${WRITES} concurrent mixed writes whole`, async () => {
      const run = await twoProcessRun(deployment, WRITES, CONCURRENCY);
      const { findings } = run;
      console.log(
        JSON.stringify(
          {
            writes: WRITES,
            concurrency: CONCURRENCY,
            seconds: Math.round(run.seconds * 10) / 10,
            answers: answersOf(run.outcomes),
            acknowledged: findings.acknowledged,
            lost: findings.lost.length,
            duplicated: findings.duplicated.length,
            halfApplied: findings.halfApplied.length,
            jobsNotOnce: findings.jobsNotOnce.length,
            auditOk: findings.auditOk,
            auditEntries: findings.auditEntries,
            load: execSync("uptime").toString().trim(),
          },
          null,
          1,
        ),
      );
      expect(run.outcomes.filter((o) => o.status === "no answer" || o.status >= 500).slice(0, 3)).toEqual([]);
      expect(findings).toMatchObject({
        lost: [],
        duplicated: [],
        halfApplied: [],
        jobsNotOnce: [],
        auditOk: true,
      });
    });
  },
);
