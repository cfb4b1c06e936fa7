import { Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import type { ImportView } from "./import-api.ts";

interface Figure {
  key: string;
  label: string;
  value: number;
  tone?: "bad" | "warn" | "good";
}

function figures(t: Translate, record: ImportView): Figure[] {
  const s = record.summary ?? {};
  // A check (or a refused file) saved nothing: its counts are what applying would do.
  const saved = record.state === "applied" || (record.state === "duplicate" && s.applied !== false);
  const list: Figure[] = [
    { key: "rows", label: t("IMPORT_SUM_ROWS"), value: s.dataRows ?? 0 },
    { key: "accepted", label: t("IMPORT_SUM_ACCEPTED"), value: s.accepted ?? 0, tone: "good" },
    {
      key: "rejected",
      label: t("IMPORT_SUM_REJECTED"),
      value: s.rejected ?? 0,
      tone: s.rejected ? "bad" : undefined,
    },
    {
      key: "warnings",
      label: t("IMPORT_SUM_WITH_WARNINGS"),
      value: s.withWarnings ?? 0,
      tone: s.withWarnings ? "warn" : undefined,
    },
    {
      key: "personsCreated",
      label: saved ? t("IMPORT_SUM_PERSONS_CREATED") : t("IMPORT_SUM_PERSONS_TO_CREATE"),
      value: s.personsCreated ?? 0,
    },
    { key: "personsExisting", label: t("IMPORT_SUM_PERSONS_EXISTING"), value: s.personsExisting ?? 0 },
  ];
  if (record.periodId) {
    list.push(
      {
        key: "enrollmentsCreated",
        label: saved ? t("IMPORT_SUM_ENROLLMENTS_CREATED") : t("IMPORT_SUM_ENROLLMENTS_TO_CREATE"),
        value: s.enrollmentsCreated ?? 0,
      },
      {
        key: "enrollmentsExisting",
        label: t("IMPORT_SUM_ENROLLMENTS_EXISTING"),
        value: s.enrollmentsExisting ?? 0,
      },
    );
  }
  list.push({
    key: "duplicatesInFile",
    label: t("IMPORT_SUM_DUPLICATES_IN_FILE"),
    value: s.duplicatesInFile ?? 0,
    tone: s.duplicatesInFile ? "bad" : undefined,
  });
  return list;
}

/** A finding's sentence without its particulars ("Tanggal '…' tidak dikenali"): the kind, for counting. */
export function kindText(t: Translate, code: string): string {
  return t.code(code, {}, code).replace(/'?\{[A-Za-z]+\}'?/g, "…");
}

const TONE_COLOR = { bad: "red.8", warn: "yellow.9", good: "teal.9" } as const;

/** What the file held and what it did (or would do): rows, persons, enrollments, duplicates, screening. */
export function ImportSummary({ record }: { record: ImportView }) {
  const t = useT();
  const s = record.summary;
  if (!s || s.dataRows === undefined) return null;
  const screening = s.screening;
  return (
    <Card withBorder component="section" aria-labelledby="import-summary-heading">
      <Title order={2} fz="h4" id="import-summary-heading" mb="sm">
        {t("IMPORT_SUMMARY_TITLE")}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" data-testid="import-summary">
        {figures(t, record).map((figure) => (
          <Stack key={figure.key} gap={0} data-testid={`import-sum-${figure.key}`}>
            <Text fz="xl" fw={700} c={figure.tone ? TONE_COLOR[figure.tone] : undefined} lh={1.2}>
              {formatNumber(figure.value, t.language)}
            </Text>
            <Text fz="xs" c="dimmed">
              {figure.label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Text fz="sm" fw={600}>
          {t("IMPORT_SCREENING_TITLE")}
        </Text>
        <Text fz="sm" data-testid="import-screening">
          {!screening
            ? t("IMPORT_SCREENING_PENDING")
            : screening.ran
              ? t("IMPORT_SCREENING_RAN", {
                  compared: formatNumber(screening.registryCompared ?? 0, t.language),
                  registry: formatNumber(screening.possibleRegistryDuplicates ?? 0, t.language),
                  file: formatNumber(screening.possibleFileDuplicates ?? 0, t.language),
                })
              : screening.reason === "too_many_rows"
                ? t("IMPORT_SCREENING_TOO_MANY", { limit: formatNumber(screening.limit ?? 0, t.language) })
                : t("IMPORT_SCREENING_NO_ROWS")}
        </Text>
      </Stack>
      {record.issueCounts.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fz="sm" fw={600}>
            {t("IMPORT_FINDINGS_BY_KIND")}
          </Text>
          <List size="sm" spacing={2} data-testid="import-issue-counts">
            {record.issueCounts.map((c) => (
              <List.Item key={`${c.code}-${c.severity}`}>
                <Text span fz="sm" fw={600} c={c.severity === "error" ? "red.8" : "yellow.9"}>
                  {formatNumber(c.count, t.language)} ×{" "}
                  {t(`IMPORT_SEVERITY_${c.severity === "error" ? "error" : "warning"}`)}
                </Text>{" "}
                <Text span fz="sm">
                  {kindText(t, c.code)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
