/**
 * Long pure computations (linking a whole list with the overlap engine) run on a worker thread, so the server
 * keeps answering while they run: on the embedded database the main thread is also the database's, and a
 * 20-second computation there is a 20-second wait for every request.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * The code a worker evaluates to load the module at `moduleUrl` again inside itself, through tsx when running
 * from source (the module then finds its role in `workerData`).
 */
export function workerBootstrap(moduleUrl: string): string {
  const tsx = moduleUrl.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;
  return `(async () => {
    ${tsx ? `(await import(${JSON.stringify(tsx)})).register();` : ""}
    await import(${JSON.stringify(moduleUrl)});
  })().catch((error) => { console.error(error); process.exit(1); });`;
}

interface TaskData<I> {
  role: string;
  input: I;
}

/**
 * Runs the task the module at `moduleUrl` registered under `role` (`onWorkerThread`) on a new worker thread,
 * with `input` (structured-cloned both ways), and resolves with its answer.
 */
export function runOnWorkerThread<I, O>(moduleUrl: string, role: string, input: I): Promise<O> {
  const worker = new Worker(workerBootstrap(moduleUrl), {
    eval: true,
    workerData: { role, input } satisfies TaskData<I>,
  });
  return new Promise<O>((resolve, reject) => {
    let answered = false;
    worker.once(
      "message",
      (message: { ok: true; output: O } | { ok: false; message: string; stack?: string }) => {
        answered = true;
        if (message.ok) resolve(message.output);
        else {
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          reject(error);
        }
      },
    );
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered)
        reject(new Error(`worker thread "${role}" stopped without an answer (exit code ${code})`));
    });
  }).finally(() => worker.terminate());
}

/** Registers `task` for `role`: on the worker thread started for it, computes the answer and posts it back. */
export function onWorkerThread<I, O>(role: string, task: (input: I) => O): void {
  const data = workerData as Partial<TaskData<I>> | null;
  if (isMainThread || !parentPort || data?.role !== role) return;
  const port = parentPort;
  try {
    port.postMessage({ ok: true, output: task(data.input as I) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ ok: false, message: e.message, stack: e.stack });
  }
}
