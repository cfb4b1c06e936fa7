import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { DateField } from "../ui/DateField.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type OverlapLevel, useViolations, type ViolationWindow, violationsExportUrl } from "./api.ts";
import { EnrollmentLines } from "./CandidatesPanel.tsx";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rapat koordinasi's agenda: who receives programs that may not be combined, across agencies. */
export function ViolationsReport() {
  const t = useT();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [periodId, setPeriodId] = useState("");
  const [level, setLevel] = useState<"" | OverlapLevel>("");
  const periods = usePeriods();
  const programs = usePrograms();
  const programName = useMemo(
    () => new Map((programs.data ?? []).map((p) => [p.id, p.code])),
    [programs.data],
  );
  // A half-typed date is not sent: the server would rightly reject it.
  const window = useMemo<ViolationWindow>(
    () =>
      periodId ? { periodId } : { ...(DATE.test(from) ? { from } : {}), ...(DATE.test(to) ? { to } : {}) },
    [from, to, periodId],
  );
  const [debounced] = useDebouncedValue(window, 300);
  const report = useViolations(debounced);
  const shown = (report.data?.violations ?? []).filter((v) => !level || v.level === level);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t("MATCH_VIOLATIONS_PERIOD")}
          value={periodId}
          onChange={(e) => setPeriodId(e.currentTarget.value)}
          data={[
            { value: "", label: t("MATCH_VIOLATIONS_ALL_PERIODS") },
            ...(periods.data ?? []).map((p) => ({
              value: p.id,
              label: `${programName.get(p.programId) ?? ""} ${p.name}`.trim(),
            })),
          ]}
        />
        <DateField
          label={t("MATCH_VIOLATIONS_FROM")}
          value={from}
          onChange={(v) => setFrom(v)}
          disabled={Boolean(periodId)}
        />
        <DateField
          label={t("MATCH_VIOLATIONS_TO")}
          value={to}
          onChange={(v) => setTo(v)}
          disabled={Boolean(periodId)}
        />
        <NativeSelect
          label={t("MATCH_VIOLATIONS_LEVEL")}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as "" | OverlapLevel)}
          data={[
            { value: "", label: t("MATCH_VIOLATIONS_ALL_LEVELS") },
            { value: "person", label: t("MATCH_LEVEL_person") },
            { value: "household", label: t("MATCH_LEVEL_household") },
          ]}
        />
      </SimpleGrid>
      <Group justify="space-between" gap="xs">
        {report.data ? (
          <Text fz="sm" data-testid="violations-count">
            {t("MATCH_VIOLATIONS_COUNT", {
              total: formatNumber(report.data.total, t.language),
              from: formatDate(report.data.window.from, t.language),
              to: formatDate(report.data.window.to, t.language),
              outsideArea: report.data.outsideArea,
            })}
          </Text>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button
            component="a"
            href={violationsExportUrl(debounced, "xlsx")}
            variant="light"
            size="xs"
            download
          >
            {t("MATCH_EXPORT_XLSX")}
          </Button>
          <Button
            component="a"
            href={violationsExportUrl(debounced, "csv")}
            variant="light"
            size="xs"
            download
          >
            {t("MATCH_EXPORT_CSV")}
          </Button>
        </Group>
      </Group>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && shown.length === 0 && (
        <EmptyView title={t("MATCH_VIOLATIONS_EMPTY")} description={t("MATCH_VIOLATIONS_EMPTY_HINT")} />
      )}
      <Stack gap="sm" data-testid="violations-list">
        {shown.map((violation) => (
          <Card
            withBorder
            padding="sm"
            key={`${violation.ruleId ?? "twice"}:${violation.persons.map((p) => p.personId).join(",")}`}
            data-testid="violation"
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <Text fw={600} fz="sm" style={{ flex: 1, minWidth: 0 }}>
                  {violation.description}
                </Text>
                <Badge variant="light" color={violation.level === "household" ? "grape" : "orange"}>
                  {t.code(`MATCH_LEVEL_${violation.level}`, {}, violation.level)}
                </Badge>
              </Group>
              <Text fz="xs" c="dimmed">
                {t("MATCH_VIOLATIONS_LINKED_BY", { linkedBy: violation.linkedBy })}
              </Text>
              {violation.persons.map((person) => (
                <div key={person.personId}>
                  <Anchor component={Link} to={`/penduduk/${person.personId}`} fz="sm" fw={600}>
                    {person.name}
                  </Anchor>
                  <Text span fz="sm" c="dimmed">
                    {" · "}
                    {[
                      person.village.name,
                      person.rt ? t("MATCH_RT_LABEL", { rt: person.rt }) : null,
                      person.district.name,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  <EnrollmentLines enrollments={person.enrollments} />
                </div>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
