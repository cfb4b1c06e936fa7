import { boolean, customType, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { enrollments, periods, persons } from "../registry/schema.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const REGISTRATION_STATUSES = ["applied", "conflict"] as const;

/**
 * Field submissions, keyed by the id the device generated when the form was filled in: a queued submission
 * sent twice (lost reply, flaky signal) is applied once and answered the same way again. A submission that
 * met a conflicting change is kept as "conflict" so it is never silently lost.
 */
export const registrations = pgTable(
  "registrations",
  {
    submissionId: uuid("submission_id").primaryKey(),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    /** SHA-256 of the canonical payload: the same key with different data is refused, not applied twice. */
    payloadHash: text("payload_hash").notNull(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => users.id),
    /** When the form was filled in on the device (its clock); received_at is the server's. */
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    personId: uuid("person_id").references(() => persons.id),
    enrollmentId: uuid("enrollment_id").references(() => enrollments.id),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    /** Seed 000: proxies handed in papers for others; whether the applicant came is asked every time. */
    appearedInPerson: boolean("appeared_in_person").notNull(),
    presenterName: text("presenter_name"),
    presenterRelation: text("presenter_relation"),
    presenterNikCipher: bytea("presenter_nik_cipher"),
    presenterPhoneCipher: bytea("presenter_phone_cipher"),
    /** Groups one presenter's submissions: the blind index of their NIK, else of their phone, else their name. */
    presenterKey: text("presenter_key"),
    /** Ids, statuses and codes only (no personal data): what a replay answers. */
    result: jsonb("result").$type<Record<string, unknown>>(),
    conflict: jsonb("conflict").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("registrations_presenter_idx").on(t.presenterKey),
    index("registrations_village_idx").on(t.villageCode),
    index("registrations_officer_idx").on(t.officerId),
    index("registrations_status_idx").on(t.status),
  ],
);
