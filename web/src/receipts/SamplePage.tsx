import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { formatDateTime, formatNumber, formatRupiah, formatShare } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { useBatches } from "../payments/api.ts";
import { useRegionIndex } from "../regions/regions.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type SampleView, useSample } from "./api.ts";
import { type AnsweredLine, ConfirmationForm } from "./ConfirmationForm.tsx";

type SampledLine = SampleView["lines"][number];

/**
 * /penerimaan/sampel/:id: the sample's seed (so anyone can draw it again), its size per desa, and the lines the
 * agency calls or visits, each with the answer recorded so far.
 */
export default function SamplePage() {
  const t = useT();
  const { id = "" } = useParams();
  const sample = useSample(id);
  const batches = useBatches();
  const regions = useRegionIndex();
  const [open, setOpen] = useState<AnsweredLine | null>(null);

  if (sample.isPending) return <LoadingState />;
  if (sample.error) return <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />;
  const s = sample.data;
  const batch = batches.data?.items.find((b) => b.id === s.batchId);
  const precision = {
    confidence: formatShare(s.confidence, t.language),
    margin: formatShare(s.margin, t.language),
  };
  const answered = (line: SampledLine) =>
    line.answer ? (
      <Badge variant="light" color={line.answer === "received_full" ? "green" : "red"}>
        {t(`RCPT_ANSWER_${line.answer}`)}
      </Badge>
    ) : (
      <Text fz="sm" c="dimmed">
        {t("RCPT_NOT_YET")}
      </Text>
    );

  return (
    <>
      <PageHeader
        title={t("RCPT_SAMPLE_TITLE", { program: batch?.programName ?? "", number: batch?.number ?? "" })}
        crumbs={[
          { label: t("NAV_RECEIPTS"), to: "/penerimaan" },
          { label: t("RCPT_SAMPLES_TITLE"), to: "/penerimaan/sampel" },
          { label: formatDateTime(s.drawnAt, t.language) },
        ]}
      />
      <Stack>
        <Card withBorder>
          <Text data-testid="sample-seed">
            {t("RCPT_SAMPLE_SEED_NOTE", { seed: String(s.seed), ...precision })}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("RCPT_STRATA")}
          </Title>
          <Table.ScrollContainer minWidth={360}>
            <Table data-testid="sample-strata">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("RCPT_LEAKAGE_LEVEL_desa")}</Table.Th>
                  <Table.Th ta="right">{t("RCPT_POPULATION")}</Table.Th>
                  <Table.Th ta="right">{t("RCPT_SIZE")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.strata.map((stratum) => (
                  <Table.Tr key={stratum.desa}>
                    <Table.Td>{regions?.name(stratum.desa) || stratum.desa}</Table.Td>
                    <Table.Td ta="right">{formatNumber(stratum.population, t.language)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(stratum.size, t.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        {open && (
          <ConfirmationForm
            key={open.lineId}
            line={open}
            channel={{ kind: "verification", sampleId: s.id }}
            onClose={() => setOpen(null)}
          />
        )}
        <Card withBorder>
          <Title order={2} fz="h4" mb="sm">
            {t("RCPT_LINES")}
          </Title>
          {s.lines.length === 0 ? (
            <EmptyView title={t("RCPT_SAMPLE_NONE_HERE")} />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="sample-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("RCPT_LEAKAGE_LEVEL_desa")}</Table.Th>
                    <Table.Th>{t("RCPT_REFERENCE")}</Table.Th>
                    <Table.Th ta="right">{t("RCPT_AMOUNT")}</Table.Th>
                    <Table.Th>{t("RCPT_ANSWER")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.lines.map((line) => (
                    <Table.Tr key={line.lineId}>
                      <Table.Td>{regions?.name(line.villageCode) || line.villageCode}</Table.Td>
                      <Table.Td ff="monospace">{line.reference}</Table.Td>
                      <Table.Td ta="right">{formatRupiah(line.amount)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {answered(line)}
                          {!line.answer && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              aria-label={`${t("RCPT_RECORD")} ${line.reference}`}
                              onClick={() => setOpen(line)}
                            >
                              {t("RCPT_RECORD")}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}
