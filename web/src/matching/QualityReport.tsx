import { Stack, Table, Text } from "@mantine/core";
import { useT } from "../i18n/language.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useQuality } from "./api.ts";
import { percent } from "./CandidatesPanel.tsx";

/** Precision and recall at each threshold, counted on the coordinators' own decisions (real data, not synthetic). */
export function QualityReport() {
  const t = useT();
  const quality = useQuality();
  if (quality.isPending) return <LoadingState />;
  if (quality.isError) return <ErrorState error={quality.error} onRetry={() => void quality.refetch()} />;
  const q = quality.data;
  const ratio = (value: number | null) => (value === null ? "—" : percent(value, t.language));
  if (q.labels === 0)
    return <EmptyView title={t("MATCH_QUALITY_EMPTY")} description={t("MATCH_QUALITY_EMPTY_HINT")} />;
  return (
    <Stack gap="sm">
      <Text fz="sm">
        {t("MATCH_QUALITY_INTRO", {
          labels: q.labels,
          samePerson: q.samePerson,
          differentPeople: q.differentPeople,
          sampledLinks: q.sampledLinks,
        })}
      </Text>
      <Text fz="sm" c="dimmed">
        {t("MATCH_QUALITY_CURRENT", { match: ratio(q.matchThreshold), review: ratio(q.reviewThreshold) })}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table striped withTableBorder data-testid="quality-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("MATCH_QUALITY_THRESHOLD")}</Table.Th>
              <Table.Th>{t("MATCH_QUALITY_PRECISION")}</Table.Th>
              <Table.Th>{t("MATCH_QUALITY_RECALL")}</Table.Th>
              <Table.Th>{t("MATCH_QUALITY_TP")}</Table.Th>
              <Table.Th>{t("MATCH_QUALITY_FP")}</Table.Th>
              <Table.Th>{t("MATCH_QUALITY_FN")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.thresholds.map((row) => (
              <Table.Tr key={row.threshold} fw={row.threshold === q.matchThreshold ? 700 : undefined}>
                <Table.Td>{ratio(row.threshold)}</Table.Td>
                <Table.Td>{ratio(row.precision)}</Table.Td>
                <Table.Td>{ratio(row.recall)}</Table.Td>
                <Table.Td>{row.truePositives}</Table.Td>
                <Table.Td>{row.falsePositives}</Table.Td>
                <Table.Td>{row.falseNegatives}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
