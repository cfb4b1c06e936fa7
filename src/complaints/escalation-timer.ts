import { type Complaints, runEscalations } from "./service.ts";

export interface EscalationTimer {
  stop(): Promise<void>;
}

/**
 * Runs the automatic escalation every `everyMs` (the clock is the Complaints' own, so tests pass a moved one to
 * runEscalations directly). A run never overlaps the previous one; a failure is reported and the next tick
 * tries again.
 */
export function startEscalationTimer(
  c: Complaints,
  options: { everyMs: number; onError: (error: unknown) => void },
): EscalationTimer {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runEscalations(c)
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
