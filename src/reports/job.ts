/**
 * The scheduled monthly pack, through the one job mechanism (src/jobs): a timer asks once an hour whether last
 * month's regency pack exists or is queued, and queues it when not. The job generates the pack as the system,
 * over the whole regency; a job cut off by a dead process simply runs again (a pack is one insert).
 */
import { sql } from "drizzle-orm";
import { systemCaller } from "../access/actor.ts";
import { queryRows } from "../db/index.ts";
import { jobRunnerFor } from "../jobs/index.ts";
import type { Salur } from "../runtime.ts";
import { reportsOf } from "./context.ts";
import { generatePack } from "./packs.ts";
import { MONTH_PATTERN } from "./schemas.ts";

export const REPORT_PACK_JOB = "report.pack";
const SCHEDULER = "Laporan terjadwal / Scheduled report";

const registered = new WeakSet<Salur>();

/** Registers the pack job on the Salur's runner (once) and returns the runner. */
export function reportPackJob(salur: Salur) {
  const runner = jobRunnerFor(salur.database);
  if (!registered.has(salur)) {
    registered.add(salur);
    runner.register({
      kind: REPORT_PACK_JOB,
      retryOnInterrupt: true,
      run: async (context) => {
        const month = String(context.params.month ?? "");
        if (!MONTH_PATTERN.test(month)) throw new Error(`report pack job without a month: ${month}`);
        context.progress({ stage: "generate", done: 0, total: 1 });
        const pack = await generatePack(reportsOf(salur), systemCaller(SCHEDULER, salur.config.regencyCode), {
          kind: "monthly",
          month,
        });
        context.progress({ stage: "generate", done: 1, total: 1 });
        return { packId: pack.id, pdfSha256: pack.pdfSha256, xlsxSha256: pack.xlsxSha256 };
      },
    });
  }
  return runner;
}

/** The month before `now`'s month in WITA (UTC+8), "YYYY-MM": the month a pack made today reports on. */
export function previousMonth(now: Date): string {
  const wita = new Date(now.getTime() + 8 * 3_600_000);
  const year = wita.getUTCFullYear();
  const month = wita.getUTCMonth();
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * Queues last month's regency pack unless one exists or is already queued or running. Returns the job id, or
 * null when nothing was needed.
 */
export async function scheduleMonthlyPack(salur: Salur, now: Date): Promise<string | null> {
  const month = previousMonth(now);
  const db = salur.database.db;
  const [existing] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from report_packs where kind = 'monthly' and month = ${month} and area_code = ${salur.config.regencyCode})
          + (select count(*) from jobs where kind = ${REPORT_PACK_JOB} and params->>'month' = ${month}
               and state in ('queued', 'running', 'succeeded')) as n`,
  );
  if (Number(existing?.n ?? 0) > 0) return null;
  const runner = reportPackJob(salur);
  const job = await runner.submit({
    kind: REPORT_PACK_JOB,
    params: { month },
    createdById: null,
    createdByName: SCHEDULER,
  });
  return job.id;
}

export interface ReportSchedule {
  stop(): Promise<void>;
}

/** Checks every `everyMs` (an hour in `salur serve`) whether last month's pack is due. */
export function startReportSchedule(
  salur: Salur,
  options: { everyMs: number; onError: (error: unknown) => void },
): ReportSchedule {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = scheduleMonthlyPack(salur, salur.access.clock())
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
