import { isMainThread } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { runOnWorkerThread } from "./worker-thread.ts";

const FIXTURE = new URL("./worker-thread.fixture.ts", import.meta.url).href;

describe("work on a worker thread", () => {
  it("answers with the task's result, computed off the main thread", async () => {
    expect(isMainThread).toBe(true);
    await expect(runOnWorkerThread(FIXTURE, "test-sum", [1, 2, 3, 4])).resolves.toEqual({
      sum: 10,
      onMainThread: false,
    });
  });

  it("rejects with the task's own error", async () => {
    await expect(runOnWorkerThread(FIXTURE, "test-fail", "no")).rejects.toThrow("refused: no");
  });

  it("rejects when no task of that role answers, instead of waiting for ever", async () => {
    await expect(runOnWorkerThread(FIXTURE, "no-such-role", null)).rejects.toThrow(/without an answer/);
  });
});
