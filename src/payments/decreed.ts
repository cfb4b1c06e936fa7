/**
 * Where a batch's recipients come from: the decree. The payment capability depends only on this narrow port;
 * the decree capability implements it at wiring (see paymentsOf). Until then the decreed list of a program
 * period is its enrollments in the workflow status "approved" — the decreed status — with the program's amount
 * per recipient, and the decree id is the period's id.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { enrollments, periods, persons, programs } from "../registry/schema.ts";

export interface DecreedList {
  decree: {
    id: string;
    number: string;
    status: "approved" | string;
    programId: string;
    periodId: string;
  };
  lines: { lineNumber: number; enrollmentId: string; personId: string; amount: number }[];
}

/** The approved decree `decreeId` and its lines; null when there is no such decree. */
export type DecreedRecipients = (tx: Executor, decreeId: string) => Promise<DecreedList | null>;

export const approvedEnrollmentsAsDecree: DecreedRecipients = async (tx, decreeId) => {
  if (!/^[0-9a-f-]{36}$/i.test(decreeId)) return null;
  const [period] = await tx
    .select({
      id: periods.id,
      name: periods.name,
      programId: periods.programId,
      amount: programs.amountPerRecipient,
      code: programs.code,
    })
    .from(periods)
    .innerJoin(programs, eq(programs.id, periods.programId))
    .where(eq(periods.id, decreeId));
  if (!period) return null;
  const rows = await tx
    .select({ enrollmentId: enrollments.id, personId: enrollments.personId })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .where(and(eq(enrollments.periodId, period.id), eq(enrollments.status, "approved")))
    .orderBy(asc(enrollments.villageCode), asc(persons.nameSearch), asc(enrollments.id));
  return {
    decree: {
      id: period.id,
      number: `${period.code}/${period.name}`,
      status: "approved",
      programId: period.programId,
      periodId: period.id,
    },
    lines: rows.map((r, i) => ({
      lineNumber: i + 1,
      enrollmentId: r.enrollmentId,
      personId: r.personId,
      amount: period.amount,
    })),
  };
};
