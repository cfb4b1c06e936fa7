import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { areaLevel } from "../access/roles.ts";
import { formatDateTime, formatNumber, formatShare } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { useBatches } from "../payments/api.ts";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useDrawSample, useSamples } from "./api.ts";

const CONFIDENCES = [0.9, 0.95, 0.99] as const;
const MARGINS = [0.03, 0.05, 0.1] as const;

/** /penerimaan/sampel: draw a verification sample of a batch, and the samples drawn so far. */
export default function SamplesPage() {
  const t = useT();
  const { user } = useAuth();
  // A sample covers a whole batch: only a regency-wide official draws one (the server refuses anyone else).
  const draws = user ? areaLevel(user.area) === "regency" : false;
  return (
    <>
      <PageHeader
        title={t("RCPT_SAMPLES_TITLE")}
        crumbs={[{ label: t("NAV_RECEIPTS"), to: "/penerimaan" }, { label: t("RCPT_SAMPLES_TITLE") }]}
      />
      <Stack>
        {draws && <DrawForm />}
        <SampleList />
      </Stack>
    </>
  );
}

function DrawForm() {
  const t = useT();
  const navigate = useNavigate();
  const batches = useBatches();
  const draw = useDrawSample();
  const [batchId, setBatchId] = useState("");
  const [confidence, setConfidence] = useState("0.95");
  const [margin, setMargin] = useState("0.05");
  const [seed, setSeed] = useState("");
  // Only a batch sent to the bank can hold lines it has paid.
  const sent = (batches.data?.items ?? []).filter((b) => b.status === "exported");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!batchId) return;
    const digits = seed.replace(/\D/g, "");
    draw.mutate(
      {
        batchId,
        confidence: Number(confidence),
        margin: Number(margin),
        ...(digits ? { seed: Number(digits) } : {}),
      },
      { onSuccess: (sample) => void navigate(`/penerimaan/sampel/${sample.id}`) },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="draw-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="draw-title">
          {t("RCPT_DRAW_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("RCPT_DRAW_HINT")}
        </Text>
        {batches.error && <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />}
        {batches.data && sent.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t("RCPT_NO_BATCH")}
          </Text>
        )}
        <NativeSelect
          label={t("RCPT_DRAW_BATCH")}
          required
          value={batchId}
          onChange={(e) => setBatchId(e.currentTarget.value)}
          data={[
            { value: "", label: "–" },
            ...sent.map((b) => ({
              value: b.id,
              label: `${t("RCPT_BATCH", { number: b.number })} · ${b.programName} · ${b.periodName}`,
            })),
          ]}
        />
        <Group grow align="flex-end">
          <NativeSelect
            label={t("RCPT_DRAW_CONFIDENCE")}
            value={confidence}
            onChange={(e) => setConfidence(e.currentTarget.value)}
            data={CONFIDENCES.map((c) => ({ value: String(c), label: formatShare(c, t.language) }))}
          />
          <NativeSelect
            label={t("RCPT_DRAW_MARGIN")}
            value={margin}
            onChange={(e) => setMargin(e.currentTarget.value)}
            data={MARGINS.map((m) => ({ value: String(m), label: `± ${formatShare(m, t.language)}` }))}
          />
          <TextInput
            label={t("RCPT_DRAW_SEED")}
            inputMode="numeric"
            autoComplete="off"
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
          />
        </Group>
        {draw.error && (
          <Alert color="red" role="alert">
            {errorText(t, draw.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={draw.isPending} disabled={!batchId}>
            {t("RCPT_DRAW")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function SampleList() {
  const t = useT();
  const samples = useSamples();
  if (samples.isPending) return <LoadingState />;
  if (samples.error) return <ErrorState error={samples.error} onRetry={() => void samples.refetch()} />;
  if (samples.data.items.length === 0) return <EmptyView title={t("RCPT_SAMPLES_EMPTY")} />;
  return (
    <Card withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="receipt-samples">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("RCPT_DRAW_BATCH")}</Table.Th>
              <Table.Th>{t("RCPT_SEED")}</Table.Th>
              <Table.Th>{t("RCPT_DRAW_CONFIDENCE")}</Table.Th>
              <Table.Th ta="right">{t("RCPT_SAMPLE_SIZE")}</Table.Th>
              <Table.Th ta="right">{t("RCPT_SAMPLE_ANSWERED")}</Table.Th>
              <Table.Th>{t("RCPT_DRAWN_AT")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {samples.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/penerimaan/sampel/${s.id}`}>
                    {t("RCPT_BATCH", { number: s.batchNumber })} · {s.programName}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{s.seed}</Table.Td>
                <Table.Td>
                  {t("RCPT_PRECISION", {
                    confidence: formatShare(s.confidence, t.language),
                    margin: formatShare(s.margin, t.language),
                  })}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(s.lineCount, t.language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.answered, t.language)}</Table.Td>
                <Table.Td>{formatDateTime(s.drawnAt, t.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
