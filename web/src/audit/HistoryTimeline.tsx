import { Text, Timeline } from "@mantine/core";
import { formatDateTime } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import type { HistoryEntry } from "./history.ts";

/**
 * A record's history from the audit trail, newest first. Action codes are read loosely ("person.update",
 * "update") so new audit actions show up with their code rather than disappear.
 */
export function HistoryTimeline({ entries }: { entries: HistoryEntry[] | undefined }) {
  const t = useT();
  if (entries === undefined)
    return (
      <Text c="dimmed" fz="sm">
        {t("HISTORY_UNAVAILABLE")}
      </Text>
    );
  if (entries.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        {t("HISTORY_EMPTY")}
      </Text>
    );
  const sorted = [...entries].sort((a, b) => b.seq - a.seq);
  const fieldLabel = (field: string) => t.code(`FIELD_${field}`, {}, field);
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="person-history">
      {sorted.map((entry) => {
        const verb = entry.action.split(/[.:]/).pop() ?? entry.action;
        return (
          <Timeline.Item
            key={entry.seq}
            title={t.code(`ACTION_${verb}`, {}, entry.action)}
            data-testid="history-entry"
          >
            <Text fz="xs" c="dimmed">
              {formatDateTime(entry.at, t.language)} ·{" "}
              {entry.actor
                ? t("HISTORY_BY", {
                    name: entry.actor.name,
                    role: t.code(`ROLE_${entry.actor.role}`, {}, entry.actor.role),
                  })
                : t("HISTORY_BY_SYSTEM")}
            </Text>
            {verb === "update" && entry.changes.length > 0 && (
              <Text fz="sm">
                {t("HISTORY_FIELDS", { fields: entry.changes.map((c) => fieldLabel(c.field)).join(", ") })}
              </Text>
            )}
            {entry.reason && <Text fz="sm">{t("HISTORY_REASON", { reason: entry.reason })}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
