import {
  bigserial,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { enrollments, periods, programs } from "../registry/schema.ts";
import { OBJECTION_STATES, PUBLICATION_KINDS, PUBLICATION_STATES } from "./schema-codes.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A publication is an immutable snapshot: the canonical JSON and its SHA-256 are fixed when it is prepared;
 * approval only stamps who and when. A newer publication of the same period and kind supersedes, never edits.
 */
export const publications = pgTable(
  "portal_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Ordinal of publication: what other processes poll to learn that a new one is live. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    kind: text("kind", { enum: PUBLICATION_KINDS }).notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    agencyId: uuid("agency_id").notNull(),
    state: text("state", { enum: PUBLICATION_STATES }).notNull().default("prepared"),
    snapshot: text("snapshot").notNull(),
    sha256: text("sha256").notNull(),
    objectionEndsOn: date("objection_ends_on", { mode: "string" }),
    preparedBy: uuid("prepared_by").references(() => users.id),
    preparedAt: timestamp("prepared_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("portal_publications_seq_uq").on(t.seq),
    index("portal_publications_period_idx").on(t.periodId, t.kind),
  ],
);

/** Which enrollment stands behind each opaque entry of a published list: kept out of the public snapshot. */
export const publicationEntries = pgTable(
  "portal_publication_entries",
  {
    publicationId: uuid("publication_id")
      .notNull()
      .references(() => publications.id),
    ref: text("ref").notNull(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    enrollmentVersion: integer("enrollment_version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.ref] })],
);

/**
 * A public objection (sanggah) against a published person. The objector needs no account; a contact they
 * leave is sealed and never shown to the desa, so neighbours can object without fear of the village office.
 */
export const objections = pgTable(
  "portal_objections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicationId: uuid("publication_id")
      .notNull()
      .references(() => publications.id),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    agencyId: uuid("agency_id").notNull(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    reasonCode: text("reason_code").notNull(),
    reason: text("reason").notNull(),
    contactCipher: bytea("contact_cipher"),
    state: text("state", { enum: OBJECTION_STATES }).notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("portal_objections_village_idx").on(t.villageCode, t.state),
    index("portal_objections_enrollment_idx").on(t.enrollmentId),
  ],
);

/**
 * Rate-limit counters of the self-check and the objection form, in the database so that several processes
 * behind one proxy agree. The key is a keyed hash (blind index of a NIK, hash of an address), never the value.
 */
export const publicAttempts = pgTable(
  "portal_attempts",
  {
    key: text("key").notNull(),
    bucket: text("bucket").notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.bucket] }), index("portal_attempts_expiry_idx").on(t.expiresAt)],
);
