/** Test and drill support: every acknowledged write is in the database once, whole, with its audit entry. */
import { sql } from "drizzle-orm";
import { verifyAuditTrail } from "../audit/index.ts";
import { queryRows } from "../db/index.ts";
import { openSalur } from "../runtime.ts";
import type { Deployment } from "./deployment.fixture.ts";
import { call, type Workload, type WriteKind, type WriteOutcome } from "./workload.fixture.ts";

export interface Findings {
  acknowledged: Record<WriteKind, number>;
  /** Acknowledged writes not found in the database. */
  lost: string[];
  /** Writes found more than once. */
  duplicated: string[];
  /** Writes present without their audit entry, or an import with only some of its rows. */
  halfApplied: string[];
  /** Jobs that ran more than once, or did not finish. */
  jobsNotOnce: string[];
  auditOk: boolean;
  auditEntries: number;
}

/** Reads the database after the load (servers stopped or idle) and checks every write. */
export async function checkWrites(
  deployment: Deployment,
  outcomes: readonly WriteOutcome[],
  options: { crashes?: boolean } = {},
): Promise<Findings> {
  const salur = await openSalur(deployment.config);
  try {
    const db = salur.database.db;
    const findings: Findings = {
      acknowledged: { registration: 0, transition: 0, import: 0, payment_result: 0 },
      lost: [],
      duplicated: [],
      halfApplied: [],
      jobsNotOnce: [],
      auditOk: false,
      auditEntries: 0,
    };
    for (const o of outcomes) if (o.acknowledged) findings.acknowledged[o.kind]++;

    const names = outcomes.filter((o) => o.kind === "registration").map((o) => o.key);
    const persons = await queryRows<{ name: string; n: number; audited: number }>(
      db,
      sql`select p.name, count(*)::int as n,
            (select count(*)::int from audit_entries a where a.action = 'person.create' and a.entity_id = min(p.id::text)) as audited
          from persons p where p.name = any(${sql.param(names)}::text[]) group by p.name`,
    );
    const personByName = new Map(persons.map((p) => [p.name, p]));
    for (const o of outcomes.filter((x) => x.kind === "registration")) {
      const p = personByName.get(o.key);
      if (o.acknowledged && !p) findings.lost.push(o.key);
      if (typeof o.status === "number" && !o.acknowledged && p)
        findings.halfApplied.push(`${o.key}: refused yet saved`);
      if (p && p.n > 1) findings.duplicated.push(o.key);
      if (p && p.audited !== 1) findings.halfApplied.push(o.key);
    }

    const ids = outcomes.filter((o) => o.kind === "transition").map((o) => o.key);
    const apps = await queryRows<{ id: string; status: string; audited: number }>(
      db,
      sql`select e.id::text as id, e.status,
            (select count(*)::int from audit_entries a where a.entity_id = e.id::text and a.action = 'enrollment.return_for_correction') as audited
          from enrollments e where e.id::text = any(${sql.param(ids)}::text[])`,
    );
    const appById = new Map(apps.map((a) => [a.id, a]));
    for (const o of outcomes.filter((x) => x.kind === "transition")) {
      const a = appById.get(o.key);
      const verified = a?.status === "submitted";
      if (o.acknowledged && !verified) findings.lost.push(o.key);
      if (typeof o.status === "number" && !o.acknowledged && verified)
        findings.halfApplied.push(`${o.key}: refused yet returned`);
      if (a && a.audited > 1) findings.duplicated.push(o.key);
      if (a && verified !== (a.audited === 1)) findings.halfApplied.push(o.key);
    }

    const refs = outcomes.filter((o) => o.kind === "payment_result").map((o) => o.key);
    const paid = await queryRows<{ reference: string; status: string; results: number }>(
      db,
      sql`select l.reference, l.status, (select count(*)::int from payment_results r where r.line_id = l.id) as results
          from payment_lines l where l.reference = any(${sql.param(refs)}::text[])`,
    );
    const lineByRef = new Map(paid.map((l) => [l.reference, l]));
    for (const o of outcomes.filter((x) => x.kind === "payment_result")) {
      const l = lineByRef.get(o.key);
      if (o.acknowledged && l?.status !== "paid") findings.lost.push(o.key);
      if (typeof o.status === "number" && !o.acknowledged && l?.status === "paid")
        findings.halfApplied.push(`${o.key}: refused yet paid`);
      if (l && l.results > 1) findings.duplicated.push(o.key);
      if (l && (l.status === "paid") !== (l.results === 1)) findings.halfApplied.push(o.key);
    }

    // An import applies all its rows or none; a row whose NIK the registry already holds joins that person
    // instead of creating one, so the test is that every name of an applied list is in the registry.
    for (const o of outcomes.filter((x) => x.kind === "import" && x.acknowledged)) {
      const [row] = await queryRows<{ state: string; job_state: string | null; attempts: number | null }>(
        db,
        sql`select i.state, j.state as job_state, j.attempts
            from imports i left join jobs j on j.id = i.job_id where i.id = ${o.importId ?? null}::uuid`,
      );
      if (!row) {
        findings.lost.push(o.key);
        continue;
      }
      // After a crash a job runs again (an import is one transaction: the killed attempt left nothing).
      if (o.jobId && (row.job_state !== "succeeded" || (row.attempts !== 1 && !options.crashes)))
        findings.jobsNotOnce.push(`${o.key}: ${row.job_state} after ${row.attempts} attempts`);
      const names = o.personal.filter((v) => !/\d/.test(v));
      const [found] = await queryRows<{ n: number }>(
        db,
        sql`select count(distinct name)::int as n from persons where name = any(${sql.param(names)}::text[])`,
      );
      const present = Number(found?.n ?? 0);
      if (row.state === "applied" && present !== new Set(names).size)
        findings.halfApplied.push(`${o.key}: applied, ${present} of ${names.length} names in the registry`);
      if (row.state !== "applied") findings.lost.push(`${o.key}: ${row.state}`);
    }

    const report = await verifyAuditTrail(db, {
      verifier: salur.audit.keys,
      keys: salur.audit.keys,
      logName: salur.audit.logName,
    });
    findings.auditOk = report.ok;
    findings.auditEntries = report.entries;
    return findings;
  } finally {
    await salur.close();
  }
}

/** Waits until every import the load started has finished (imports run after their request is answered). */
export async function importsSettled(
  baseUrl: string,
  w: Workload,
  outcomes: readonly WriteOutcome[],
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const o of outcomes) {
    if (!o.jobId) continue;
    for (;;) {
      const res = await call(baseUrl, w.sessions.dinsos, "GET", `/api/jobs/${o.jobId}`);
      const job = (await res.json()) as { state: string };
      if (job.state !== "queued" && job.state !== "running") break;
      if (Date.now() > deadline) throw new Error(`import job ${o.jobId} still ${job.state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
