/** Tasks for the worker-thread test: one that answers, one that fails. */
import { isMainThread } from "node:worker_threads";
import { onWorkerThread } from "./worker-thread.ts";

onWorkerThread<number[], { sum: number; onMainThread: boolean }>("test-sum", (numbers) => ({
  sum: numbers.reduce((a, b) => a + b, 0),
  onMainThread: isMainThread,
}));

onWorkerThread<string, never>("test-fail", (reason) => {
  throw new Error(`refused: ${reason}`);
});
