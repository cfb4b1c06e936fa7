import { Anchor, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { type PeriodView, type ProgramView, usePeriods, usePrograms } from "../registry/api.ts";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { ImportStateBadge } from "./ImportStateBadge.tsx";
import { type ImportView, useImports } from "./import-api.ts";
import { fileSizeText } from "./import-rules.ts";

/** "BST Daerah · Tahap 1 2026", or "registry only" for a list enrolled in no program. */
export function targetText(
  t: Translate,
  record: Pick<ImportView, "programId" | "periodId">,
  programs: ProgramView[] | undefined,
  periods: PeriodView[] | undefined,
): string {
  if (!record.periodId) return t("IMPORT_TARGET_PERSONS");
  const program = programs?.find((p) => p.id === record.programId);
  const period = periods?.find((p) => p.id === record.periodId);
  return [program?.name, period?.name].filter(Boolean).join(" · ") || t("IMPORT_TARGET_UNKNOWN");
}

/** Rows read, accepted and refused, in one short line. */
export function countsText(t: Translate, record: ImportView): string {
  const s = record.summary;
  if (!s || s.dataRows === undefined) return "–";
  return t("IMPORT_COUNTS_SHORT", {
    rows: formatNumber(s.dataRows, t.language),
    accepted: formatNumber(s.accepted ?? 0, t.language),
    rejected: formatNumber(s.rejected ?? 0, t.language),
  });
}

export function ImportList() {
  const t = useT();
  const imports = useImports();
  const programs = usePrograms();
  const periods = usePeriods();
  return (
    <Card withBorder component="section" aria-labelledby="import-list-heading">
      <Title order={2} fz="h4" id="import-list-heading" mb="sm">
        {t("IMPORT_LIST_TITLE")}
      </Title>
      {imports.isPending ? (
        <LoadingState />
      ) : imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.length === 0 ? (
        <EmptyView title={t("IMPORT_LIST_EMPTY")} description={t("IMPORT_LIST_EMPTY_HINT")} />
      ) : (
        <Table fz="sm" verticalSpacing="xs" data-testid="import-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("IMPORT_COL_FILE")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("IMPORT_COL_STATE")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("IMPORT_COL_TARGET")}</Table.Th>
              <Table.Th visibleFrom="md">{t("IMPORT_COL_BY")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("IMPORT_COL_COUNTS")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.map((record) => (
              <Table.Tr key={record.id} data-testid="import-list-row">
                <Table.Td style={{ overflowWrap: "anywhere" }}>
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/impor/${record.id}`} fz="sm" fw={600}>
                      {record.fileName}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {fileSizeText(record.fileBytes, t.language)} ·{" "}
                      {formatDateTime(record.createdAt, t.language)}
                    </Text>
                    {/* On a phone the hidden columns' content follows under the name. */}
                    <Group gap={6} hiddenFrom="sm">
                      <ImportStateBadge state={record.state} counted={false} />
                      <Text fz="xs" c="dimmed">
                        {t(`IMPORT_MODE_SHORT_${record.mode}`)}
                      </Text>
                    </Group>
                    <Text fz="xs" c="dimmed" hiddenFrom="sm">
                      {targetText(t, record, programs.data, periods.data)} · {countsText(t, record)}
                    </Text>
                    <Text fz="xs" c="dimmed" hiddenFrom="md">
                      {t("IMPORT_BY", { name: record.createdByName })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Stack gap={2} align="flex-start">
                    <ImportStateBadge state={record.state} />
                    <Text fz="xs" c="dimmed">
                      {t(`IMPORT_MODE_SHORT_${record.mode}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="sm">{targetText(t, record, programs.data, periods.data)}</Table.Td>
                <Table.Td visibleFrom="md">{record.createdByName}</Table.Td>
                <Table.Td visibleFrom="sm">{countsText(t, record)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
