import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../config.ts";
import { queryRows } from "../db/index.ts";
import { TEST_DATABASE_KINDS } from "../db/testing.ts";
import { openSalur } from "../runtime.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "./testing.ts";

const CHILD = fileURLToPath(new URL("./interrupt-child.ts", import.meta.url));
const ROWS = 800;

function configOf(dataDir: string, databaseUrl: string | undefined): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl,
    regencyCode: "64.01",
    secret: "interrupt-test-secret-of-at-least-32-characters",
    keyFile: join(dataDir, "secret.key"),
  };
}

interface Run {
  killed: boolean;
  at: string;
  lines: string[];
}

/** Runs the child; kills it once a progress line passes `target`, a share of the file's rows loaded. */
function runChild(args: string[], target: number | null, stageOfKill = "load"): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let killed = false;
    let at = "";
    let buffer = "";
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf("\n");
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
        lines.push(line);
        if (killed || target === null || !line.startsWith("progress ")) continue;
        const [, stage, rows] = line.split(" ");
        const share = Number(rows) / ROWS;
        const hit = stage === stageOfKill && share >= target;
        if (hit) {
          killed = true;
          at = line;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!killed && code !== 0)
        reject(new Error(`child failed (${code ?? signal}): ${errors.slice(-2000)}`));
      else resolve({ killed, at, lines });
    });
  });
}

/**
 * An import killed (SIGKILL) at `kills` random points while it loads the file inside its transaction leaves no
 * row behind, and the next start finishes the job exactly once. Each kill starts a process: the default suite
 * runs a few (interrupt.test.ts), the drill many (interrupt.drill.ts).
 */
export function describeInterruptedImports(killCount: number): void {
  for (const kind of TEST_DATABASE_KINDS) {
    describe(`an import killed mid-way [${kind}]`, () => {
      const dataDir = mkdtempSync(join(tmpdir(), "salur-interrupt-"));
      const file = join(dataDir, "daftar.csv");
      let databaseUrl: string | undefined;
      let scratch: string | undefined;
      let periodId = "";

      const counts = async () => {
        const salur = await openSalur(configOf(dataDir, databaseUrl), { today: () => "2026-11-25" });
        try {
          const [row] = await queryRows<{
            persons: number;
            enrollments: number;
            applied: number;
            audited: number;
          }>(
            salur.database.db,
            sql`select (select count(*)::int from persons) as persons,
                     (select count(*)::int from enrollments where period_id = ${periodId}) as enrollments,
                     (select count(*)::int from imports where state = 'applied') as applied,
                     (select count(*)::int from audit_entries where action = 'import.apply') as audited`,
          );
          return row;
        } finally {
          await salur.close();
        }
      };

      beforeAll(async () => {
        if (kind === "postgres") {
          const server = process.env.TEST_DATABASE_URL as string;
          scratch = `salur_interrupt_${randomBytes(4).toString("hex")}`;
          const admin = new pg.Client({ connectionString: server });
          await admin.connect();
          await admin.query(`create database ${scratch}`);
          await admin.end();
          const url = new URL(server);
          url.pathname = `/${scratch}`;
          databaseUrl = url.toString();
        }
        const salur = await openSalur(configOf(dataDir, databaseUrl), { today: () => "2026-11-25" });
        try {
          periodId = (await programPeriod(salur)).periodId;
        } finally {
          await salur.close();
        }
        writeFileSync(file, csvText([LIST_HEADERS, ...listRows(cleanRecords(ROWS, 41))]));
      }, 120_000);

      afterAll(async () => {
        rmSync(dataDir, { recursive: true, force: true });
        if (scratch) {
          const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
          await admin.connect();
          await admin.query(`drop database if exists ${scratch} with (force)`);
          await admin.end();
        }
      });

      it(`leaves 0 partial rows after each of ${killCount} kills, and the retry applies the file exactly once`, async () => {
        const args = [dataDir, databaseUrl ?? "-", periodId, file];
        const kills: string[] = [];
        for (let attempt = 0; kills.length < killCount && attempt < killCount * 3; attempt++) {
          // A random share of the file loaded inside the transaction (below the last batch, so it is reached).
          const target = Math.random() * 0.9;
          const run = await runChild(args, target);
          if (!run.killed) break;
          kills.push(run.at);
          const after = await counts();
          expect(after).toEqual({ persons: 0, enrollments: 0, applied: 0, audited: 0 });
        }
        console.log(`[${kind}] killed at: ${kills.map((k) => k.replace("progress ", "")).join("; ")}`);
        expect(kills).toHaveLength(killCount);
        const retry = await runChild([dataDir, databaseUrl ?? "-", periodId, "-"], null);
        expect(retry.lines).toContain("idle");
        expect(await counts()).toEqual({ persons: ROWS, enrollments: ROWS, applied: 1, audited: 1 });
      }, 600_000);

      it("rolls a list killed while it is being published forward, never showing it applied while half in", async () => {
        const second = join(dataDir, "daftar-2.csv");
        writeFileSync(second, csvText([LIST_HEADERS, ...listRows(cleanRecords(ROWS, 43))]));
        const before = await counts();
        const run = await runChild([dataDir, databaseUrl ?? "-", periodId, second], 0.3, "publish");
        const after = await counts();
        // What the list adds once in full, fixed when it began publishing (rows whose NIK was already
        // registered by the first list are not created again).
        const planned = async () => {
          const salur = await openSalur(configOf(dataDir, databaseUrl), { today: () => "2026-11-25" });
          try {
            const [row] = await queryRows<{ persons: number; enrollments: number }>(
              salur.database.db,
              sql`select (apply_record->>'personsCreated')::int as persons,
                       (apply_record->>'enrollmentsCreated')::int as enrollments
                from imports where file_name = 'daftar.csv' and staged_chunks is not null
                order by created_at desc limit 1`,
            );
            return row;
          } finally {
            await salur.close();
          }
        };
        const plan = await planned();
        // Killed past the point of no return: rows may be partly in, but the list is not applied until all are.
        const whole = (before?.persons ?? 0) + (plan?.persons ?? 0);
        expect(after?.applied === (before?.applied ?? 0) + 1).toBe(after?.persons === whole);
        expect(after?.audited).toBe(after?.applied);
        console.log(
          `[${kind}] publish killed at: ${run.at || "(finished first)"}; persons ${after?.persons}/${whole}`,
        );
        const retry = await runChild([dataDir, databaseUrl ?? "-", periodId, "-"], null);
        expect(retry.lines).toContain("idle");
        expect(await counts()).toEqual({
          persons: whole,
          enrollments: (before?.enrollments ?? 0) + (plan?.enrollments ?? 0),
          applied: (before?.applied ?? 0) + 1,
          audited: (before?.audited ?? 0) + 1,
        });
      }, 600_000);
    });
  }
}
