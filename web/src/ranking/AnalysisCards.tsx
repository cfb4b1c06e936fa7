import { Badge, Card, List, Loader, Table, Text, Title } from "@mantine/core";
import { memo } from "react";
import type { RatingModel } from "../../../src/ranking/rating.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { formatDecimal, formatPercent } from "./format.ts";
import type { DraftAnalysis, PreparedSimulation } from "./simulation.ts";

/** How far each weight may move before anyone enters or leaves the list: where the judgments matter most. */
export const SensitivityCard = memo(function SensitivityCard({
  model,
  analysis,
}: {
  model: RatingModel;
  analysis: DraftAnalysis | null;
}) {
  const t = useT();
  return (
    <Card withBorder component="section" aria-labelledby="ranking-sensitivity">
      <Title order={2} fz="h4" id="ranking-sensitivity">
        {t("RANKING_SENSITIVITY")}
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        {t("RANKING_SENSITIVITY_HELP")}
      </Text>
      {!analysis ? (
        <Loader size="sm" aria-label={t("RANKING_COMPUTING")} />
      ) : (
        <Table fz="sm" data-testid="ranking-sensitivity">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("RANKING_COL_CRITERION")}</Table.Th>
              <Table.Th ta="right">{t("RANKING_COL_WEIGHT")}</Table.Th>
              <Table.Th ta="right">{t("RANKING_COL_RANGE")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.sensitivity.map((s, c) => (
              <Table.Tr key={s.criterion}>
                <Table.Td>{model.criteria[c]?.label[t.language] ?? s.criterion}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatPercent(s.weight, t.language)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {s.lower === null || s.upper === null
                    ? t("RANKING_RANGE_NONE")
                    : `${formatPercent(s.lower, t.language)} – ${formatPercent(s.upper, t.language)}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
});

/** The households a small data error would move across the cut-off: the field visits to make first. */
export const NearCutoffCard = memo(function NearCutoffCard({
  prepared,
  analysis,
}: {
  prepared: PreparedSimulation;
  analysis: DraftAnalysis | null;
}) {
  const t = useT();
  const { view, village } = prepared;
  return (
    <Card withBorder component="section" aria-labelledby="ranking-near">
      <Title order={2} fz="h4" id="ranking-near">
        {t("RANKING_NEAR")}
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        {t("RANKING_NEAR_HELP")}
      </Text>
      {!analysis ? (
        <Loader size="sm" aria-label={t("RANKING_COMPUTING")} />
      ) : (
        <List size="sm" spacing={4} data-testid="ranking-near">
          {analysis.near.slice(0, 10).map((n) => (
            <List.Item key={n.index}>
              <Text span fz="sm" ff="monospace">
                #{formatNumber(n.rank, t.language)}
              </Text>{" "}
              {view.names[n.index] ?? (
                <Text span fz="sm" c="dimmed" fs="italic">
                  {t("RANKING_OUTSIDE_AREA")}
                </Text>
              )}{" "}
              <Text span fz="xs" c="dimmed">
                {view.villages[village[n.index] as number]?.name} ·{" "}
                {formatDecimal(n.gapToCutoff, 4, t.language)}
              </Text>{" "}
              {n.selected && (
                <Badge size="xs" variant="light">
                  {t("RANKING_STATUS_SELECTED")}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
});
