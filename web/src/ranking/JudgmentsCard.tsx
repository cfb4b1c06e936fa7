import { Accordion, Card, NativeSelect, SimpleGrid, Text } from "@mantine/core";
import { memo } from "react";
import { type Judgment, judgment, pairsOf, SAATY_INTENSITIES } from "../../../src/ranking/ahp.ts";
import type { RatingModel } from "../../../src/ranking/rating.ts";
import type { Translate } from "../i18n/language.tsx";
import { useT } from "../i18n/language.tsx";
import { formatIntensity } from "./format.ts";

type ScaleCode = `AHP_SCALE_${(typeof SAATY_INTENSITIES)[number]}`;

/** A judgment in words: "Penghasilan per bulan lebih penting (5)", or "Sama penting (1)". */
export function judgmentText(t: Translate, first: string, second: string, j: Judgment): string {
  if (j.intensity === 1) return t("RANKING_JUDGMENT_EQUAL");
  const whole = Math.round(j.intensity) as (typeof SAATY_INTENSITIES)[number];
  const scale =
    Number.isInteger(j.intensity) && whole >= 1 && whole <= 9 ? t(`AHP_SCALE_${whole}` as ScaleCode) : "";
  return t("RANKING_JUDGMENT_OPTION", {
    criterion: j.favours === "first" ? first : second,
    label: scale,
    value: formatIntensity(j.intensity, t.language),
  });
}

const optionValue = (j: Judgment) => (j.intensity === 1 ? "1" : `${j.favours}:${j.intensity}`);

function parseValue(value: string): Judgment {
  if (value === "1") return judgment(1);
  const [favours, intensity] = value.split(":");
  return judgment(Number(intensity), favours === "second" ? "second" : "first");
}

/** Saaty's 17 values for one pair, the first criterion's strongest preference first. */
function options(t: Translate, first: string, second: string, current: Judgment) {
  const scale = [...SAATY_INTENSITIES].reverse().filter((k) => k > 1);
  const list = [
    ...scale.map((k) => judgment(k, "first")),
    judgment(1),
    ...[...scale].reverse().map((k) => judgment(k, "second")),
  ].map((j) => ({ value: optionValue(j), label: judgmentText(t, first, second, j) }));
  // A group's aggregate (or weights saved as judgments) need not be a whole number on the scale.
  if (!Number.isInteger(current.intensity)) {
    list.unshift({
      value: optionValue(current),
      label: t("RANKING_JUDGMENT_CURRENT", {
        criterion: current.favours === "first" ? first : second,
        value: formatIntensity(current.intensity, t.language),
      }),
    });
  }
  return list;
}

/** Memoised: a weight change must not re-render its 28 selects of 17 options each. */
export const JudgmentsCard = memo(function JudgmentsCard({
  model,
  judgments,
  onJudgment,
}: {
  model: RatingModel;
  judgments: readonly Judgment[];
  onJudgment: (first: number, second: number, judgment: Judgment) => void;
}) {
  const t = useT();
  const labels = model.criteria.map((c) => c.label[t.language]);
  const pairs = pairsOf(model.criteria.length);
  return (
    <Card withBorder component="section" p={0}>
      <Accordion variant="default" chevronPosition="right">
        <Accordion.Item value="judgments">
          <Accordion.Control>
            <Text fw={700}>{t("RANKING_JUDGMENTS")}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Text fz="sm" c="dimmed" mb="sm">
              {t("RANKING_JUDGMENTS_HELP")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {pairs.map(([i, j], k) => {
                const current = judgments[k] ?? judgment(1);
                const first = labels[i] ?? "";
                const second = labels[j] ?? "";
                return (
                  <NativeSelect
                    key={`${i}-${j}`}
                    size="xs"
                    label={t("RANKING_PAIR", { first, second })}
                    value={optionValue(current)}
                    data={options(t, first, second, current)}
                    onChange={(event) => onJudgment(i, j, parseValue(event.currentTarget.value))}
                  />
                );
              })}
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Card>
  );
});
