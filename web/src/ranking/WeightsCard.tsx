import { Alert, Badge, Button, Card, Group, List, Slider, Stack, Text, Title } from "@mantine/core";
import type { Judgment } from "../../../src/ranking/ahp.ts";
import type { InconsistencyReport } from "../../../src/ranking/inconsistency.ts";
import type { RatingModel } from "../../../src/ranking/rating.ts";
import type { WhatIfResult } from "../../../src/ranking/simulation.ts";
import { useT } from "../i18n/language.tsx";
import { formatDecimal, formatPercent } from "./format.ts";
import { judgmentText } from "./JudgmentsCard.tsx";

export function WeightsCard({
  model,
  result,
  override,
  pristine,
  report,
  onWeight,
  onApplyHint,
  onReset,
}: {
  model: RatingModel;
  result: WhatIfResult;
  override: boolean;
  pristine: boolean;
  report: InconsistencyReport;
  onWeight: (criterion: number, weight: number) => void;
  onApplyHint: (first: number, second: number, judgment: Judgment) => void;
  onReset: () => void;
}) {
  const t = useT();
  const analysis = result.criteriaAnalysis;
  const label = (c: number) => model.criteria[c]?.label[t.language] ?? "";
  const cr = formatDecimal(analysis.consistencyRatio, 3, t.language);
  return (
    <Card withBorder component="section" aria-labelledby="ranking-weights">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="h4" id="ranking-weights">
          {t("RANKING_WEIGHTS")}
        </Title>
        <Button size="xs" variant="default" onClick={onReset} disabled={pristine}>
          {t("RANKING_RESET")}
        </Button>
      </Group>
      <Stack gap="sm">
        {model.criteria.map((criterion, c) => {
          const weight = result.weights[c] ?? 0;
          return (
            <div key={criterion.code}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fz="sm" fw={500}>
                  {criterion.label[t.language]}
                </Text>
                <Text
                  fz="sm"
                  ff="monospace"
                  style={{ whiteSpace: "nowrap" }}
                  data-testid={`weight-${criterion.code}`}
                >
                  {formatPercent(weight, t.language)}
                </Text>
              </Group>
              <Slider
                value={weight * 100}
                onChange={(value) => onWeight(c, value / 100)}
                min={0}
                max={100}
                step={0.5}
                label={(value) => formatPercent(value / 100, t.language)}
                thumbLabel={t("RANKING_WEIGHT_OF", { criterion: criterion.label[t.language] })}
                size="sm"
              />
            </div>
          );
        })}
        {override ? (
          <Text fz="xs" c="dimmed">
            {t("RANKING_WEIGHTS_OVERRIDE")}
          </Text>
        ) : (
          <Stack gap={4}>
            <Group gap="xs">
              <Text fz="sm" data-testid="ranking-cr">
                {t("RANKING_CR", { cr })}
              </Text>
              <Badge color={analysis.acceptable ? "teal" : "red"} variant="light">
                {analysis.acceptable ? t("RANKING_CR_OK") : t("RANKING_CR_HIGH")}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              {t("RANKING_LAMBDA", {
                lambda: formatDecimal(analysis.lambdaMax, 4, t.language),
                ci: formatDecimal(analysis.consistencyIndex, 4, t.language),
                ri: formatDecimal(analysis.randomIndex, 2, t.language),
                table: analysis.randomIndexTable === "saaty1980" ? "Saaty 1980" : "Alonso–Lamata",
              })}
            </Text>
          </Stack>
        )}
        {!override && !analysis.acceptable && report.hints.length > 0 && (
          <Alert color="orange" title={t("RANKING_HINTS")} data-testid="ranking-hints">
            <List size="sm" spacing={6}>
              {report.hints.map((hint) => (
                <List.Item key={`${hint.first}-${hint.second}`}>
                  <Text fz="sm">
                    {t("RANKING_HINT", {
                      pair: t("RANKING_PAIR", { first: label(hint.first), second: label(hint.second) }),
                      suggested: judgmentText(t, label(hint.first), label(hint.second), hint.suggested),
                      cr: formatDecimal(hint.resultingConsistencyRatio, 3, t.language),
                    })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    mt={4}
                    onClick={() => onApplyHint(hint.first, hint.second, hint.suggested)}
                  >
                    {t("RANKING_APPLY")}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
