import { Stack, Text, Timeline, Title } from "@mantine/core";
import { formatDateTime } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import type { HistoryEntry } from "./history.ts";
import { actionLabel, entryDetails } from "./labels.ts";

/** An application the history is grouped by: its entries appear under its program and period. */
export interface HistoryGroup {
  id: string;
  programName: string;
  periodName: string;
}

function Entries({ entries, t }: { entries: HistoryEntry[]; t: Translate }) {
  const sorted = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {sorted.map((entry) => (
        <Timeline.Item key={entry.seq} title={actionLabel(t, entry)} data-testid="history-entry">
          <Text fz="xs" c="dimmed">
            {formatDateTime(entry.at, t.language)} ·{" "}
            {entry.actor.id
              ? t("HISTORY_BY", {
                  name: entry.actor.name,
                  role: t.code(`ROLE_${entry.actor.role}`, {}, entry.actor.role),
                })
              : t("HISTORY_BY_SYSTEM")}
          </Text>
          {entryDetails(t, entry).map((line) => (
            <Text fz="sm" key={line}>
              {line}
            </Text>
          ))}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/**
 * A record's history from the audit trail, newest first, every action with a readable label. With `groups`,
 * an application's entries sit under its program and period, apart from the person's own record.
 */
export function HistoryTimeline({
  entries,
  groups,
}: {
  entries: HistoryEntry[] | undefined;
  groups?: HistoryGroup[];
}) {
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
  if (!groups) return <Entries entries={entries} t={t} />;
  const own = entries.filter((e) => e.entity !== "enrollment");
  const sections = groups
    .map((group) => ({
      group,
      entries: entries.filter((e) => e.entity === "enrollment" && e.entityId === group.id),
    }))
    .filter((s) => s.entries.length > 0);
  return (
    <Stack gap="md" data-testid="person-history">
      {sections.map(({ group, entries: list }) => (
        <section
          key={group.id}
          aria-label={t("HISTORY_APPLICATION_GROUP", {
            program: group.programName,
            period: group.periodName,
          })}
        >
          <Title order={3} fz="sm" mb={6}>
            {t("HISTORY_APPLICATION_GROUP", { program: group.programName, period: group.periodName })}
          </Title>
          <Entries entries={list} t={t} />
        </section>
      ))}
      {own.length > 0 && (
        <section aria-label={t("HISTORY_PERSON_GROUP")}>
          <Title order={3} fz="sm" mb={6}>
            {t("HISTORY_PERSON_GROUP")}
          </Title>
          <Entries entries={own} t={t} />
        </section>
      )}
    </Stack>
  );
}
