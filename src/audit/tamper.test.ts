import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { runAuditVerify } from "../cli/audit-command.ts";
import { type Executor, queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import type { Salur } from "../runtime.ts";
import { type AuditActor, chainHash, entryDocument } from "./entry.ts";
import { generateAuditKeys } from "./keys.ts";
import { contentOf } from "./log.ts";
import { auditEntries } from "./schema.ts";
import type { SignedCheckpoint } from "./verify.ts";

/**
 * The tamper suite: someone with full database access (triggers switched off) alters the trail in each way the
 * issue lists, and `salur audit verify` must report it and name the entry. The fixture is 40 entries with
 * checkpoints over the first 3, 19 and 30.
 */
const actor: AuditActor = { id: null, name: "tamper suite", role: "system", area: "64.01" };
const draft = (i: number) => ({
  actor,
  action: "person.update",
  entity: "person",
  entityId: `p-${i}`,
  area: "64.01.05.2002/RT003",
  before: { name: `Nama ${i}`, nik: { $commitment: `c-${i}` } },
  after: { name: `Nama ${i} baru` },
  reason: i % 3 === 0 ? "koreksi data" : null,
  requestId: `req-${i}`,
});

const measured: { database: string; tampering: string; named: number | null; codes: string }[] = [];

describeEachDatabase("audit trail tamper suite", (salur, kind) => {
  let witness: SignedCheckpoint;
  const db = () => salur().database.db;

  beforeAll(async () => {
    const s = salur();
    let n = 0;
    const append = (count: number) =>
      db().transaction((tx) =>
        s.audit.append(
          tx,
          Array.from({ length: count }, () => draft(++n)),
        ),
      );
    await append(3);
    await db().transaction((tx) => s.audit.checkpoint(tx, { event: "test:first", actor }));
    n += 1;
    await append(15);
    await db().transaction((tx) => s.audit.checkpoint(tx, { event: "test:second", actor }));
    n += 1;
    await append(10);
    const third = await db().transaction((tx) => s.audit.checkpoint(tx, { event: "test:third", actor }));
    witness = { source: "witness.json", signedText: third.signedText, signature: third.signature };
    await append(9);
    for (const table of ["audit_entries", "audit_checkpoints", "audit_head"]) {
      await db().execute(sql.raw(`create table ${table}_pristine as table ${table}`));
    }
  });

  beforeEach(async () => {
    await asAttacker(db(), async (tx) => {
      for (const table of ["audit_entries", "audit_checkpoints", "audit_head"]) {
        await tx.execute(sql.raw(`delete from ${table}`));
        await tx.execute(sql.raw(`insert into ${table} select * from ${table}_pristine`));
      }
    });
  });

  afterAll(() => {
    for (const m of measured.filter((row) => row.database === kind)) {
      console.log(
        `[${kind}] ${m.tampering.padEnd(52)} → ${m.named === null ? "intact" : `entry ${m.named}`}  ${m.codes}`,
      );
    }
  });

  async function verify(tampering: string, witnesses: SignedCheckpoint[] = []) {
    const result = await runAuditVerify(salur(), { witnesses, language: "en" });
    measured.push({
      database: kind,
      tampering,
      named: result.report.firstBrokenSeq,
      codes: [...new Set(result.report.problems.map((p) => p.code))].join(" "),
    });
    return result;
  }

  it("verifies the untouched fixture: 40 entries, 3 checkpoints", async () => {
    const result = await verify("none");
    expect(result.exitCode).toBe(0);
    expect(result.report).toMatchObject({ ok: true, entries: 40, checkpointsVerified: 3, macsChecked: true });
    expect(result.output).toMatch(/intact: 40 entries, 3 checkpoints/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of entries and checkpoints while the guard is on", async () => {
    for (const statement of [
      "update audit_entries set reason = 'x' where seq = 2",
      "delete from audit_entries where seq = 40",
      "truncate audit_entries",
      "delete from audit_checkpoints",
      "update audit_checkpoints set event = 'x'",
      "delete from audit_head",
    ]) {
      await expect(db().execute(sql.raw(statement)), statement).rejects.toThrow();
    }
    expect((await verify("attempts refused by the trigger")).exitCode).toBe(0);
  });

  it("detects a changed field of an entry and names it", async () => {
    await asAttacker(db(), (tx) =>
      tx.execute(sql`update audit_entries set reason = 'tidak ada alasan' where seq = 12`),
    );
    const result = await verify("change a field (reason of 12)");
    expect(result.exitCode).toBe(1);
    expect(result.report.firstBrokenSeq).toBe(12);
    expect(result.report.problems.map((p) => p.code)).toContain("AUDIT_ENTRY_HASH_MISMATCH");
    expect(result.output).toMatch(/BROKEN from entry 12/);
  });

  it("detects a changed personal commitment inside before/after", async () => {
    await asAttacker(db(), (tx) =>
      tx.execute(
        sql`update audit_entries set before = jsonb_set(before, '{nik,$commitment}', '"c-other"') where seq = 33`,
      ),
    );
    expect((await verify("change a commitment (before of 33)")).report.firstBrokenSeq).toBe(33);
  });

  it("detects a deleted entry", async () => {
    await asAttacker(db(), (tx) => tx.execute(sql`delete from audit_entries where seq = 15`));
    const result = await verify("delete an entry (15)");
    expect(result.report.firstBrokenSeq).toBe(15);
    expect(result.report.problems[0]).toMatchObject({
      code: "AUDIT_ENTRY_MISSING",
      params: { from: 15, to: 15 },
    });
  });

  it("detects two swapped entries", async () => {
    await asAttacker(db(), async (tx) => {
      await tx.execute(sql`update audit_entries set seq = -8 where seq = 8`);
      await tx.execute(sql`update audit_entries set seq = 8 where seq = 9`);
      await tx.execute(sql`update audit_entries set seq = 9 where seq = -8`);
    });
    expect((await verify("swap two entries (8, 9)")).report.firstBrokenSeq).toBe(8);
  });

  it("detects a forged entry appended with a correctly computed chain hash (no key for its MAC)", async () => {
    await asAttacker(db(), async (tx) => {
      const [last] = await queryRows<{ entry_hash: string }>(
        tx,
        sql`select entry_hash from audit_entries where seq = 40`,
      );
      await insertForged(tx, 41, last?.entry_hash ?? "");
      await tx.execute(sql`update audit_head set seq = 41`);
    });
    const result = await verify("insert a forged entry at the end (41)");
    expect(result.report.firstBrokenSeq).toBe(41);
    expect(result.report.problems.map((p) => p.code)).toContain("AUDIT_ENTRY_MAC_INVALID");
  });

  it("detects a forged entry slipped into the middle", async () => {
    await asAttacker(db(), async (tx) => {
      await tx.execute(sql`update audit_entries set seq = seq + 1000 where seq >= 25`);
      await tx.execute(sql`update audit_entries set seq = seq - 999 where seq >= 1025`);
      const [prev] = await queryRows<{ entry_hash: string }>(
        tx,
        sql`select entry_hash from audit_entries where seq = 24`,
      );
      await insertForged(tx, 25, prev?.entry_hash ?? "");
    });
    expect((await verify("insert a forged entry in the middle (25)")).report.firstBrokenSeq).toBe(25);
  });

  it("detects a tail cut off after a checkpoint, even with the head moved back", async () => {
    await asAttacker(db(), async (tx) => {
      await tx.execute(sql`delete from audit_entries where seq > 27`);
      await tx.execute(
        sql`update audit_head set seq = 27, head_hash = (select entry_hash from audit_entries where seq = 27)`,
      );
    });
    const result = await verify("truncate the tail after a checkpoint (28–40)");
    expect(result.report.firstBrokenSeq).toBe(28);
    expect(result.report.problems.map((p) => p.code)).toContain("AUDIT_LOG_TRUNCATED");
  });

  it("detects the truncated tail from a witness's copy even when the checkpoints were deleted too", async () => {
    await asAttacker(db(), async (tx) => {
      await tx.execute(sql`delete from audit_entries where seq > 27`);
      await tx.execute(sql`delete from audit_checkpoints where tree_size > 27`);
      await tx.execute(
        sql`update audit_head set seq = 27, head_hash = (select entry_hash from audit_entries where seq = 27)`,
      );
    });
    const alone = await verify("truncate tail and delete checkpoints, no witness");
    expect(alone.exitCode).toBe(0);
    const withWitness = await verify("truncate tail and delete checkpoints, with witness", [witness]);
    expect(withWitness.report.firstBrokenSeq).toBe(28);
  });

  it("detects the whole chain rewritten without the signing key", async () => {
    await rewriteFrom(5);
    const result = await verify("rewrite the chain from entry 5 without the key");
    expect(result.report.firstBrokenSeq).toBe(5);
    const codes = result.report.problems.map((p) => p.code);
    expect(codes).toContain("AUDIT_ENTRY_MAC_INVALID");
    expect(codes).toContain("AUDIT_CHECKPOINT_MISMATCH");
    expect(codes).not.toContain("AUDIT_ENTRY_HASH_MISMATCH");
  });

  it("detects the rewrite with only the public key, between the last good checkpoint and the first bad one", async () => {
    await rewriteFrom(5);
    const result = await runAuditVerify(salur(), {
      publicKeyPem: salur().audit.keys.publicKeyPem,
      language: "en",
    });
    measured.push({
      database: kind,
      tampering: "rewrite from 5, witness with public key only",
      named: result.report.firstBrokenSeq,
      codes: "AUDIT_CHECKPOINT_MISMATCH",
    });
    expect(result.report.macsChecked).toBe(false);
    // Checkpoint #1 (entries 1–3) still holds; #2 (1–19) does not: the rewrite lies in 4–19.
    expect(result.report.firstBrokenSeq).toBe(4);
    expect(result.output).toMatch(/per-entry MACs were not checked/);
  });

  it("detects a checkpoint re-signed with another key", async () => {
    await rewriteFrom(5);
    const forger = generateAuditKeys();
    await asAttacker(db(), async (tx) => {
      const [cp] = await queryRows<{ statement: string }>(
        tx,
        sql`select statement from audit_checkpoints where id = 2`,
      );
      await tx.execute(
        sql`update audit_checkpoints set signature = ${forger.sign(cp?.statement ?? "")} where id = 2`,
      );
    });
    const result = await verify("re-sign a checkpoint with another key");
    expect(result.report.problems.map((p) => p.code)).toContain("AUDIT_CHECKPOINT_SIGNATURE_INVALID");
  });

  /** The attacker recomputes every hash from `seq` on, consistently, and moves the head; only the key is missing. */
  async function rewriteFrom(seq: number) {
    await asAttacker(db(), async (tx) => {
      const rows = await tx.select().from(auditEntries).orderBy(auditEntries.seq);
      let prev = rows[seq - 2]?.entryHash ?? "0".repeat(64);
      for (const row of rows.slice(seq - 1)) {
        const content = contentOf(row);
        if (row.seq === seq) content.reason = "ditulis ulang";
        const entryHash = chainHash(prev, entryDocument(content));
        await tx.execute(
          sql`update audit_entries set reason = ${content.reason}, prev_hash = ${prev}, entry_hash = ${entryHash} where seq = ${row.seq}`,
        );
        prev = entryHash;
      }
      await tx.execute(sql`update audit_head set head_hash = ${prev}`);
    });
  }
});

/** Someone with the database owner's rights: switches the append-only triggers off around the change. */
async function asAttacker(db: Salur["database"]["db"], change: (tx: Executor) => Promise<unknown>) {
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

async function insertForged(tx: Executor, seq: number, prevHash: string) {
  const content = {
    seq,
    at: "2026-11-25T09:00:00.000Z",
    actor: { id: null, name: "Operator Desa Lolo", role: "village_operator", area: "64.01.05.2002" },
    action: "enrollment.approve",
    entity: "enrollment",
    entityId: "ghost-recipient",
    area: "64.01.05.2002",
    before: null,
    after: { status: "approved" },
    reason: null,
    requestId: null,
  };
  const entryHash = chainHash(prevHash, entryDocument(content));
  await tx.insert(auditEntries).values({
    seq,
    at: new Date(content.at),
    actorId: null,
    actorName: content.actor.name,
    actorRole: content.actor.role,
    actorArea: content.actor.area,
    action: content.action,
    entity: content.entity,
    entityId: content.entityId,
    area: content.area,
    before: null,
    after: content.after,
    reason: null,
    requestId: null,
    prevHash,
    entryHash,
    mac: "0".repeat(64),
  });
}
