import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import type { AuditActor } from "./entry.ts";
import { buildInclusionProof, checkInclusionProof } from "./proof.ts";
import { verifyAuditTrail } from "./verify.ts";

const run = promisify(execFile);
const actor: AuditActor = { id: null, name: "log test", role: "system", area: null };
const draft = (entityId: string) => ({ actor, action: "test.write", entity: "test", entityId, area: null });

describeEachDatabase("audit log", (salur) => {
  const db = () => salur().database.db;
  const verify = () =>
    verifyAuditTrail(db(), {
      verifier: salur().audit.keys,
      keys: salur().audit.keys,
      logName: salur().audit.logName,
    });

  it("serialises 50 concurrent writers into one gapless chain", async () => {
    const [before] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_entries`);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db().transaction(async (tx) => {
          // Some work before the append widens the window in which writers overlap.
          await tx.execute(sql`select pg_sleep(0.005)`);
          await salur().audit.append(tx, draft(`concurrent-${i}`));
        }),
      ),
    );
    const seqs = await queryRows<{ seq: string }>(db(), sql`select seq from audit_entries order by seq`);
    expect(seqs.length).toBe((before?.n ?? 0) + 50);
    expect(seqs.map((row) => Number(row.seq))).toEqual(seqs.map((_, i) => i + 1));
    expect((await verify()).ok).toBe(true);
  });

  it("leaves no gap and no entry when the write it belongs to rolls back", async () => {
    const head = async () =>
      (await queryRows<{ seq: string }>(db(), sql`select seq from audit_head`))[0]?.seq;
    const start = await head();
    await expect(
      db().transaction(async (tx) => {
        await salur().audit.append(tx, draft("rolled-back"));
        throw new Error("the write failed after its entry was appended");
      }),
    ).rejects.toThrow(/write failed/);
    expect(await head()).toBe(start);
    const [entry] = await db().transaction((tx) => salur().audit.append(tx, draft("after rollback")));
    expect(entry?.seq).toBe(Number(start) + 1);
    expect((await verify()).ok).toBe(true);
  });

  it("appends a batch in one go, each entry chained to the one before, across insert chunks", async () => {
    // More than two insert statements' worth, with values the JSON path must carry exactly as hashed.
    const drafts = Array.from({ length: 6_000 }, (_, i) => ({
      ...draft(`batch-${i}`),
      area: i % 3 === 0 ? null : "64.01.01.2001/RT001",
      before: i % 2 === 0 ? null : { status: "approved", version: i },
      after: { status: "paid", note: `Rp1.500.000 "lunas" ✓ \\ ${i}`, nested: { at: [i, null, true] } },
      reason: i % 5 === 0 ? "bank: returned\nbaris 2" : null,
    }));
    const entries = await db().transaction((tx) => salur().audit.append(tx, drafts));
    expect(entries).toHaveLength(6_000);
    expect(entries.slice(1).map((e) => e.prevHash)).toEqual(entries.slice(0, -1).map((e) => e.entryHash));
    const last = entries[entries.length - 1];
    const [stored] = await queryRows<{ after: unknown; before: unknown; at: Date | string }>(
      db(),
      sql`select after, before, at from audit_entries where seq = ${last?.seq}`,
    );
    expect(stored?.after).toEqual(last?.after);
    expect(stored?.before).toEqual(last?.before);
    expect(new Date(stored?.at ?? 0).toISOString()).toBe(last?.at);
    expect((await verify()).ok).toBe(true);
  });

  it("proves an entry's inclusion in a signed checkpoint, checked by the standalone verifier", async () => {
    const checkpoint = await db().transaction((tx) =>
      salur().audit.checkpoint(tx, { event: "test:proof", actor }),
    );
    const seq = Math.max(1, checkpoint.statement.treeSize - 7);
    const proof = await buildInclusionProof(db(), salur().audit.keys, seq);
    expect(proof.treeSize).toBe(checkpoint.statement.treeSize);
    expect(checkInclusionProof(proof, salur().audit.keys.publicKeyPem)).toEqual({ ok: true });

    const dir = mkdtempSync(join(tmpdir(), "salur-proof-"));
    writeFileSync(join(dir, "proof.json"), JSON.stringify(proof));
    writeFileSync(join(dir, "key.pem"), salur().audit.keys.publicKeyPem);
    const ok = await run("node", ["scripts/verify-proof.mjs", join(dir, "proof.json"), join(dir, "key.pem")]);
    expect(ok.stdout).toMatch(new RegExp(`^VALID: entry ${seq} `));

    // The same proof with the entry altered, or checked against another key, is refused.
    const altered = { ...proof, entry: proof.entry.replace('"test.write"', '"test.erase"') };
    writeFileSync(join(dir, "altered.json"), JSON.stringify(altered));
    await expect(
      run("node", ["scripts/verify-proof.mjs", join(dir, "altered.json"), join(dir, "key.pem")]),
    ).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/INVALID: the entry is not in the tree/),
    });
    const { generateAuditKeys } = await import("./keys.ts");
    writeFileSync(join(dir, "other.pem"), generateAuditKeys().publicKeyPem);
    await expect(
      run("node", ["scripts/verify-proof.mjs", join(dir, "proof.json"), join(dir, "other.pem")]),
    ).rejects.toMatchObject({
      stdout: expect.stringMatching(/INVALID: the checkpoint signature/),
    });
    expect(checkInclusionProof(altered, salur().audit.keys.publicKeyPem).ok).toBe(false);
  });

  it("says so when no checkpoint covers the entry yet", async () => {
    const [entry] = await db().transaction((tx) =>
      salur().audit.append(tx, draft("after the last checkpoint")),
    );
    await expect(buildInclusionProof(db(), salur().audit.keys, entry?.seq ?? 0)).rejects.toMatchObject({
      code: "AUDIT_NO_CHECKPOINT",
    });
  });
});
