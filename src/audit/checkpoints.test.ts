import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser, signIn } from "../access/testing.ts";
import { runAuditVerify } from "../cli/audit-command.ts";
import { type Executor, queryRows } from "../db/index.ts";
import { openTestDatabase, TEST_DATABASE_KINDS, TEST_TODAY, testConfig } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { type AuditActor, entryDocument } from "./entry.ts";
import * as audit from "./index.ts";
import { contentOf } from "./log.ts";
import { appendToFrontier, leafHash } from "./merkle.ts";
import { auditEntries } from "./schema.ts";

/**
 * M8 (issue 12): with no checkpoint ever made by itself, someone with database access cut off the tail of the
 * trail and `salur audit verify` said "intact". Now the runtime signs checkpoints on a timer, decree and payment
 * events sign one in their own transaction, and the checkpoints leave the machine as an export.
 */
const actor: AuditActor = { id: null, name: "checkpoint suite", role: "system", area: "64.01" };
const draft = (i: number) => ({
  actor,
  action: "person.update",
  entity: "person",
  entityId: `p-${i}`,
  area: "64.01.05.2002/RT003",
  after: { name: `Nama ${i}` },
});

async function asAttacker(db: Executor, change: (tx: Executor) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    for (const table of ["audit_entries", "audit_checkpoints", "audit_head"]) {
      await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    }
    await change(tx);
    for (const table of ["audit_entries", "audit_checkpoints", "audit_head"]) {
      await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
    }
  });
}

/** Cuts every entry after `keep`, moving the head back, as an attacker covering their tracks would. */
async function cutTail(tx: Executor, keep: number) {
  await tx.execute(sql`delete from audit_entries where seq > ${keep}`);
  let frontier: string[] = [];
  const rows = await tx.select().from(auditEntries).orderBy(auditEntries.seq);
  rows.forEach((row, i) => {
    frontier = appendToFrontier(frontier, i, leafHash(entryDocument(contentOf(row))));
  });
  await tx.execute(
    sql`update audit_head set seq = ${keep}, frontier = ${JSON.stringify(frontier)}::jsonb,
        head_hash = (select entry_hash from audit_entries where seq = ${keep})`,
  );
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`automatic audit checkpoints [${kind}]`, () => {
    let salur: Salur;
    let app: FastifyInstance;
    const config = testConfig();
    // SALUR_CHECKPOINT_DIR: where each automatic checkpoint is also written (a share, a USB disk).
    config.checkpointDir = join(config.dataDir, "witness");
    const db = () => salur.database.db;
    let n = 0;
    const append = (count: number) =>
      db().transaction((tx) =>
        salur.audit.append(
          tx,
          Array.from({ length: count }, () => draft(++n)),
        ),
      );
    const checkpointSizes = async () =>
      (
        await queryRows<{ tree_size: string | number }>(
          db(),
          sql`select tree_size from audit_checkpoints order by id`,
        )
      ).map((r) => Number(r.tree_size));

    beforeAll(async () => {
      salur = await openSalur(config, {
        database: await openTestDatabase(kind),
        today: () => TEST_TODAY,
        checkpointEveryMs: 25,
      });
      app = await buildServer(salur);
    });
    afterAll(async () => {
      await app?.close();
      await salur?.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    });

    it("M8: a tail cut off after the timer's checkpoint fails `salur audit verify`", async () => {
      await append(10);
      // Nobody asks for a checkpoint: the runtime's timer makes it.
      await vi.waitFor(
        async () => expect(Math.max(0, ...(await checkpointSizes()))).toBeGreaterThanOrEqual(10),
        {
          timeout: 10_000,
          interval: 20,
        },
      );
      await salur.checkpointTimer?.stop();
      expect((await runAuditVerify(salur, { language: "en" })).exitCode).toBe(0);

      // The auditor exports the checkpoints off the machine before the attack.
      const auditor = await signIn(
        app,
        (await createTestUser(salur, { role: "auditor", areaCode: "64.01" })).username,
      );
      const exported = await app.inject({
        method: "GET",
        url: "/api/audit/checkpoints/export",
        headers: auditor.headers(),
      });
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.headers["content-disposition"]).toMatch(/attachment/);
      const bundle = exported.json();
      expect(bundle.format).toBe("salur-audit-checkpoints-v1");

      await asAttacker(db(), (tx) => cutTail(tx, 6));
      const cut = await runAuditVerify(salur, { language: "en" });
      expect(cut.exitCode).toBe(1);
      expect(cut.report.firstBrokenSeq).toBe(7);
      expect(cut.report.problems.map((p) => p.code)).toContain("AUDIT_LOG_TRUNCATED");

      // The attacker deletes the checkpoints too: the exported copy still catches the cut.
      await asAttacker(db(), (tx) => tx.execute(sql`delete from audit_checkpoints`));
      expect((await runAuditVerify(salur, { language: "en" })).exitCode).toBe(0);
      const witnesses = audit.witnessesFromExport(JSON.stringify(bundle), "export.json");
      const withExport = await runAuditVerify(salur, { language: "en", witnesses });
      expect(withExport.exitCode).toBe(1);
      expect(withExport.report.firstBrokenSeq).toBe(7);

      // So do the files the timer wrote to SALUR_CHECKPOINT_DIR.
      const dir = config.checkpointDir as string;
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThan(0);
      const fromDir = files.flatMap((f) => audit.witnessesFromExport(readFileSync(join(dir, f), "utf8"), f));
      expect((await runAuditVerify(salur, { language: "en", witnesses: fromDir })).exitCode).toBe(1);
    });

    it("M8: a checkpoint row deleted while its entry stays in the chain is named", async () => {
      await append(3);
      await db().transaction((tx) => audit.checkpointNow(tx, salur.audit, { event: "test", actor }));
      await append(2);
      expect((await runAuditVerify(salur, { language: "en" })).exitCode).toBe(0);
      await asAttacker(db(), (tx) => tx.execute(sql`delete from audit_checkpoints`));
      const result = await runAuditVerify(salur, { language: "en" });
      expect(result.exitCode).toBe(1);
      expect(result.report.problems.map((p) => p.code)).toContain("AUDIT_CHECKPOINT_MISSING");
    });

    it("checkpointNow commits with the decree or payment transaction, or not at all", async () => {
      const before = (await checkpointSizes()).length;
      await expect(
        db().transaction(async (tx) => {
          await salur.audit.append(tx, draft(++n));
          await audit.checkpointNow(tx, salur.audit, { event: "decree.frozen", actor });
          throw new Error("the decree failed");
        }),
      ).rejects.toThrow("the decree failed");
      n -= 1;
      expect((await checkpointSizes()).length).toBe(before);
      const made = await db().transaction(async (tx) => {
        await salur.audit.append(tx, draft(++n));
        return audit.checkpointNow(tx, salur.audit, { event: "payment.file", actor });
      });
      expect(made.statement.event).toBe("payment.file");
      expect((await checkpointSizes()).length).toBe(before + 1);
    });

    it("signs on the timer only when the trail grew since the last checkpoint", async () => {
      const first = await audit.checkpointIfGrown(db(), salur.audit, { event: "timer", actor });
      const second = await audit.checkpointIfGrown(db(), salur.audit, { event: "timer", actor });
      expect(first === null || first.statement.treeSize > 0).toBe(true);
      expect(second).toBeNull();
    });
  });
}
