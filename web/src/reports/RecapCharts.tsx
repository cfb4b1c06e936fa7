import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Box, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { CATEGORY_LABELS } from "../../../src/complaints/codes.ts";
import { failureLabelIn } from "../../../src/reports/labels.ts";
import { PIPELINE_STAGES } from "../../../src/reports/recap.ts";
import type { RecapView } from "../../../src/reports/schemas.ts";
import { formatNumber, formatRupiah, formatRupiahCompact } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";

/**
 * The recap drawn as bars for those who would rather look than read. Each chart is one image to assistive
 * technology, named by a sentence that carries every figure it shows; the tables and lists beside it stay.
 * Bars run sideways so the stage and category names fit a 360 px phone.
 */

const ROW_HEIGHT = 40;
const chartHeight = (rows: number) => Math.max(rows, 1) * ROW_HEIGHT + 30;
// Room on the left for a wrapped stage or category name, and on the right for the value printed after the bar.
const LABEL_WIDTH = 112;
const VALUE_ROOM = 64;

function categoryName(category: string, t: Translate): string {
  return (CATEGORY_LABELS as Record<string, { id: string; en: string }>)[category]?.[t.language] ?? category;
}

export function PipelineChart({ recap, t }: { recap: RecapView; t: Translate }) {
  const [measure, setMeasure] = useState<"count" | "amount">("count");
  const totals = PIPELINE_STAGES.map((stage) => ({
    stage,
    figure: recap.total.stages[stage] ?? { count: 0, amount: 0 },
  }));
  const data = totals.map(({ stage, figure }) => ({
    stage: t(`REPORTS_STAGE_${stage}`),
    value: figure[measure],
  }));
  const figures = totals
    .map(({ stage, figure }) =>
      t("REPORTS_CHART_STAGE_FIGURE", {
        stage: t(`REPORTS_STAGE_${stage}`),
        count: formatNumber(figure.count, t.language),
        amount: formatRupiah(figure.amount),
      }),
    )
    .join("; ");
  const format = (value: number) =>
    measure === "count" ? formatNumber(value, t.language) : formatRupiahCompact(value, t.language);
  return (
    <Stack gap={4} maw={760}>
      <SegmentedControl
        size="xs"
        value={measure}
        onChange={(value) => setMeasure(value === "amount" ? "amount" : "count")}
        data={[
          { value: "count", label: t("REPORTS_CHART_BY_COUNT") },
          { value: "amount", label: t("REPORTS_CHART_BY_AMOUNT") },
        ]}
        aria-label={t("REPORTS_CHART_MEASURE")}
        style={{ alignSelf: "flex-start" }}
      />
      <BarChart
        role="img"
        aria-label={t("REPORTS_CHART_PIPELINE_LABEL", { figures })}
        data-testid="pipeline-chart"
        h={chartHeight(data.length)}
        data={data}
        dataKey="stage"
        orientation="vertical"
        series={[
          {
            name: "value",
            label: t(measure === "count" ? "REPORTS_CHART_BY_COUNT" : "REPORTS_CHART_BY_AMOUNT"),
            color: "teal.6",
          },
        ]}
        valueFormatter={format}
        withBarValueLabel
        withXAxis={false}
        gridAxis="none"
        yAxisProps={{ width: LABEL_WIDTH, interval: 0 }}
        barChartProps={{ margin: { right: VALUE_ROOM } }}
        accessibilityLayer={false}
        withTooltip={false}
      />
    </Stack>
  );
}

export function FailuresChart({ recap, t }: { recap: RecapView; t: Translate }) {
  if (recap.failures.length === 0) return null;
  const data = recap.failures.map((f) => ({ reason: failureLabelIn(f.reason, t.language), value: f.count }));
  const figures = recap.failures
    .map((f) =>
      t("REPORTS_CHART_FAILURE_FIGURE", {
        reason: failureLabelIn(f.reason, t.language),
        count: formatNumber(f.count, t.language),
        amount: formatRupiah(f.amount),
      }),
    )
    .join("; ");
  return (
    <BarChart
      role="img"
      aria-label={t("REPORTS_CHART_FAILURES_LABEL", { figures })}
      data-testid="failures-chart"
      h={chartHeight(data.length)}
      data={data}
      dataKey="reason"
      orientation="vertical"
      series={[{ name: "value", label: t("REPORTS_FAILED"), color: "orange.7" }]}
      valueFormatter={(value) => formatNumber(value, t.language)}
      withBarValueLabel
      withXAxis={false}
      gridAxis="none"
      yAxisProps={{ width: LABEL_WIDTH, interval: 0 }}
      barChartProps={{ margin: { right: VALUE_ROOM } }}
      accessibilityLayer={false}
      withTooltip={false}
      mb="xs"
    />
  );
}

export function ComplaintsChart({ recap, t }: { recap: RecapView; t: Translate }) {
  if (recap.complaints.length === 0) return null;
  const data = recap.complaints.map((c) => ({
    category: categoryName(c.category, t),
    within: c.withinSla,
    breached: c.breached,
  }));
  const figures = recap.complaints
    .map((c) =>
      t("REPORTS_CHART_COMPLAINT_FIGURE", {
        category: categoryName(c.category, t),
        received: formatNumber(c.received, t.language),
        within: formatNumber(c.withinSla, t.language),
        breached: formatNumber(c.breached, t.language),
      }),
    )
    .join("; ");
  return (
    <Box mb="xs">
      <BarChart
        role="img"
        aria-label={t("REPORTS_CHART_COMPLAINTS_LABEL", { figures })}
        data-testid="complaints-chart"
        h={chartHeight(data.length) + 30}
        data={data}
        dataKey="category"
        orientation="vertical"
        type="stacked"
        series={[
          { name: "within", label: t("REPORTS_CHART_WITHIN_SLA"), color: "teal.6" },
          { name: "breached", label: t("REPORTS_CHART_BREACHED"), color: "red.7" },
        ]}
        valueFormatter={(value) => formatNumber(value, t.language)}
        withLegend
        withXAxis={false}
        gridAxis="none"
        yAxisProps={{ width: LABEL_WIDTH, interval: 0 }}
        accessibilityLayer={false}
        withTooltip={false}
      />
      <Text fz={10} c="dimmed">
        {t("REPORTS_CHART_SLA_NOTE")}
      </Text>
    </Box>
  );
}
