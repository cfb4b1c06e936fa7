import { type ChildProcess, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { ensureDemoUsers } from "../../src/access/index.ts";
import { openTestDatabase, testConfig } from "../../src/db/testing.ts";
import { DEMO_TODAY, seedDemo } from "../../src/demo/seed.ts";
import { buildServer } from "../../src/http/server.ts";
import { openSalur, type Salur } from "../../src/runtime.ts";
import { launchChromium, signedInPage } from "./browser.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB = join(ROOT, "web");
const DIST_INDEX = join(WEB, "dist", "index.html");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function webBuildStale(): boolean {
  return (
    !existsSync(DIST_INDEX) ||
    statSync(DIST_INDEX).mtimeMs <
      Math.max(
        newestMtime(join(WEB, "src")),
        newestMtime(join(WEB, "public")),
        newestMtime(join(WEB, "build")),
        statSync(join(WEB, "index.html")).mtimeMs,
      )
  );
}

/** Browser test files run in parallel processes: a lock directory lets one do shared work while others wait. */
async function withLock(name: string, work: () => Promise<void>): Promise<void> {
  const lock = join(tmpdir(), `salur-${name}-${Buffer.from(ROOT).toString("hex").slice(-16)}.lock`);
  const deadline = Date.now() + 900_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build could take was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 900_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 15 minutes for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds web/dist when it is missing or older than the web sources, so the suite never tests a stale build. */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildStale()) return;
  await withLock("web-build", async () => {
    // A child process, because vitest sets NODE_ENV=test, which would bundle React's development build.
    if (webBuildStale()) {
      await run(
        process.execPath,
        [
          join(ROOT, "node_modules", "vite", "bin", "vite.js"),
          "build",
          "--config",
          join(WEB, "vite.config.ts"),
          "--logLevel",
          "warn",
        ],
        { ...process.env, NODE_ENV: "production" },
        180_000,
      );
    }
  });
}

/**
 * Seeding 20,000 persons takes a while; it is done once, with the real `salur seed --demo`, into a template
 * data directory that every browser suite copies. The template is remade when the server sources change.
 */
const DEMO_TEMPLATE = join(tmpdir(), `salur-e2e-demo-${Buffer.from(ROOT).toString("hex").slice(-16)}`);
const demoTemplateStale = () =>
  !existsSync(join(DEMO_TEMPLATE, "ready")) ||
  statSync(join(DEMO_TEMPLATE, "ready")).mtimeMs <
    Math.max(newestMtime(join(ROOT, "src")), newestMtime(join(ROOT, "drizzle")));

async function ensureDemoTemplate(): Promise<void> {
  if (!demoTemplateStale()) return;
  await withLock("demo-template", async () => {
    if (!demoTemplateStale()) return;
    rmSync(DEMO_TEMPLATE, { recursive: true, force: true });
    await run(
      process.execPath,
      [join(ROOT, "bin", "salur.js"), "seed", "--demo"],
      { ...process.env, SALUR_DATA_DIR: DEMO_TEMPLATE },
      // Seeding 20,000 persons takes about a minute on an idle machine and far longer on a shared, loaded one.
      900_000,
    );
    writeFileSync(join(DEMO_TEMPLATE, "ready"), "");
  });
}

async function freePort(): Promise<number> {
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

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`));
    });
  });
}

export interface RunningSalur {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real Salur on its own copy of the seeded demo (20,000 persons of Kabupaten Paser and the demo
 * officials), started with `salur serve --demo` on a free port, exactly as an officer would start it.
 */
export async function startSalur(): Promise<RunningSalur> {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-e2e-"));
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const running = child;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (running.exitCode === null) running.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const env = { ...process.env, SALUR_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };
    const salur = join(ROOT, "bin", "salur.js");
    await ensureDemoTemplate();
    cpSync(DEMO_TEMPLATE, dataDir, { recursive: true });

    const server = spawn(process.execPath, [salur, "serve", "--demo"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = server;
    let log = "";
    server.stdout?.on("data", (chunk) => (log += chunk));
    server.stderr?.on("data", (chunk) => (log += chunk));
    const baseUrl = `http://127.0.0.1:${port}`;
    // The shared machine may be loaded: a 20,000-person demo can take minutes to open there.
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`salur serve exited with ${server.exitCode}:\n${log}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`salur serve did not answer within 180 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { baseUrl, dataDir, stop };
  } catch (error) {
    // A failed start leaves no server running and no scratch database behind.
    await stop();
    throw error;
  }
}

export interface InProcessSalur {
  salur: Salur;
  baseUrl: string;
  /** A page signed in as a demo user, in a browser context of its own that `close` closes. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Salur in the test's own process, on a fresh embedded database seeded with a demo of `persons` persons and the
 * demo officials, serving the built web app on a free port, with a Chromium to visit it: for suites that also
 * read and prepare data directly.
 */
export async function startSalurInProcess(persons: number): Promise<InProcessSalur> {
  await ensureWebBuilt();
  const config = testConfig();
  const salur = await openSalur(config, {
    database: await openTestDatabase("pglite"),
    today: () => DEMO_TODAY,
    demo: true,
  });
  await seedDemo(salur, { persons });
  await ensureDemoUsers(salur);
  const app = await buildServer(salur);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    salur,
    baseUrl,
    signedIn: (username, viewport) => signedInPage(browser, baseUrl, username, { contexts, viewport }),
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
      await salur.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
