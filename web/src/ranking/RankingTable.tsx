import { Card, Group, Pagination, ScrollArea, SegmentedControl, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { gapOnGrid } from "../../../src/ranking/selection.ts";
import type { WhatIfResult } from "../../../src/ranking/simulation.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { formatDecimal } from "./format.ts";
import classes from "./RankingTable.module.css";
import { type DraftAnalysis, fullOrder, type PreparedSimulation } from "./simulation.ts";

export const TABLE_VIEWS = ["all", "selected", "entering", "leaving", "near"] as const;
export type TableView = (typeof TABLE_VIEWS)[number];
export const PAGE_SIZE = 50;

const VIEW_LABELS = {
  all: "RANKING_VIEW_ALL",
  selected: "RANKING_VIEW_SELECTED",
  entering: "RANKING_VIEW_ENTERING",
  leaving: "RANKING_VIEW_LEAVING",
  near: "RANKING_VIEW_NEAR",
} as const;

interface Row {
  index: number;
  rank: number;
}

/**
 * One page of the ranking under the current draft. Pages inside the selected need only the engine's top k;
 * a page past the cut-off, or the leaving households' new ranks, sort every eligible applicant once per draft.
 */
export function RankingTable({
  prepared,
  result,
  analysis,
  view,
  page,
  onView,
  onPage,
}: {
  prepared: PreparedSimulation;
  result: WhatIfResult;
  analysis: DraftAnalysis | null;
  view: TableView;
  page: number;
  onView: (view: TableView) => void;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const { table, view: data, village, baselineRank } = prepared;
  const start = (page - 1) * PAGE_SIZE;
  const needsFull = view === "leaving" || (view === "all" && start + PAGE_SIZE > result.selected.length);
  const order = useMemo(
    () => (needsFull ? fullOrder(prepared, result) : null),
    [needsFull, prepared, result],
  );
  const rankOf = useMemo(() => {
    if (!order) return null;
    const ranks = new Uint32Array(table.count);
    for (let r = 0; r < order.length; r++) ranks[order[r] as number] = r + 1;
    return ranks;
  }, [order, table.count]);

  const selectedRank = useMemo(() => {
    const ranks = new Map<number, number>();
    if (view !== "entering") return ranks;
    result.selected.forEach((index, r) => {
      ranks.set(index, r + 1);
    });
    return ranks;
  }, [result, view]);

  const { rows, total } = useMemo((): { rows: Row[]; total: number } => {
    const slice = (indices: ArrayLike<number>, rank: (index: number, position: number) => number) => {
      const out: Row[] = [];
      for (let p = start; p < Math.min(indices.length, start + PAGE_SIZE); p++) {
        const index = indices[p] as number;
        out.push({ index, rank: rank(index, p) });
      }
      return { rows: out, total: indices.length };
    };
    switch (view) {
      case "selected":
        return slice(result.selected, (_, p) => p + 1);
      case "entering":
        return slice(result.entering, (index) => selectedRank.get(index) ?? 0);
      case "leaving":
        return slice(result.leaving, (index) => rankOf?.[index] ?? 0);
      case "near": {
        const near = analysis?.near ?? [];
        return slice(
          near.map((n) => n.index),
          (_, p) => near[p]?.rank ?? 0,
        );
      }
      default:
        return order ? slice(order, (_, p) => p + 1) : slice(result.selected, (_, p) => p + 1);
    }
  }, [view, start, result, order, rankOf, selectedRank, analysis]);
  const eligibleCount = useMemo(() => table.eligible.reduce((s, e) => s + e, 0), [table]);
  // Before the full order exists, the first pages of the ranking come from the top k alone.
  const shownTotal = view === "all" ? eligibleCount : total;
  const pages = Math.max(1, Math.ceil(shownTotal / PAGE_SIZE));
  const cutoff = result.cutoffScore;
  const entering = useMemo(() => new Set(result.entering), [result]);

  return (
    <Card withBorder component="section" aria-labelledby="ranking-table-title">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} fz="h4" id="ranking-table-title">
          {t("RANKING_TABLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {shownTotal === 0
            ? ""
            : t("RANKING_ROWS", {
                from: formatNumber(start + 1, t.language),
                to: formatNumber(Math.min(shownTotal, start + PAGE_SIZE), t.language),
                total: formatNumber(shownTotal, t.language),
              })}
        </Text>
      </Group>
      <ScrollArea type="auto" mb="xs">
        <SegmentedControl
          size="xs"
          aria-label={t("RANKING_VIEW")}
          value={view}
          onChange={(value) => onView(value as TableView)}
          data={TABLE_VIEWS.map((v) => ({
            value: v,
            label:
              v === "entering"
                ? `${t(VIEW_LABELS[v])} (${formatNumber(result.entering.length, t.language)})`
                : v === "leaving"
                  ? `${t(VIEW_LABELS[v])} (${formatNumber(result.leaving.length, t.language)})`
                  : t(VIEW_LABELS[v]),
          }))}
        />
      </ScrollArea>
      <Table.ScrollContainer minWidth={600}>
        <Table
          fz="sm"
          aria-label={t("RANKING_TABLE")}
          data-testid="ranking-table"
          data-state="ready"
          data-count={table.count}
          data-view={view}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{t("RANKING_COL_RANK")}</Table.Th>
              <Table.Th>{t("RANKING_COL_NAME")}</Table.Th>
              <Table.Th>{t("RANKING_COL_VILLAGE")}</Table.Th>
              <Table.Th ta="right">{t("RANKING_COL_SCORE")}</Table.Th>
              <Table.Th ta="right">{t("RANKING_COL_GAP")}</Table.Th>
              <Table.Th>{t("RANKING_COL_STATUS")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" fz="sm">
                    {view === "near" && !analysis ? t("RANKING_COMPUTING") : t("RANKING_EMPTY")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map(({ index, rank }) => {
                const score = result.scores[index] as number;
                const name = data.names[index];
                const before = baselineRank[index] as number;
                const selected = rank > 0 && rank <= result.selected.length;
                const status = entering.has(index)
                  ? { className: classes.enters, text: t("RANKING_STATUS_ENTERS") }
                  : view === "leaving"
                    ? { className: classes.leaves, text: t("RANKING_STATUS_LEAVES") }
                    : selected
                      ? { className: classes.selected, text: t("RANKING_STATUS_SELECTED") }
                      : null;
                return (
                  <tr key={index} className={classes.row}>
                    <td className={`${classes.cell} ${classes.number}`}>
                      {rank > 0 ? formatNumber(rank, t.language) : "–"}
                      {before > 0 && before !== rank && (
                        <span className={classes.dimmed} title={t("RANKING_COL_BEFORE")}>
                          {" "}
                          ({formatNumber(before, t.language)})
                        </span>
                      )}
                    </td>
                    <td className={classes.cell}>
                      {name ?? <span className={classes.outside}>{t("RANKING_OUTSIDE_AREA")}</span>}
                    </td>
                    <td className={classes.cell}>{data.villages[village[index] as number]?.name ?? ""}</td>
                    <td className={`${classes.cell} ${classes.number}`}>
                      {formatDecimal(score, 4, t.language)}
                    </td>
                    <td className={`${classes.cell} ${classes.number}`}>
                      {cutoff === null ? "–" : formatDecimal(gapOnGrid(score, cutoff), 4, t.language)}
                    </td>
                    <td className={classes.cell}>
                      {status ? (
                        <span className={`${classes.tag} ${status.className}`}>{status.text}</span>
                      ) : (
                        <span className={classes.dimmed}>{t("RANKING_STATUS_NOT_SELECTED")}</span>
                      )}
                    </td>
                  </tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center" mt="sm">
          <Pagination total={pages} value={page} onChange={onPage} size="sm" siblings={1} />
        </Group>
      )}
    </Card>
  );
}
