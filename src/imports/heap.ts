import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. A million-row import on PGlite shares its process with the database, and V8
 * lets the old space (gigabytes by default on a large machine) fill with spent batches before it collects, which
 * pushed the process past 1 GiB; collecting every 100,000 rows keeps it bounded (BENCHMARKS.md, Import).
 * `--expose-gc` set at run time only makes `gc` reachable from a new context; it changes nothing else.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
