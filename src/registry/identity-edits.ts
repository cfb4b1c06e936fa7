import { asc, eq } from "drizzle-orm";
import { type Actor, sees } from "../access/actor.ts";
import { recordDuty } from "../access/maker-checker.ts";
import type { Json } from "../audit/entry.ts";
import type { Executor } from "../db/index.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import type { ENROLLMENT_STATUSES } from "./codes.ts";
import { enrollments } from "./schema.ts";
import * as store from "./store.ts";

/**
 * What decides who a person is, where they belong and how they rank: once an application of theirs has been
 * verified, changing any of these would change what the verifier, the agency and the approver decided on
 * (a renamed person with a new NIK is how a ghost recipient is made). ARCHITECTURE.md, "Identity edits".
 */
type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const GUARDED_PERSON_FIELDS: readonly string[] = [
  "name",
  "nik",
  "kk",
  "sex",
  "birthDate",
  "phone",
  "householdId",
  "householdRole",
  "villageCode",
  "rt",
  "occupation",
  "education",
  "employment",
  "monthlyIncome",
  "maritalStatus",
  "houseCondition",
  "health",
  "dependants",
  "children",
];

/** Identity, contact and income: a change to any of them must say why, whoever makes it and whenever. */
export const REASON_REQUIRED_FIELDS: readonly string[] = [
  "name",
  "nik",
  "kk",
  "sex",
  "birthDate",
  "phone",
  "householdId",
  "monthlyIncome",
];

/**
 * From verification on, someone other than the registrar has vouched for the facts: they are locked until the
 * application is returned for correction (verified → submitted) or ends. Paid stays locked because a payment
 * can still come back; received, rejected, withdrawn, upheld and returned applications hold nothing.
 */
export const LOCKING_STATUSES: readonly EnrollmentStatus[] = [
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
  "paid",
  "payment_failed",
];

/** Applications whose facts an edit changes while they are still open: named in the audit entry. */
const OPEN_STATUSES: readonly EnrollmentStatus[] = ["draft", "submitted"];

export interface TouchedEnrollment {
  id: string;
  status: EnrollmentStatus;
}

/**
 * Checks an edit of a person's record (the changed field names) before it is written, in the writer's
 * transaction: the reason where one is required, the lock from verification on, and the maker-checker duty.
 * Whoever changes the facts of a submitted application performs the maker's half ("register") on it, so the
 * same person cannot verify it after (M3). Returns the open applications the edit touched, for the audit entry.
 * The person's applications are locked FOR UPDATE so a verification cannot slip in between check and write.
 */
export async function guardPersonEdit(
  tx: Executor,
  actor: Actor,
  personId: string,
  changed: readonly string[],
  reason: string | null | undefined,
  reasonField = "reason",
): Promise<TouchedEnrollment[]> {
  const guarded = changed.filter((field) => GUARDED_PERSON_FIELDS.includes(field));
  if (!reason?.trim() && changed.some((field) => REASON_REQUIRED_FIELDS.includes(field))) {
    throw new ValidationFailed([{ field: reasonField, code: "REASON_REQUIRED" }]);
  }
  if (guarded.length === 0) return [];
  const held = await tx
    .select({ id: enrollments.id, status: enrollments.status })
    .from(enrollments)
    .where(eq(enrollments.personId, personId))
    .orderBy(asc(enrollments.createdAt))
    .for("update");
  const locking = held.filter((e) => LOCKING_STATUSES.includes(e.status));
  if (locking.length > 0) {
    throw new DomainError(
      "PERSON_IDENTITY_LOCKED",
      {
        fields: guarded.join(", "),
        enrollments: locking.map((e) => e.id).join(", "),
        statuses: [...new Set(locking.map((e) => e.status))].join(", "),
      },
      409,
    );
  }
  const open = held.filter((e) => OPEN_STATUSES.includes(e.status));
  const submitted = open.filter((e) => e.status === "submitted").map((e) => e.id);
  await recordDuty(tx, { duty: "register", entity: "enrollment", entityIds: submitted, actor });
  return open;
}

/** The audit entry's list of the applications an identity edit touched. */
export function touchedRecord(touched: readonly TouchedEnrollment[]): Record<string, Json> {
  return touched.length === 0
    ? {}
    : { enrollments: touched.map((e) => ({ id: e.id, status: e.status })) as unknown as Json };
}

/**
 * A person may join only a household the caller can see, in the person's own desa: moving someone into
 * another area's KK would hand them (and the KK's "one recipient per family" count) to another village.
 * A household that does not exist is the same answer as one out of sight, so ids cannot be probed.
 */
export async function assertHouseholdFits(
  tx: Executor,
  actor: Actor,
  householdId: string | null | undefined,
  villageCode: string,
): Promise<void> {
  if (!householdId) return;
  const household = await store.getHousehold(tx, householdId);
  if (!household || !sees(actor, { code: household.villageCode, rt: household.rt })) {
    throw new DomainError("HOUSEHOLD_NOT_FOUND", { id: householdId }, 404);
  }
  if (household.villageCode !== villageCode) {
    throw new ValidationFailed([
      { field: "householdId", code: "HOUSEHOLD_OTHER_VILLAGE", params: { village: household.villageCode } },
    ]);
  }
}
