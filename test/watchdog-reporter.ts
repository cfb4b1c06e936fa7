import { execFile } from "node:child_process";
import { relative } from "node:path";
import type { ReportedHookContext, Reporter, TestCase, TestModule } from "vitest/node";

/**
 * Every test and hook has a timeout, but a timeout is a timer in the test's own process: a worker whose event
 * loop is blocked (a synchronous call that never returns, a query spinning inside the embedded database) never
 * fires it, and the whole run then waits until CI kills it, printing nothing about why. This reporter lives in
 * the main process, which stays free: when a running test file has sent no event (a test or hook starting or
 * ending) for longer than any timeout allows, it prints the processes below this one (state, CPU, kernel wait)
 * and the PostgreSQL sessions that wait, then the stuck files with the last thing each did, ends with the usual
 * `N passed, N failed` line (the stuck files counted as failed) and exits with an error. The stuck files come
 * last because CI shows the end of the output.
 */

/**
 * Longer than the longest test timeout in the suite (600 s; hooks have 180 s), so only a worker that cannot time
 * out trips it.
 */
const STALL_MS = Number(process.env.SALUR_TEST_STALL_MINUTES ?? 15) * 60_000;

export default class WatchdogReporter implements Reporter {
  private readonly running = new Map<string, { startedAt: number; lastEventAt: number; last: string }>();
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };
  private timer: NodeJS.Timeout | undefined;
  private reporting = false;

  onTestRunStart(): void {
    this.timer = setInterval(() => void this.check(), Math.min(15_000, STALL_MS / 4));
    this.timer.unref();
  }

  onTestModuleStart(module: TestModule): void {
    const now = Date.now();
    this.running.set(module.moduleId, { startedAt: now, lastEventAt: now, last: "loading" });
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
  }

  onTestCaseReady(test: TestCase): void {
    this.seen(test.module, `test "${test.fullName}" started`);
  }

  onTestCaseResult(test: TestCase): void {
    const state = test.result().state;
    if (state === "passed") this.counts.passed++;
    else if (state === "failed") this.counts.failed++;
    else this.counts.skipped++;
    this.seen(test.module, `test "${test.fullName}" ${state}`);
  }

  onHookStart(hook: ReportedHookContext): void {
    this.seen(moduleOf(hook), `${hook.name} started`);
  }

  onHookEnd(hook: ReportedHookContext): void {
    this.seen(moduleOf(hook), `${hook.name} ended`);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private seen(module: TestModule, what: string): void {
    const entry = this.running.get(module.moduleId);
    if (entry) Object.assign(entry, { lastEventAt: Date.now(), last: what });
  }

  private async check(): Promise<void> {
    const now = Date.now();
    const stuck = [...this.running].filter(([, entry]) => now - entry.lastEventAt > STALL_MS);
    if (stuck.length === 0 || this.reporting) return;
    this.reporting = true;
    const lines = ["\n--- processes below the test run", await processesBelow(process.pid)];
    if (process.env.TEST_DATABASE_URL)
      lines.push(
        "--- PostgreSQL sessions not idle, and locks not granted",
        await run("psql", [
          process.env.TEST_DATABASE_URL,
          "-X",
          "-c",
          "select pid, datname, state, wait_event_type, wait_event, now() - xact_start as in_transaction, left(query, 120) as query from pg_stat_activity where state is distinct from 'idle' and pid <> pg_backend_pid()",
          "-c",
          "select locktype, database, relation::regclass, mode, pid from pg_locks where not granted",
        ]),
      );
    lines.push(`!!! TEST RUN STUCK: no event for ${STALL_MS / 60_000} minutes from:`);
    for (const [id, entry] of stuck)
      lines.push(
        `  ${relative(process.cwd(), id)}: running ${Math.round((now - entry.startedAt) / 1000)} s; last event ${Math.round((now - entry.lastEventAt) / 1000)} s ago: ${entry.last}`,
      );
    const { passed, failed, skipped } = this.counts;
    lines.push(`\n${passed} passed, ${failed + stuck.length} failed, ${skipped} skipped\n`);
    process.stdout.write(lines.join("\n"));
    process.exit(1);
  }
}

function moduleOf(hook: ReportedHookContext): TestModule {
  return hook.entity.type === "module" ? hook.entity : hook.entity.module;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) =>
    execFile(command, args, { timeout: 20_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve(`${stdout}${stderr}${error ? `(${command}: ${error.message})\n` : ""}`),
    ),
  );
}

/** The process tree under `root`: what each worker runs, whether it spins (R, CPU) or waits (its kernel wait). */
async function processesBelow(root: number): Promise<string> {
  const rows = (await run("ps", ["-eo", "pid=,ppid=,etimes=,stat=,pcpu=,rss=,wchan:20=,args="]))
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [pid, ppid, ...rest] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), text: `${pid} ${rest.join(" ").slice(0, 200)}` };
    });
  const out: string[] = [];
  const walk = (pid: number, depth: number) => {
    for (const row of rows.filter((r) => r.ppid === pid && !r.text.includes(" ps -eo "))) {
      out.push(`${"  ".repeat(depth)}${row.text}`);
      walk(row.pid, depth + 1);
    }
  };
  walk(root, 0);
  return `pid elapsed-s stat cpu% rss-kB wait command\n${out.join("\n")}\n`;
}
