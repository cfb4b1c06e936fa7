import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  doublePrecision,
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
import { documentContents } from "../documents/schema.ts";
import { persons, programs } from "../registry/schema.ts";
import type { SlaTarget } from "./sla.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * One complaint (pengaduan). The complainant's name and phone are sealed (AES-256-GCM) and opened only for the
 * handling unit, each read audited; the phone's blind index counts complaints per phone for the abuse limit.
 * `text_hash` (SHA-256 of the normalised text) finds the same complaint sent twice from the same desa.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    category: text("category").notNull(),
    channel: text("channel").notNull(),
    stage: text("stage").notNull().default("new"),
    level: text("level").notNull(),
    sensitive: boolean("sensitive").notNull(),
    villageCode: text("village_code"),
    districtCode: text("district_code"),
    programId: uuid("program_id").references(() => programs.id),
    personId: uuid("person_id").references(() => persons.id),
    /** A decree or payment reference as the complainant wrote it. */
    reference: text("reference"),
    laporNumber: text("lapor_number"),
    description: text("description").notNull(),
    textHash: text("text_hash").notNull(),
    anonymous: boolean("anonymous").notNull(),
    /** The complainant agreed that handlers see their name and phone without a separate, audited reveal. */
    identityConsent: boolean("identity_consent").notNull().default(false),
    nameCipher: bytea("name_cipher"),
    phoneCipher: bytea("phone_cipher"),
    phoneIndex: bytea("phone_index"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    escalatedFor: jsonb("escalated_for").$type<SlaTarget[]>().notNull().default([]),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Working days the SLA clock stood still in finished waits for the complainant's answer. */
    slaPausedDays: doublePrecision("sla_paused_days").notNull().default(0),
    /** When the current wait for the complainant began (the clock stands still until the answer). */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("complaints_code").on(t.code),
    index("complaints_duplicate").on(t.textHash, t.villageCode, t.receivedAt),
    index("complaints_phone").on(t.phoneIndex, t.receivedAt),
    index("complaints_area").on(t.districtCode, t.villageCode, t.stage),
    index("complaints_open").on(t.receivedAt).where(sql`stage not in ('resolved', 'closed')`),
  ],
);

/** Every step of a complaint, with its reason and the reply the complainant reads (public_reply). */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    action: text("action").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    level: text("level").notNull(),
    reason: text("reason"),
    publicReply: text("public_reply"),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("complaint_events_complaint").on(t.complaintId, t.at)],
);

/** Photos sent with a complaint; the contents are the documents' sealed, metadata-stripped images. */
/**
 * The regency's SLA settings as the agency admin last saved them (one row; absent until first saved, then the
 * code's defaults apply). The holiday table stays in code: it is a maintained data package, not a preference.
 */
export const complaintSettings = pgTable("complaint_settings", {
  id: text("id").primaryKey(),
  acknowledgeDays: integer("acknowledge_days").notNull(),
  triageDays: integer("triage_days").notNull(),
  resolvePaymentDays: integer("resolve_payment_days").notNull(),
  resolveOtherDays: integer("resolve_other_days").notNull(),
  escalateAt: doublePrecision("escalate_at").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

/**
 * Published complaint statistics: what the public statistics page shows, computed once when an official
 * publishes (already suppressed, k ≥ 5), hashed and never edited; a newer one supersedes it.
 */
export const complaintStatisticsPublications = pgTable("complaint_statistics_publications", {
  id: uuid("id").primaryKey().defaultRandom(),
  snapshot: text("snapshot").notNull(),
  sha256: text("sha256").notNull(),
  publishedBy: uuid("published_by").references(() => users.id),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

export const complaintPhotos = pgTable(
  "complaint_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    sha256: text("sha256")
      .notNull()
      .references(() => documentContents.sha256),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("complaint_photos_complaint").on(t.complaintId)],
);
