import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { type ImportRow, importStaging, imports } from "./schema.ts";

/**
 * The staging table of an apply and the look-up that keeps two tries of one list from both publishing
 * (src/imports/apply.ts, stageApply and publishStaged).
 */
export type StagedTarget = "persons" | "enrollments";

export async function stageChunk(
  db: Executor,
  importId: string,
  chunk: number,
  target: StagedTarget,
  payloads: readonly string[],
): Promise<void> {
  if (payloads.length === 0) return;
  await db.insert(importStaging).values({ importId, chunk, target, payloads: [...payloads] });
}

export async function stagedChunk(
  db: Executor,
  importId: string,
  chunk: number,
): Promise<Record<StagedTarget, string[]>> {
  const rows = await db
    .select({ target: importStaging.target, payloads: importStaging.payloads })
    .from(importStaging)
    .where(and(eq(importStaging.importId, importId), eq(importStaging.chunk, chunk)));
  return {
    persons: rows.find((r) => r.target === "persons")?.payloads ?? [],
    enrollments: rows.find((r) => r.target === "enrollments")?.payloads ?? [],
  };
}

export async function dropStaged(db: Executor, importId: string, chunk?: number): Promise<void> {
  await db
    .delete(importStaging)
    .where(
      chunk === undefined
        ? eq(importStaging.importId, importId)
        : and(eq(importStaging.importId, importId), eq(importStaging.chunk, chunk)),
    );
}

/** Another import of the same file and target that is applied, or already publishing (past its point of no return). */
export async function findRivalImport(
  db: Executor,
  importId: string,
  contentHash: string,
  targetKey: string,
): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.contentHash, contentHash),
        eq(imports.targetKey, targetKey),
        sql`${imports.id} <> ${importId}`,
        sql`(${imports.state} = 'applied' or (${imports.state} = 'running' and ${imports.stagedChunks} is not null))`,
      ),
    )
    .limit(1);
  return row ?? null;
}
