import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { formatDateTime } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";
import { useBatches } from "../payments/api.ts";
import { errorText } from "../ui/errors.ts";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { packUrl, useGeneratePack, usePacks } from "./api.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function previousMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** The batches the caller may report on: the payments API answers only those of the caller's agency scope. */
function BatchSelect({
  t,
  value,
  onChange,
}: {
  t: Translate;
  value: string;
  onChange: (id: string) => void;
}) {
  const batches = useBatches();
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.items.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t("REPORTS_PACK_BATCH_NONE")}
      </Text>
    );
  return (
    <NativeSelect
      label={t("REPORTS_PACK_BATCH")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      data={[
        { value: "", label: t("REPORTS_PACK_BATCH_CHOOSE") },
        ...batches.data.items.map((b) => ({
          value: b.id,
          label: t("REPORTS_PACK_BATCH_OPTION", {
            number: b.number,
            program: b.programName,
            period: b.periodName,
            decree: b.decreeNumber,
            lines: b.lineCount,
          }),
        })),
      ]}
      style={{ flex: "1 1 16rem", minWidth: 0 }}
    />
  );
}

/** The periodic packs: generated here for a month or a payment batch, listed and downloaded (each download audited). */
export function PacksCard({ t, canGenerate }: { t: Translate; canGenerate: boolean }) {
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<"monthly" | "batch">("monthly");
  const [month, setMonth] = useState(previousMonth());
  const [batchId, setBatchId] = useState("");
  const packs = usePacks(page);
  const generate = useGeneratePack();
  const ready = kind === "monthly" ? MONTH.test(month) : batchId !== "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    generate.mutate(kind === "monthly" ? { kind, month } : { kind, batchId });
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="packs-heading">
      <Title order={2} fz="h4" id="packs-heading" mb={4}>
        {t("REPORTS_PACKS")}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t("REPORTS_PACKS_HELP")}
      </Text>
      {canGenerate && (
        <Stack component="form" onSubmit={submit} gap="xs" mb="sm" data-testid="pack-form">
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value === "batch" ? "batch" : "monthly")}
            data={[
              { value: "monthly", label: t("REPORTS_PACK_KIND_monthly") },
              { value: "batch", label: t("REPORTS_PACK_KIND_batch") },
            ]}
            aria-label={t("REPORTS_PACK_KIND")}
            style={{ alignSelf: "flex-start" }}
          />
          <Group align="end" wrap="wrap">
            {kind === "monthly" ? (
              <TextInput
                type="month"
                label={t("REPORTS_PACK_MONTH")}
                value={month}
                onChange={(e) => setMonth(e.currentTarget.value)}
                required
              />
            ) : (
              <BatchSelect t={t} value={batchId} onChange={setBatchId} />
            )}
            <Button type="submit" loading={generate.isPending} disabled={!ready}>
              {t(kind === "monthly" ? "REPORTS_PACK_MAKE" : "REPORTS_PACK_MAKE_BATCH")}
            </Button>
          </Group>
        </Stack>
      )}
      {generate.error != null && (
        <Alert color="red" role="alert" mb="sm">
          {errorText(t, generate.error)}
        </Alert>
      )}
      {generate.data && (
        <Alert color="teal" role="status" mb="sm" data-testid="pack-made">
          {t("REPORTS_PACK_MADE", { checkpoint: generate.data.checkpointId })}
        </Alert>
      )}
      {packs.isPending ? (
        <LoadingState />
      ) : packs.isError ? (
        <ErrorState error={packs.error} onRetry={() => void packs.refetch()} />
      ) : packs.data.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t("REPORTS_PACKS_EMPTY")}
        </Text>
      ) : (
        <Stack gap={6} data-testid="pack-list">
          {packs.data.items.map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap" data-testid="pack-row">
              <div>
                <Text fz="sm">
                  {t("REPORTS_PACK_ROW", {
                    title: p.title,
                    checkpoint: p.checkpointId,
                    by: p.generatedByName,
                    at: formatDateTime(p.generatedAt, t.language),
                  })}
                </Text>
                <Text fz={10} c="dimmed" style={{ wordBreak: "break-all" }}>
                  PDF SHA-256 {p.pdfSha256}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={packUrl(p.id, "pdf")} download fz="sm">
                  PDF
                </Anchor>
                <Anchor href={packUrl(p.id, "xlsx")} download fz="sm">
                  XLSX
                </Anchor>
              </Group>
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("AUDIT_PREVIOUS")}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!packs.data.hasMore}
              onClick={() => setPage(page + 1)}
            >
              {t("AUDIT_NEXT")}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
