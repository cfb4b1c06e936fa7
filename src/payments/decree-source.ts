/**
 * The decree capability behind the payment port (src/payments/decreed.ts): a batch is paid from a decree in
 * force — status approved, amounts as its annex froze them. An id that names no Salur decree falls back to the
 * period's decreed ("approved") applications, for lists whose SK was issued on paper before Salur kept decrees.
 */
import { decreedRecipients } from "../decree/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { approvedEnrollmentsAsDecree, type DecreedRecipients } from "./decreed.ts";

export const decreeInForce: DecreedRecipients = async (tx, decreeId) => {
  if (!/^[0-9a-f-]{36}$/i.test(decreeId)) return null;
  try {
    const { decree, recipients } = await decreedRecipients(tx, decreeId);
    return {
      decree: {
        id: decree.id,
        number: decree.number ?? decree.id,
        status: decree.status,
        programId: decree.programId,
        periodId: decree.periodId,
      },
      lines: recipients.map((r) => ({
        lineNumber: r.line,
        enrollmentId: r.enrollmentId,
        personId: r.personId,
        amount: r.amount,
      })),
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === "DECREE_NOT_FOUND")
      return approvedEnrollmentsAsDecree(tx, decreeId);
    throw error;
  }
};
