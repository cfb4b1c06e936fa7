/**
 * Runs `prepareImport` on a worker thread: parsing, checking and sealing (CPU) overlap with the database
 * loading the previous batch. The worker waits for credits from the main thread, so at most a few batches
 * are in flight and memory stays bounded whatever the file's size.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { DomainError } from "../i18n/domain-error.ts";
import { workerBootstrap } from "../jobs/worker-thread.ts";
import { loadMasterSecret } from "../privacy/master-secret.ts";
import { fileSealingKey } from "../privacy/sealed-file.ts";
import { createVault } from "../privacy/vault.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { FileRejected } from "./limits.ts";
import { type PrepareEvent, type PrepareSettings, prepareImport } from "./prepare.ts";
import { UPLOAD_SEALING, uploadSource } from "./uploads.ts";
import { createVillageResolver } from "./villages.ts";

const WORKER_ROLE = "salur-import-prepare";
/** Batches the worker may run ahead of the database. */
const CREDITS = 3;

export interface WorkerInput {
  path: string;
  /** Heap of the worker: a CSV needs little; an XLSX keeps its shared strings in memory (exceljs). */
  heapMb: number;
  size: number;
  settings: PrepareSettings;
  secret: string | undefined;
  keyFile: string;
  regencyCode: string;
}

type WorkerMessage =
  | { kind: "event"; event: PrepareEvent }
  | { kind: "rejected"; code: string; row: number; column: number; params: Record<string, string | number> }
  | { kind: "domain"; code: string; params: Record<string, string | number>; status: number }
  | { kind: "failed"; message: string; stack: string | undefined };

/** Events of `prepareImport` computed on a worker thread, in order, with backpressure. */
export async function* prepareInWorker(input: WorkerInput): AsyncGenerator<PrepareEvent> {
  // A bounded heap makes the worker collect its garbage (a million rows' worth of strings) as it goes.
  const worker = new Worker(workerBootstrap(import.meta.url), {
    eval: true,
    workerData: { role: WORKER_ROLE, input },
    resourceLimits: { maxOldGenerationSizeMb: input.heapMb },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let exited: Error | null = null;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on("message", push);
  worker.on("error", (error) => {
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
      push({
        kind: "domain",
        code: "IMPORT_TOO_LARGE_FOR_MEMORY",
        params: { heapMb: input.heapMb },
        status: 422,
      });
    } else push({ kind: "failed", message: error.message, stack: error.stack });
  });
  worker.on("exit", (code) => {
    exited = new Error(`import worker stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (exited) throw exited;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      if (message.kind === "rejected")
        throw new FileRejected(message.code, message.row, message.column, message.params);
      if (message.kind === "domain") throw new DomainError(message.code, message.params, message.status);
      if (message.kind === "failed") {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        throw error;
      }
      yield message.event;
      if (message.event.type === "end") return;
      worker.postMessage("credit");
    }
  } finally {
    await worker.terminate();
  }
}

async function runInWorker(input: WorkerInput): Promise<void> {
  const port = parentPort;
  if (!port) return;
  let credits = CREDITS;
  let waiting: (() => void) | null = null;
  port.on("message", () => {
    credits++;
    waiting?.();
  });
  try {
    const regions = loadRegionCatalog();
    const vault = createVault(loadMasterSecret({ secret: input.secret, keyFile: input.keyFile }));
    const env = { vault, regions, regencyCode: input.regencyCode, today: () => input.settings.today };
    const villages = createVillageResolver(regions, input.regencyCode);
    const source = uploadSource(input.path, input.size, fileSealingKey(vault, UPLOAD_SEALING));
    for await (const event of prepareImport(source, input.settings, {
      env,
      villages,
    })) {
      while (credits === 0) {
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
        waiting = null;
      }
      credits--;
      port.postMessage({ kind: "event", event } satisfies WorkerMessage);
    }
  } catch (error) {
    if (error instanceof FileRejected) {
      const { row, column, ...params } = error.params as Record<string, string | number>;
      port.postMessage({
        kind: "rejected",
        code: error.code,
        row: error.row,
        column: error.column,
        params,
      } satisfies WorkerMessage);
    } else if (error instanceof DomainError) {
      port.postMessage({
        kind: "domain",
        code: error.code,
        params: error.params as Record<string, string | number>,
        status: error.status,
      } satisfies WorkerMessage);
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ kind: "failed", message: e.message, stack: e.stack } satisfies WorkerMessage);
    }
  }
  port.close();
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  void runInWorker((workerData as { input: WorkerInput }).input);
}
