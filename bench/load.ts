/**
 * Issue 21's load figures: `npx tsx bench/load.ts [pglite|postgres|both] [persons]` (default both, 20,000).
 * Per deployment the demo is seeded (src/ops/deployment.fixture.ts), then real `salur serve --demo` processes
 * answer: one on PGlite (a PGlite directory has one owner), two on one PostgreSQL database, each deployment
 * behind the drills' round-robin TCP proxy so both are reached the same way. Two mixes run against it with autocannon, LOAD_SECONDS (default 20) each:
 *
 * - office day: LOAD_CONNECTIONS (default 200) connections, each request carrying one of as many signed-in
 *   sessions of the demo officials (desa, RT, kecamatan, dinas, Bappeda, Bupati, Inspektorat). Weights: 30 %
 *   list pages, 20 % lists filtered by desa or status, 20 % name searches, 20 % a person's page, 10 % address
 *   corrections with a reason (PATCH with the version last read, so every edit is a real, accepted write).
 * - announcement day: as many connections without a session. Weights: 20 % program pages, 40 % published list
 *   pages (the portal index, each publication, its desa pages), 25 % self-checks with the right code, 15 % with
 *   a wrong one.
 *
 * Rate limits stay at their defaults (5 self-checks per NIK per day, 60 per address per hour): the servers
 * trust the local proxy's X-Forwarded-For (SALUR_TRUST_PROXY=127.0.0.1) and each simulated visitor sends its own
 * address (50 checks each), the applicants' NIKs taken in turn, so the bench is not mistaken for an abuser and
 * nothing is lifted. Every figure printed is measured; the bench shares the machine's cores
 * with the servers (and PostgreSQL), so the load average is printed with each row.
 */
import { execSync } from "node:child_process";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { DEMO_USERS } from "../src/access/demo-users.ts";
import { PERMISSIONS } from "../src/access/permissions.ts";
import { type DatabaseKind, queryRows } from "../src/db/index.ts";
import { Random, WeightedTable } from "../src/demo/random.ts";
import {
  type Deployment,
  type HttpSession,
  seededDeployment,
  signInOver,
  startProxy,
  startServer,
} from "../src/ops/cluster.fixture.ts";
import { portalOf } from "../src/portal/portal.ts";
import { checkCodeOf } from "../src/portal/self-check.ts";
import { openSalur } from "../src/runtime.ts";

const which = process.argv[2] ?? "both";
const persons = Number(process.argv[3] ?? 20_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

/** The officials of the office day: every demo account that reads the registry, but the admin and the bank. */
const OFFICIALS = DEMO_USERS.filter((u) => !["admin", "bank_operator"].includes(u.role));
const MAY_EDIT: readonly string[] = PERMISSIONS["person.update"];

interface Target {
  id: string;
  version: number;
  villageCode: string;
  rt: string | null;
  name: string;
  nikStatus: string;
}

interface Targets {
  persons: Target[];
  villages: string[];
  /** Applicants' NIK with their right check code. */
  checks: { nik: string; code: string }[];
}

/** Read before the servers start: a running server holds a PGlite directory alone. */
async function readTargets(deployment: Deployment): Promise<Targets> {
  const salur = await openSalur(deployment.config);
  try {
    const db = salur.database.db;
    const persons = await queryRows<Target>(
      db,
      sql`select id, version, village_code as "villageCode", rt, name, nik_status as "nikStatus" from persons order by id`,
    );
    // Everyone who applied checks on announcement day, whatever became of the application.
    const applicants = await queryRows<{ id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      db,
      sql`select p.id, p.nik_cipher, p.nik_index from persons p
          where p.nik_cipher is not null and exists (select 1 from enrollments e where e.person_id = p.id)`,
    );
    const portal = portalOf(salur);
    // A NIK that is not 16 digits is refused by the form itself (422): no visitor would get past it.
    const checks = applicants
      .map((p) => ({
        nik: salur.vault.open("nik", p.nik_cipher, p.nik_index),
        code: checkCodeOf(portal, p.id),
      }))
      .filter((c) => /^\d{16}$/.test(c.nik));
    return { persons, villages: [...new Set(persons.map((p) => p.villageCode))], checks };
  } finally {
    await salur.close();
  }
}

interface Official {
  username: string;
  role: string;
  session: HttpSession;
  /** The persons in the official's area (and RT): what their lists, pages and edits reach. */
  visible: Target[];
  /**
   * Those an address correction is accepted for: an edit re-checks the whole record, so a record kept with an
   * invalid NIK (the demo plants some) is refused until its NIK is fixed — not an address edit's business.
   */
  editable: Target[];
  villages: string[];
}

async function signInOfficials(baseUrl: string, targets: Targets, count: number): Promise<Official[]> {
  const out: Official[] = [];
  // An account whose area holds nobody (an RT in a small demo) has nothing to list, open or edit.
  const areas = OFFICIALS.map((user) => ({
    user,
    visible: targets.persons.filter(
      (p) => `${p.villageCode}.`.startsWith(`${user.areaCode}.`) && (!user.rt || p.rt === user.rt),
    ),
  })).filter((a) => a.visible.length > 0);
  for (let i = 0; i < count; i++) {
    const { user, visible } = areas[i % areas.length] as (typeof areas)[number];
    out.push({
      username: user.username,
      role: user.role,
      session: await signInOver(baseUrl, user.username),
      visible,
      editable: visible.filter((p) => p.nikStatus !== "invalid"),
      villages: [...new Set(visible.map((p) => p.villageCode))],
    });
  }
  return out;
}

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * Per kind of request: how many were built, answered and answered with a non-2xx status (with the first such
 * answer), so a fault of the bench itself shows where it is, and the timeouts' kinds show as built − answered.
 */
type Tally = Record<string, { built: number; answered: number; non2xx: number; sample?: string }>;

const tallyOf = (tally: Tally, kind: string) => {
  const t = tally[kind] ?? { built: 0, answered: 0, non2xx: 0 };
  tally[kind] = t;
  return t;
};

interface Planned {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Called with the answer (edits take the new version from it). */
  answered?: (status: number, body: string) => void;
}

/** autocannon with one request slot whose content `plan` draws anew for every request. */
function run(baseUrl: string, plan: () => Planned, tally: Tally): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            setupRequest: (request: object, context: { planned?: Planned }) => {
              const planned = plan();
              context.planned = planned;
              tallyOf(tally, planned.kind).built++;
              return {
                ...request,
                method: planned.method,
                path: planned.path,
                headers: planned.headers,
                body: planned.body,
              };
            },
            onResponse: (status: number, body: string, context: { planned?: Planned }) => {
              const planned = context.planned;
              if (!planned) return;
              const t = tallyOf(tally, planned.kind);
              t.answered++;
              if (status < 200 || status >= 300) {
                t.non2xx++;
                t.sample ??= `${status} ${String(body).slice(0, 200)}`;
              }
              planned.answered?.(status, String(body));
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result as Result)),
    );
  });
}

const OFFICE_WEIGHTS = new WeightedTable([
  ["list", 30],
  ["filtered", 20],
  ["search", 20],
  ["person", 20],
  ["edit", 10],
] as const);

function officeDay(officials: Official[]): () => Planned {
  const rng = new Random(21);
  const editors = officials.filter((o) => MAY_EDIT.includes(o.role) && o.editable.length > 0);
  // A person being edited is out of every editor's reach until its answer brings the new version back, so two
  // edits never race on one version (a 409 would be the bench's fault, not the server's).
  const busy = new Set<string>();
  let edits = 0;
  return () => {
    const kind = OFFICE_WEIGHTS.draw(rng);
    const o = kind === "edit" ? rng.pick(editors) : rng.pick(officials);
    const headers = { cookie: o.session.cookie };
    const someone = rng.pick(o.visible);
    if (kind === "list")
      return { kind, method: "GET", path: `/api/persons?page=${1 + rng.int(20)}`, headers };
    if (kind === "filtered") {
      const filter = rng.chance(0.5)
        ? `villageCode=${rng.pick(o.villages)}`
        : `status=${rng.pick(["submitted", "verified", "published", "approved"])}`;
      return { kind, method: "GET", path: `/api/persons?${filter}&page=1`, headers };
    }
    if (kind === "search") {
      const word = someone.name.split(" ")[0] as string;
      return { kind, method: "GET", path: `/api/persons?q=${encodeURIComponent(word)}`, headers };
    }
    let target = kind === "edit" ? rng.pick(o.editable) : someone;
    for (let tries = 0; kind === "edit" && busy.has(target.id) && tries < 20; tries++)
      target = rng.pick(o.editable);
    if (kind === "person" || busy.has(target.id))
      return { kind: "person", method: "GET", path: `/api/persons/${target.id}`, headers };
    busy.add(target.id);
    const edited = target;
    return {
      kind,
      method: "PATCH",
      path: `/api/persons/${edited.id}`,
      headers: { ...headers, "x-csrf-token": o.session.csrf, "content-type": "application/json" },
      body: JSON.stringify({
        version: edited.version,
        address: `Jl. Poros Kuaro No. ${++edits}`,
        reason: "Alamat dikoreksi setelah kunjungan rumah",
      }),
      answered: (status, body) => {
        if (status === 200)
          edited.version = (JSON.parse(body) as { person: { version: number } }).person.version;
        busy.delete(edited.id);
      },
    };
  };
}

const ANNOUNCEMENT_WEIGHTS = new WeightedTable([
  ["program", 20],
  ["list page", 40],
  ["check right", 25],
  ["check wrong", 15],
] as const);

/** The portal's public pages, found as a visitor finds them: index → program pages → publications → desa. */
async function publicPages(baseUrl: string): Promise<{ programs: string[]; lists: string[] }> {
  const links = async (paths: readonly string[], pattern: RegExp) => {
    const found = new Set<string>();
    for (const path of paths)
      for (const m of (await (await fetch(`${baseUrl}${path}`)).text()).matchAll(
        /href="(\/publik\/[^"#?]+)"/g,
      ))
        if (pattern.test(m[1] as string)) found.add(m[1] as string);
    return [...found];
  };
  const programs = await links(["/publik"], /^\/publik\/program\//);
  const publications = await links(programs, /^\/publik\/publikasi\/[^/]+$/);
  const desa = await links(publications, /^\/publik\/publikasi\/[^/]+\/desa\//);
  return { programs, lists: ["/publik", ...publications, ...desa] };
}

function announcementDay(pages: { programs: string[]; lists: string[] }, targets: Targets): () => Planned {
  const rng = new Random(15);
  const gzip = { "accept-encoding": "gzip" };
  let checks = 0;
  return () => {
    const kind = ANNOUNCEMENT_WEIGHTS.draw(rng);
    if (kind === "program") return { kind, method: "GET", path: rng.pick(pages.programs), headers: gzip };
    if (kind === "list page") return { kind, method: "GET", path: rng.pick(pages.lists), headers: gzip };
    // Each visitor address checks 50 times (limit 60 an hour) and the NIKs are taken in turn, so a NIK is
    // checked a 5th time (the daily limit) only after 4 × the applicants' NIKs: then its 429s show in the tally.
    const n = checks++;
    const who = targets.checks[n % targets.checks.length] as Targets["checks"][number];
    const visitor = Math.floor(n / 50);
    const code = kind === "check right" ? who.code : "ZZZZ-ZZZZ";
    return {
      kind,
      method: "POST",
      path: "/publik/cek",
      headers: {
        ...gzip,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
      },
      body: new URLSearchParams({ nik: who.nik, kode: code }).toString(),
    };
  };
}

/**
 * Waits until every server answers its health check (one database query) within 100 ms, for at most a minute
 * (a machine busy with other work may never answer that fast): requests autocannon gave up on are still worked
 * through by the server, and would otherwise weigh on the next mix's figures. Returns the seconds waited.
 */
async function settled(ports: readonly number[]): Promise<number> {
  const started = performance.now();
  for (const port of ports)
    while (performance.now() - started < 60_000) {
      const t = performance.now();
      await fetch(`http://127.0.0.1:${port}/api/health`);
      if (performance.now() - t < 100) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  return (performance.now() - started) / 1000;
}

interface Row {
  mix: string;
  deployment: string;
  result: Result;
  load: number;
  tally: Tally;
}

const rows: Row[] = [];
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function measure(kind: DatabaseKind): Promise<void> {
  const seeding = performance.now();
  const deployment = await seededDeployment(kind, persons);
  // Behind the proxy every connection comes from 127.0.0.1; the forwarded address is the visitor's.
  deployment.env.SALUR_TRUST_PROXY = "127.0.0.1";
  const label = kind === "pglite" ? "PGlite, 1 process" : "PostgreSQL 15, 2 processes + proxy";
  try {
    const targets = await readTargets(deployment);
    console.log(
      `[${label}] demo of ${persons} persons seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ${targets.checks.length} applicants' NIKs`,
    );
    const servers = [await startServer(deployment)];
    if (kind === "postgres") servers.push(await startServer(deployment));
    const proxy = await startProxy(servers.map((s) => s.port));
    try {
      const baseUrl = `http://127.0.0.1:${proxy.port}`;
      const officials = await signInOfficials(baseUrl, targets, CONNECTIONS);
      const pages = await publicPages(baseUrl);
      console.log(
        `[${label}] ${officials.length} sessions of ${new Set(officials.map((o) => o.username)).size} officials; ${pages.programs.length} program pages, ${pages.lists.length} list pages`,
      );
      for (const [mix, plan] of [
        ["office day", officeDay(officials)],
        ["announcement day", announcementDay(pages, targets)],
      ] as const) {
        const drained = await settled(servers.map((server) => server.port));
        const tally: Tally = {};
        const result = await run(baseUrl, plan, tally);
        const row = { mix, deployment: label, result, load: loadavg()[0] as number, tally };
        rows.push(row);
        console.log(
          `[${label}] ${mix} (servers idle after ${drained.toFixed(1)} s): ${fmt(result.requests.average)} req/s`,
          JSON.stringify(tally),
        );
      }
    } finally {
      await proxy.close();
      for (const server of servers) await server.stop();
    }
  } finally {
    await deployment.remove();
  }
}

for (const kind of which === "both" ? (["pglite", "postgres"] as const) : [which as DatabaseKind])
  await measure(kind);

console.log(
  `\n${SECONDS} s per mix, ${CONNECTIONS} connections, ${persons} persons, ${new Date().toISOString()}; ${execSync("uptime").toString().trim()}`,
);
console.log("| mix | deployment | requests | req/s | p50 | p99 | non-2xx | errors | load avg (1 min) |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const { mix, deployment, result: r, load } of rows)
  console.log(
    `| ${mix} | ${deployment} | ${fmt(r.requests.total)} | ${fmt(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx} | ${r.errors} (${r.timeouts} timeouts) | ${load.toFixed(2)} |`,
  );
