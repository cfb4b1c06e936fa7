/**
 * Test and drill support: real `salur serve` processes on a seeded database (PGlite data directory or a scratch
 * PostgreSQL database), a small round-robin TCP proxy in front of several of them, a mixed write load sent
 * over HTTP as officials send it (registrations, workflow transitions, imports, bank result files), and the
 * check that every acknowledged write is in the database once, whole, with its audit entry.
 */
import { type Deployment, freePort, startProxy, startServer } from "./deployment.fixture.ts";
import { prepareWorkload, sendWrites, type WriteOutcome, workloadTargets } from "./workload.fixture.ts";
import { checkWrites, type Findings, importsSettled } from "./write-check.fixture.ts";

export {
  type Deployment,
  freePort,
  type ServerProcess,
  seededDeployment,
  startProxy,
  startServer,
} from "./deployment.fixture.ts";
export {
  answersOf,
  type HttpSession,
  prepareWorkload,
  sendWrites,
  signInOver,
  type Targets,
  type Workload,
  type WriteKind,
  type WriteOutcome,
  workloadTargets,
} from "./workload.fixture.ts";
export { checkWrites, type Findings, importsSettled } from "./write-check.fixture.ts";

export interface ClusterRun {
  findings: Findings;
  outcomes: WriteOutcome[];
  seconds: number;
  /** What each server wrote to its log. */
  logs: string[];
}

/**
 * Two `salur serve` processes on one PostgreSQL database behind one proxy port, `total` mixed writes sent
 * `concurrency` at a time through the proxy; then the servers stop and the database is checked.
 */
export async function twoProcessRun(
  deployment: Deployment,
  total: number,
  concurrency: number,
): Promise<ClusterRun> {
  const targets = await workloadTargets(deployment);
  const servers = [await startServer(deployment), await startServer(deployment)];
  const proxy = await startProxy(servers.map((s) => s.port));
  try {
    const baseUrl = `http://127.0.0.1:${proxy.port}`;
    const workload = await prepareWorkload(baseUrl, targets);
    const started = performance.now();
    const outcomes = await sendWrites(() => baseUrl, workload, total, concurrency);
    await importsSettled(baseUrl, workload, outcomes);
    const seconds = (performance.now() - started) / 1000;
    await proxy.close();
    for (const server of servers) await server.stop();
    const findings = await checkWrites(deployment, outcomes);
    return { findings, outcomes, seconds, logs: servers.map((s) => s.output()) };
  } finally {
    await proxy.close().catch(() => {});
    for (const server of servers) await server.stop();
  }
}

/**
 * Where a log holds personal data: each value found (a name, a NIK, KK or phone number — also with its digits
 * split by spaces, dots or dashes as people type them) with the line it is on.
 */
export function personalDataIn(log: string, values: readonly string[]): { value: string; line: string }[] {
  const hits: { value: string; line: string }[] = [];
  const lines = log.split("\n");
  const digitsOnly = lines.map((line) => line.replace(/[\s.-]/g, ""));
  const lower = lines.map((line) => line.toLowerCase());
  for (const value of new Set(values)) {
    const digits = /^\+?\d[\d\s.-]*$/.test(value) ? value.replace(/\D/g, "") : null;
    lines.forEach((line, i) => {
      const found =
        digits && digits.length >= 8
          ? (digitsOnly[i] as string).includes(digits)
          : (lower[i] as string).includes(value.toLowerCase());
      if (found) hits.push({ value, line });
    });
  }
  return hits;
}

export interface CrashRun {
  findings: Findings;
  outcomes: WriteOutcome[];
  kills: number;
}

/**
 * One server under a mixed write load, killed with SIGKILL `kills` times at a random moment of each round and
 * started again on the same port; then every write is checked.
 */
export async function crashRun(
  deployment: Deployment,
  kills: number,
  writesPerRound: number,
  concurrency: number,
): Promise<CrashRun> {
  const targets = await workloadTargets(deployment);
  const port = await freePort();
  let server = await startServer(deployment, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const outcomes: WriteOutcome[] = [];
  try {
    const workload = await prepareWorkload(baseUrl, targets);
    let seed = 1;
    for (let round = 0; round < kills; round++) {
      // The kill falls after a varying number of acknowledged writes, never at a fixed time: on a loaded
      // machine a timer could fire before the first answer, and then nothing would be tested.
      seed = (seed * 48271) % 2147483647;
      const killAfter = 1 + (seed % Math.max(1, Math.floor(writesPerRound / 2)));
      let answered = 0;
      let reached: () => void = () => {};
      const enough = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const sending = sendWrites(
        () => baseUrl,
        workload,
        writesPerRound,
        concurrency,
        round * writesPerRound,
        (outcome) => {
          if (outcome.acknowledged && ++answered >= killAfter) reached();
        },
      );
      await Promise.race([enough, sending]);
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      server.child.kill("SIGKILL");
      await exited;
      outcomes.push(...(await sending));
      server = await startServer(deployment, port);
    }
    // Imports acknowledged before a kill are queued again at start and finish now.
    await importsSettled(baseUrl, workload, outcomes);
    await server.stop();
    return { findings: await checkWrites(deployment, outcomes, { crashes: true }), outcomes, kills };
  } finally {
    await server.stop();
  }
}
