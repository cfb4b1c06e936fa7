import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_KINDS } from "../db/testing.ts";
import { answersOf, crashRun, type Deployment, seededDeployment } from "./cluster.fixture.ts";

/**
 * The crash drill of issue 21 (`npm run drills -- src/ops/crash.drill.ts`): one server under a mixed write load
 * (registrations, returns for correction, imports, bank result files) killed with SIGKILL 20 times and started
 * again, on PGlite and on PostgreSQL. Prints its findings. CRASH_KILLS sets another count.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);

for (const kind of TEST_DATABASE_KINDS) {
  describe(`a server killed ${KILLS} times during writes [${kind}] (drill)`, () => {
    let deployment: Deployment;
    beforeAll(async () => {
      deployment = await seededDeployment(kind, 5_000);
    });
    afterAll(async () => {
      await deployment?.remove();
    });

    it("keeps every acknowledged write, whole, with an intact audit chain", async () => {
      const run = await crashRun(deployment, KILLS, 60, 20);
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
      expect(run.outcomes.filter((o) => typeof o.status === "number" && o.status >= 500).slice(0, 3)).toEqual(
        [],
      );
      expect(findings).toMatchObject({ lost: [], duplicated: [], halfApplied: [], auditOk: true });
    });
  });
}
