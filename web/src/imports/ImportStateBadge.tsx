import { Badge } from "@mantine/core";
import { useT } from "../i18n/language.tsx";
import type { ImportState } from "./import-api.ts";

const COLORS: Record<ImportState, string> = {
  queued: "gray",
  running: "blue",
  checked: "cyan",
  applied: "teal",
  rejected: "red",
  duplicate: "yellow",
  failed: "red",
  cancelled: "gray",
};

/** `counted`: the badge tests and scripts find (a row shows a second, phone-only copy that is not). */
export function ImportStateBadge({ state, counted = true }: { state: ImportState; counted?: boolean }) {
  const t = useT();
  return (
    // Yellow text on white fails contrast; the duplicate badge is filled with dark text instead.
    <Badge
      color={COLORS[state]}
      variant={state === "duplicate" ? "filled" : "light"}
      radius="sm"
      style={{ minWidth: "max-content" }}
      data-testid={counted ? "import-state" : undefined}
      data-state={state}
    >
      {t(`IMPORT_STATE_${state}`)}
    </Badge>
  );
}
