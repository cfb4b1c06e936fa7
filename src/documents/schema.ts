import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { enrollments } from "../registry/schema.ts";
import { DOCUMENT_KINDS } from "./kinds.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * Photo contents, once per distinct image, sealed with AES-256-GCM: a KTP or KK photo shows the NIK and KK in
 * the clear (UU 27/2022). In the database rather than the data directory so that several stateless Salur
 * processes behind one PostgreSQL see the same files, and one backup holds everything.
 */
export const documentContents = pgTable("document_contents", {
  /** SHA-256 (hex) of the stored image, after its metadata was stripped. */
  sha256: text("sha256").primaryKey(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  sealed: bytea("sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One document of an application. Staged documents arrive from an offline device before their registration
 * (submission_id set, enrollment_id null) and are attached when it is applied. A newer photo of the same kind
 * supersedes the older one, which is kept for the record.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrollmentId: uuid("enrollment_id").references(() => enrollments.id),
    submissionId: uuid("submission_id"),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    sha256: text("sha256")
      .notNull()
      .references(() => documentContents.sha256),
    /** SHA-256 of the file as the phone sent it, before stripping: ties the record to the original if it surfaces. */
    originalSha256: text("original_sha256").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    /** The metadata segments removed (APP1, tEXt, trailer …). */
    removedMetadata: jsonb("removed_metadata").$type<string[]>().notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    index("documents_enrollment_idx").on(t.enrollmentId),
    index("documents_submission_idx").on(t.submissionId),
    index("documents_sha256_idx").on(t.sha256),
    uniqueIndex("documents_current_kind_uq")
      .on(t.enrollmentId, t.kind)
      .where(sql`${t.supersededAt} is null and ${t.enrollmentId} is not null`),
    uniqueIndex("documents_staged_kind_uq")
      .on(t.submissionId, t.kind)
      .where(sql`${t.supersededAt} is null and ${t.enrollmentId} is null`),
  ],
);
