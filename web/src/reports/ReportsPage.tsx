import { Button, Card, Grid, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { roleCan } from "../../../src/access/permissions.ts";
import { CATEGORY_LABELS } from "../../../src/complaints/codes.ts";
import { failureLabelIn } from "../../../src/reports/labels.ts";
import { leakageShare, PIPELINE_STAGES, RECAP_DIMENSIONS } from "../../../src/reports/recap.ts";
import type { RecapView } from "../../../src/reports/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { formatNumber, formatRupiah } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { areaExportUrl, useRecap } from "./api.ts";
import { PacksCard } from "./PacksCard.tsx";
import { ComplaintsChart, FailuresChart, PipelineChart } from "./RecapCharts.tsx";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Recap({ t }: { t: Translate }) {
  const [dimension, setDimension] = useState<(typeof RECAP_DIMENSIONS)[number]>("district");
  const [month, setMonth] = useState("");
  const recap = useRecap({ dimension, month: MONTH.test(month) ? month : undefined });
  const data = recap.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="recap-heading">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={2} fz="h4" id="recap-heading">
          {t("REPORTS_TITLE")}
        </Title>
        <Group gap="sm" align="end">
          <NativeSelect
            label={t("REPORTS_BY")}
            value={dimension}
            onChange={(e) => setDimension(e.currentTarget.value as typeof dimension)}
            data={RECAP_DIMENSIONS.map((d) => ({ value: d, label: t(`REPORTS_DIM_${d}`) }))}
          />
          <TextInput
            type="month"
            label={t("REPORTS_MONTH")}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
          />
        </Group>
      </Group>
      {recap.isPending ? (
        <LoadingState />
      ) : recap.isError ? (
        <ErrorState error={recap.error} onRetry={() => void recap.refetch()} />
      ) : !data || data.rows.length === 0 ? (
        <EmptyView title={t("REPORTS_EMPTY")} />
      ) : (
        <Stack gap="sm">
          <Title order={3} fz="sm">
            {t("REPORTS_CHART_PIPELINE")}
          </Title>
          <PipelineChart recap={data} t={t} />
          <Table.ScrollContainer minWidth={900}>
            <Table fz="xs" verticalSpacing={4} data-testid="recap-table" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("REPORTS_AREA")}</Table.Th>
                  {PIPELINE_STAGES.map((s) => (
                    <Table.Th key={s} ta="right">
                      {t(`REPORTS_STAGE_${s}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t("REPORTS_FAILED")}</Table.Th>
                  <Table.Th ta="right">{t("REPORTS_RETURNED")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...data.rows, { ...data.total, label: t("REPORTS_TOTAL") }].map((row) => (
                  <Table.Tr key={row.key} data-testid={row.key === "total" ? "recap-total" : "recap-row"}>
                    <Table.Td fw={row.key === "total" ? 700 : undefined}>{row.label}</Table.Td>
                    {PIPELINE_STAGES.map((s) => {
                      const figure = row.stages[s];
                      return (
                        <Table.Td key={s} ta="right">
                          {figure ? (
                            <>
                              {formatNumber(figure.count, t.language)}
                              <Text fz={10} c="dimmed">
                                {formatRupiah(figure.amount)}
                              </Text>
                            </>
                          ) : (
                            "—"
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right">{formatNumber(row.failed.count, t.language)}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(row.returned.count, t.language)}
                      <Text fz={10} c="dimmed">
                        {formatRupiah(row.returned.amount)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LeakageLine total={data.total} t={t} />
          <Text fz="xs" c="dimmed">
            {t("REPORTS_SOURCE", { query: data.queries.pipeline ?? "" })}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={3} fz="sm" mb={4}>
                {t("REPORTS_FAILURES")}
              </Title>
              <FailuresChart recap={data} t={t} />
              {data.failures.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t("REPORTS_FAILURES_NONE")}
                </Text>
              ) : (
                data.failures.map((f) => (
                  <Text key={f.reason} fz="sm">
                    {failureLabelIn(f.reason, t.language)}: {formatNumber(f.count, t.language)} ·{" "}
                    {formatRupiah(f.amount)}
                  </Text>
                ))
              )}
              <Text fz="sm" mt="xs">
                {t("REPORTS_OVERLAPS", {
                  found: formatNumber(
                    data.overlaps.reduce((s, o) => s + o.found, 0),
                    t.language,
                  ),
                  resolved: formatNumber(
                    data.overlaps.reduce((s, o) => s + o.resolved, 0),
                    t.language,
                  ),
                })}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={3} fz="sm" mb={4}>
                {t("REPORTS_COMPLAINTS")}
              </Title>
              <ComplaintsChart recap={data} t={t} />
              {data.complaints.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t("REPORTS_COMPLAINTS_NONE")}
                </Text>
              ) : (
                data.complaints.map((c) => (
                  <Text key={c.category} fz="sm">
                    {(CATEGORY_LABELS as Record<string, { id: string; en: string }>)[c.category]?.[
                      t.language
                    ] ?? c.category}
                    :{" "}
                    {t("REPORTS_COMPLAINTS_COLS", {
                      received: c.received,
                      resolved: c.resolved,
                      within: c.withinSla,
                      breached: c.breached,
                    })}
                  </Text>
                ))
              )}
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </Card>
  );
}

/** /laporan — recaps of the caller's area, the periodic packs and, for desa and kecamatan, their area's data. */
/** Leakage over the lines recipients confirmed: what the bank paid and did not reach their hands. */
function LeakageLine({ total, t }: { total: RecapView["total"]; t: Translate }) {
  const share = leakageShare(total);
  const confirmed = total.stages.confirmed ?? { count: 0, amount: 0 };
  return (
    <Text fz="sm" data-testid="recap-leakage">
      {share === null
        ? t("REPORTS_LEAKAGE_NONE")
        : t("REPORTS_LEAKAGE", {
            count: formatNumber(confirmed.count, t.language),
            share: `${formatNumber(Math.round(share * 1000) / 10, t.language)} %`,
            lost: formatRupiah(total.confirmedPaid - confirmed.amount),
            paid: formatRupiah(total.confirmedPaid),
          })}
    </Text>
  );
}

export default function ReportsPage() {
  const t = useT();
  const { user } = useAuth();
  const can = (action: Parameters<typeof roleCan>[1]) => (user ? roleCan(user.role, action) : false);
  return (
    <>
      <PageHeader title={t("REPORTS_TITLE")} />
      <Text c="dimmed" mt={-8} mb="md">
        {t("REPORTS_INTRO")}
      </Text>
      <Stack gap="md">
        <Recap t={t} />
        <PacksCard t={t} canGenerate={can("report.generate")} />
        {can("report.area_export") && (
          <Card withBorder padding="md" component="section" aria-labelledby="area-export-heading">
            <Title order={2} fz="h4" id="area-export-heading" mb={4}>
              {t("REPORTS_AREA_EXPORT")}
            </Title>
            <Text fz="sm" c="dimmed" mb="sm">
              {t("REPORTS_AREA_EXPORT_HELP")}
            </Text>
            <Group gap="sm">
              <Button component="a" href={areaExportUrl("masked")} download variant="light">
                {t("REPORTS_AREA_EXPORT_MASKED")}
              </Button>
              {can("person.identity") && (
                <Button component="a" href={areaExportUrl("full")} download variant="default">
                  {t("REPORTS_AREA_EXPORT_FULL")}
                </Button>
              )}
            </Group>
          </Card>
        )}
      </Stack>
    </>
  );
}
