/**
 * Test and drill support: a mixed write load sent over HTTP as officials send it (registrations, workflow
 * transitions, imports, bank result files), each write's answer kept.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { DEMO_PASSWORD } from "../access/demo-users.ts";
import { queryRows } from "../db/index.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows } from "../imports/testing.ts";
import { openSalur } from "../runtime.ts";
import type { Deployment } from "./deployment.fixture.ts";

export interface HttpSession {
  cookie: string;
  csrf: string;
}

export async function signInOver(baseUrl: string, username: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export async function call(
  baseUrl: string,
  session: HttpSession,
  method: "GET" | "POST",
  path: string,
  body?: string | object,
  contentType = "application/json",
): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== "GET") {
    headers["x-csrf-token"] = session.csrf;
    headers["content-type"] = contentType;
  }
  return fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const USERS = ["pendata.lolo", "kecamatan.kuaro", "dinsos", "diskopukm", "bupati", "bank"] as const;

/** What the load writes to: sessions, applications waiting for verification, payment lines sent to the bank. */
export interface Workload {
  tag: string;
  sessions: Record<(typeof USERS)[number], HttpSession>;
  /** Verified applications in Kecamatan Kuaro with their versions; each is returned for correction once. */
  submitted: { id: string; version: number }[];
  /** Lines of an exported batch awaiting the bank's result; each gets one result file. */
  lines: { batchId: string; reference: string; amount: number }[];
  /** How many applications, lines and import lists earlier loads used: each is written to once. */
  used: { transitions: number; results: number; imports: number };
}

export interface Targets {
  submitted: { id: string; version: number }[];
  decreeId: string | null;
  bankAgencyId: string | null;
}

/** Read from the database before the servers start (a running server holds a PGlite directory alone). */
export async function workloadTargets(deployment: Deployment): Promise<Targets> {
  const salur = await openSalur(deployment.config);
  try {
    const db = salur.database.db;
    const submitted = await queryRows<{ id: string; version: number }>(
      db,
      sql`select id, version from enrollments where status = 'verified' and district_code = '64.01.05' order by id`,
    );
    const [decree] = await queryRows<{ id: string }>(
      db,
      sql`select d.id from decrees d where d.status = 'approved' and not exists (select 1 from payment_batches b where b.decree_id = d.id::text) limit 1`,
    );
    const [bank] = await queryRows<{ agency_id: string }>(
      db,
      sql`select agency_id from users where username = 'bank'`,
    );
    return { submitted, decreeId: decree?.id ?? null, bankAgencyId: bank?.agency_id ?? null };
  } finally {
    await salur.close();
  }
}

/** Signs the officials in and prepares, approves and exports a payment batch from the demo's decree. */
export async function prepareWorkload(baseUrl: string, targets: Targets): Promise<Workload> {
  const sessions = {} as Workload["sessions"];
  for (const user of USERS) sessions[user] = await signInOver(baseUrl, user);
  const lines: Workload["lines"] = [];
  if (targets.decreeId && targets.bankAgencyId) {
    const prepared = await call(baseUrl, sessions.diskopukm, "POST", "/api/payment-batches", {
      decreeId: targets.decreeId,
      bankAgencyId: targets.bankAgencyId,
      claimDeadline: "2027-03-31",
    });
    if (prepared.status !== 201) throw new Error(`batch: ${prepared.status} ${await prepared.text()}`);
    const { items } = (await prepared.json()) as {
      items: { id: string; version: number; linesSha256: string }[];
    };
    for (const batch of items) {
      const approved = await call(
        baseUrl,
        sessions.bupati,
        "POST",
        `/api/payment-batches/${batch.id}/approve`,
        {
          version: batch.version,
          linesSha256: batch.linesSha256,
        },
      );
      if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${await approved.text()}`);
      const exported = await call(
        baseUrl,
        sessions.diskopukm,
        "POST",
        `/api/payment-batches/${batch.id}/export`,
        {
          format: "csv",
        },
      );
      if (exported.status !== 200) throw new Error(`export: ${exported.status} ${await exported.text()}`);
      for (let page = 1; ; page++) {
        const res = await call(
          baseUrl,
          sessions.bank,
          "GET",
          `/api/payment-batches/${batch.id}/lines?pageSize=500&page=${page}`,
        );
        const body = (await res.json()) as { items: { reference: string; amount: number }[]; total: number };
        for (const line of body.items)
          lines.push({ batchId: batch.id, reference: line.reference, amount: line.amount });
        if (page * 500 >= body.total) break;
      }
    }
  }
  return {
    tag: randomBytes(3).toString("hex"),
    sessions,
    submitted: targets.submitted,
    lines,
    used: { transitions: 0, results: 0, imports: 0 },
  };
}

export type WriteKind = "registration" | "transition" | "import" | "payment_result";

export interface WriteOutcome {
  kind: WriteKind;
  /** What identifies the write in the database: a person's name, an enrollment id, an import's file name, a reference. */
  key: string;
  /** The server answered with success. */
  acknowledged: boolean;
  status: number | "no answer";
  /** Import: the job it started. */
  jobId?: string;
  importId?: string;
  /** The start of the answer to a refused write. */
  detail?: string;
  /** The personal data the write carried (names, NIK, KK, phone): none may appear in any log. */
  personal: string[];
}

/** Writes counted by kind and answer: `transition 200: 25`. */
export function answersOf(outcomes: readonly WriteOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) out[`${o.kind} ${o.status}`] = (out[`${o.kind} ${o.status}`] ?? 0) + 1;
  return out;
}

const IMPORT_ROWS = 5;

/** The kind of the n-th write: 40 % registrations, 25 % transitions, 5 % imports, 30 % payment results. */
function kindOf(n: number): WriteKind {
  const slot = n % 20;
  if (slot < 8) return "registration";
  if (slot < 13) return "transition";
  if (slot < 14) return "import";
  return "payment_result";
}

/**
 * Sends `total` writes, `concurrency` at a time, each at most once (a write whose answer never came is not
 * retried: the check then accepts it present or absent, but never half-applied).
 */
export async function sendWrites(
  baseUrl: () => string,
  w: Workload,
  total: number,
  concurrency: number,
  start = 0,
  onAnswer: (outcome: WriteOutcome) => void = () => {},
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  const importRecords = cleanRecords(Math.ceil((start + total) / 20 + 1) * IMPORT_ROWS * 2, 7000);
  let cursor = start;
  const end = start + total;
  const used = w.used;
  const one = async (n: number): Promise<void> => {
    let kind = kindOf(n);
    if (kind === "transition" && used.transitions >= w.submitted.length) kind = "registration";
    if (kind === "payment_result" && used.results >= w.lines.length) kind = "registration";
    const s = w.sessions;
    let key = "";
    let personal: string[] = [];
    let request: () => Promise<Response>;
    if (kind === "registration") {
      key = `Uji Beban ${w.tag} ${n}`;
      personal = [key];
      request = () =>
        call(baseUrl(), s["pendata.lolo"], "POST", "/api/persons", {
          name: key,
          sex: n % 2 ? "L" : "P",
          birthDate: "1980-01-01",
          villageCode: "64.01.05.2002",
          rt: "003",
          rw: "002",
          address: `Jl. Uji ${n}`,
        });
    } else if (kind === "transition") {
      const app = w.submitted[used.transitions++] as Workload["submitted"][number];
      key = app.id;
      request = () =>
        call(baseUrl(), s["kecamatan.kuaro"], "POST", `/api/enrollments/${app.id}/transitions`, {
          action: "return_for_correction",
          version: app.version,
          reason: "Alamat perlu dicek ulang di lapangan",
        });
    } else if (kind === "import") {
      const records = importRecords.slice(used.imports * IMPORT_ROWS, (used.imports + 1) * IMPORT_ROWS);
      used.imports++;
      key = `beban-${w.tag}-${n}.csv`;
      personal = records.flatMap((r) => [r.name, r.nik, r.kk, r.phone].filter((v): v is string => !!v));
      const body = csvText([LIST_HEADERS, ...listRows(records)]);
      request = () =>
        call(baseUrl(), s.dinsos, "POST", `/api/imports?fileName=${key}&mode=apply`, body, "text/csv");
    } else {
      const line = w.lines[used.results++] as Workload["lines"][number];
      key = line.reference;
      const csv = `NO_REFERENSI;REF_BANK;STATUS;NOMINAL;TANGGAL;KODE_ALASAN;KETERANGAN\r\n${line.reference};BRI${line.reference};SUKSES;${line.amount};2026-12-01;;\r\n`;
      request = () =>
        call(baseUrl(), s.bank, "POST", `/api/payment-batches/${line.batchId}/results`, {
          fileName: `hasil-${line.reference}.csv`,
          format: "csv",
          contentBase64: Buffer.from(csv).toString("base64"),
        });
    }
    try {
      const res = await request();
      const text = await res.text();
      const outcome: WriteOutcome = { kind, key, acknowledged: res.ok, status: res.status, personal };
      if (!res.ok) outcome.detail = text.slice(0, 300);
      onAnswer(outcome);
      if (kind === "import" && res.ok) {
        const body = JSON.parse(text) as { importId: string; job: { id: string } | null };
        outcome.importId = body.importId;
        if (body.job) outcome.jobId = body.job.id;
      }
      outcomes.push(outcome);
    } catch {
      outcomes.push({ kind, key, acknowledged: false, status: "no answer", personal });
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const n = cursor++;
        if (n >= end) return;
        await one(n);
      }
    }),
  );
  return outcomes;
}
