import { Badge } from "@mantine/core";
import { useT } from "../i18n/language.tsx";
import type { EnrollmentView, PersonView } from "./api.ts";

const NIK_COLORS: Record<PersonView["nikStatus"], string> = {
  valid: "teal",
  warning: "yellow",
  invalid: "red",
  missing: "gray",
};

export function NikStatusBadge({ status }: { status: PersonView["nikStatus"] }) {
  const t = useT();
  return (
    // Yellow text on white fails contrast; the warning badge is filled with dark text instead.
    <Badge
      color={NIK_COLORS[status]}
      variant={status === "warning" ? "filled" : "light"}
      radius="sm"
      style={{ minWidth: "max-content" }}
    >
      {t(`NIK_STATUS_${status}`)}
    </Badge>
  );
}

const ENDED = new Set(["rejected", "withdrawn", "objection_upheld", "payment_failed", "payment_returned"]);

export function EnrollmentStatusBadge({ status }: { status: EnrollmentView["status"] }) {
  const t = useT();
  const color = ENDED.has(status) ? "red" : status === "received" || status === "paid" ? "teal" : "cyan";
  return (
    <Badge color={color} variant="light" radius="sm" style={{ minWidth: "max-content" }}>
      {t(`STATUS_${status}`)}
    </Badge>
  );
}
