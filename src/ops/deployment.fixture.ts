/**
 * Test and drill support: a seeded deployment (PGlite data directory or a scratch PostgreSQL database), real
 * `salur serve` processes on it and a small round-robin TCP proxy in front of several of them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDemoUsers } from "../access/demo-users.ts";
import type { Config } from "../config.ts";
import type { DatabaseKind } from "../db/index.ts";
import { seedDemo } from "../demo/seed.ts";
import { openSalur } from "../runtime.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "drill-secret-of-at-least-thirty-two-characters";

export interface Deployment {
  kind: DatabaseKind;
  config: Config;
  /** The environment every server process of this deployment starts with (port aside). */
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** A seeded demo of `persons` persons and the demo officials, on its own data directory or scratch database. */
export async function seededDeployment(kind: DatabaseKind, persons: number): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-drill-"));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  const server = process.env.TEST_DATABASE_URL;
  if (kind === "postgres") {
    if (!server) throw new Error("TEST_DATABASE_URL is not set");
    dbName = `salur_drill_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config: Config = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl,
    regencyCode: "64.01",
    secret: SECRET,
    keyFile: join(dataDir, "secret.key"),
  };
  const salur = await openSalur(config);
  try {
    await seedDemo(salur, { persons });
    await ensureDemoUsers(salur);
  } finally {
    await salur.close();
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SALUR_DATA_DIR: dataDir,
    SALUR_SECRET: SECRET,
    HOST: "127.0.0.1",
    SALUR_CHECKPOINT_MINUTES: "0",
    NODE_ENV: "production",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return {
    kind,
    config,
    env,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName && server) {
        const admin = new pg.Client({ connectionString: server });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `salur serve --demo` on a free port (the demo password signs in; the database is not empty, so no seed). */
export async function startServer(deployment: Deployment, port?: number): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, [join(ROOT, "bin", "salur.js"), "serve", "--demo"], {
    cwd: ROOT,
    env: { ...deployment.env, PORT: String(listenOn) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`salur serve exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${listenOn}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`salur serve did not answer within 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port: listenOn,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** One port in front of several servers: each new connection goes to the next server in turn. */
export async function startProxy(
  ports: readonly number[],
): Promise<{ port: number; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(ports[next++ % ports.length] as number, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
