import { List, Stack, Text } from "@mantine/core";
import { createTranslator } from "../../../src/i18n/index.ts";
import { effectOf } from "../../../src/matching/effect.ts";
import { MATCHING_MESSAGES } from "../../../src/matching/messages.ts";
import type { Translate } from "../i18n/language.tsx";
import type { ReconciliationLine } from "./reconciliation-api.ts";

/** The overlap engine's own words for fields and agreement levels, as the review queue and rapat use them. */
const matchingText = createTranslator(MATCHING_MESSAGES);

export function formatPercent(probability: number, language: string): string {
  return new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(probability);
}

/** Why the engine took the two records as one person: each compared field, strongest evidence first. */
export function MatchEvidence({ line, t }: { line: ReconciliationLine; t: Translate }) {
  const fields = [...(line.evidence?.fields ?? [])]
    .filter((f) => f.level !== "missing")
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  if (fields.length === 0) return null;
  const say = (code: string) => matchingText(code, {}, t.language);
  return (
    <details data-testid="reconciliation-evidence">
      <summary style={{ cursor: "pointer" }}>
        <Text component="span" fz="sm" fw={600}>
          {t("RECON_EVIDENCE_TITLE")}
        </Text>
      </summary>
      <List size="sm" spacing={2} mt={4}>
        {fields.map((f) => (
          <List.Item key={f.field}>
            {t("RECON_EVIDENCE_LINE", {
              field: say(`MATCHING_FIELD_${f.field.toUpperCase()}`),
              level: say(`MATCHING_LEVEL_${f.field.toUpperCase()}_${f.level.toUpperCase()}`),
              effect: say(`MATCHING_EFFECT_${effectOf(f.weight, f.level)}`),
            })}
          </List.Item>
        ))}
      </List>
    </details>
  );
}

/**
 * For a line only the central list holds: what the desa or kecamatan should look at on the visit, seed 000's
 * usual causes first (moved, died, a mistyped number, never registered), and the engine's nearest candidate.
 */
export function FieldCheckHints({ line, t }: { line: ReconciliationLine; t: Translate }) {
  const village = line.central?.village?.name ?? null;
  const nearest = line.evidence?.nearest;
  return (
    <Stack gap={4} data-testid="reconciliation-field-check">
      <Text fz="sm" fw={600}>
        {t("RECON_CHECK_TITLE")}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          {village ? t("RECON_CHECK_MOVED", { village }) : t("RECON_CHECK_MOVED_NO_VILLAGE")}
        </List.Item>
        <List.Item>{t("RECON_CHECK_DIED")}</List.Item>
        <List.Item>{t("RECON_CHECK_IDENTITY")}</List.Item>
        <List.Item>{t("RECON_CHECK_NOT_REGISTERED")}</List.Item>
      </List>
      {nearest && (
        <Text fz="sm" c="orange.9">
          {t("RECON_NEAREST", {
            name: nearest.name,
            probability: formatPercent(nearest.probability, t.language),
          })}
        </Text>
      )}
    </Stack>
  );
}
