import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { regions } from "../regions/schema.ts";
import { agencies } from "../registry/schema.ts";
import { ROLES } from "./roles.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Officials' accounts. The area is a Kemendagri code (regency, kecamatan or desa) plus an RT for RT heads; the
 * agency scopes a program manager to their Dinas. Passwords are argon2id hashes only.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-case; what people type at login. */
    username: text("username").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    areaCode: text("area_code")
      .notNull()
      .references(() => regions.code),
    areaRt: text("area_rt"),
    agencyId: uuid("agency_id").references(() => agencies.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /** A demo account (published password): the web app shows a banner while any is active. */
    demo: boolean("demo").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username), index("users_area_idx").on(t.areaCode)],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy of the
 * database does not let anyone sign in as an official.
 */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    address: text("address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Scoped API tokens for machine clients (a bank integration): they act as a user, limited to `scopes`. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Failed-login counters, per account ("account:<username>") and per address ("address:<ip>"). */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Who performed which duty on which object: the record maker-checker is enforced against. Written in the
 * transaction that performs the duty, next to its audit entry.
 */
export const duties = pgTable(
  "duties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    duty: text("duty").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    performedAt: timestamp("performed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("duties_object_idx").on(t.entity, t.entityId)],
);
