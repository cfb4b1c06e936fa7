import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "./index.ts";

/** Every path under `dir` (itself included) whose mode lets group or others in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

const previousUmask = process.umask();
let root: string | undefined;
afterEach(() => {
  process.umask(previousUmask);
  if (root) rmSync(root, { recursive: true, force: true });
});

it("L7: the embedded database's directory and files are created 0700/0600 even under a permissive umask", async () => {
  root = mkdtempSync(join(tmpdir(), "salur-modes-"));
  const dataDir = join(root, "data");
  // The attack: a shared laptop account where other users could read (or write) the database files.
  process.umask(0);
  const handle = await openDatabase({ kind: "pglite", dataDir });
  await handle.db.execute(sql`create table t (x int)`);
  await handle.db.execute(sql`insert into t values (1)`);
  expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  expect(statSync(join(dataDir, "pglite")).mode & 0o777).toBe(0o700);
  await handle.close();
  expect(openToOthers(dataDir)).toEqual([]);

  // Files left open by an older version are tightened at the next start.
  const reopened = await openDatabase({ kind: "pglite", dataDir });
  await reopened.close();
  expect(openToOthers(dataDir)).toEqual([]);
}, 180_000);
