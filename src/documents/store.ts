import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import type { DocumentKind } from "./kinds.ts";
import { documentContents, documents } from "./schema.ts";

export type DocumentRow = typeof documents.$inferSelect;
type DocumentValues = Omit<typeof documents.$inferInsert, "id" | "uploadedAt" | "supersededAt">;

/** Stores a content once: the same photo uploaded twice (a retried sync) keeps its first sealed copy. */
export async function insertContent(
  db: Executor,
  values: { sha256: string; mediaType: string; size: number; sealed: Uint8Array },
): Promise<void> {
  await db.insert(documentContents).values(values).onConflictDoNothing({ target: documentContents.sha256 });
}

export async function getContent(db: Executor, sha256: string) {
  const [row] = await db.select().from(documentContents).where(eq(documentContents.sha256, sha256));
  return row ?? null;
}

/** Marks the current document of this kind (of an application, or staged for a submission) as superseded. */
export async function supersede(
  db: Executor,
  target: { enrollmentId: string } | { submissionId: string },
  kind: DocumentKind,
): Promise<DocumentRow[]> {
  const where =
    "enrollmentId" in target
      ? eq(documents.enrollmentId, target.enrollmentId)
      : and(eq(documents.submissionId, target.submissionId), isNull(documents.enrollmentId));
  return db
    .update(documents)
    .set({ supersededAt: sql`now()` })
    .where(and(where, eq(documents.kind, kind), isNull(documents.supersededAt)))
    .returning();
}

export async function insertDocument(db: Executor, values: DocumentValues): Promise<DocumentRow> {
  const [row] = await db.insert(documents).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getDocument(db: Executor, id: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

/** The current (not superseded) documents of an application, oldest kind first. */
export async function currentDocuments(db: Executor, enrollmentId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.enrollmentId, enrollmentId), isNull(documents.supersededAt)))
    .orderBy(asc(documents.uploadedAt));
}

export async function currentKindsOf(
  db: Executor,
  enrollmentIds: readonly string[],
): Promise<Map<string, DocumentKind[]>> {
  const out = new Map<string, DocumentKind[]>();
  if (enrollmentIds.length === 0) return out;
  const rows = await db
    .select({ enrollmentId: documents.enrollmentId, kind: documents.kind })
    .from(documents)
    .where(and(inArray(documents.enrollmentId, [...enrollmentIds]), isNull(documents.supersededAt)));
  for (const row of rows) {
    if (!row.enrollmentId) continue;
    out.set(row.enrollmentId, [...(out.get(row.enrollmentId) ?? []), row.kind]);
  }
  return out;
}

export async function stagedDocuments(db: Executor, submissionId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.submissionId, submissionId),
        isNull(documents.enrollmentId),
        isNull(documents.supersededAt),
      ),
    );
}

/** Attaches a submission's staged documents (uploaded by `uploadedBy`) to the application it created. */
export async function attachStaged(
  db: Executor,
  submissionId: string,
  uploadedBy: string,
  enrollmentId: string,
): Promise<DocumentRow[]> {
  return db
    .update(documents)
    .set({ enrollmentId })
    .where(
      and(
        eq(documents.submissionId, submissionId),
        eq(documents.uploadedBy, uploadedBy),
        isNull(documents.enrollmentId),
        isNull(documents.supersededAt),
      ),
    )
    .returning();
}
