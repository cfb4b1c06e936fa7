import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatNumber, formatRupiah } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type BatchView,
  useApprove,
  useBatch,
  useExport,
  useImportResults,
  useLayouts,
  useLines,
  useReconciliation,
  useResolve,
} from "./api.ts";

/** /pembayaran/:id — one batch from approval to reconciliation: what the agency and the bank operator each do. */
export default function BatchPage() {
  const { id = "" } = useParams();
  const t = useT();
  const { user } = useAuth();
  const detail = useBatch(id);
  const can = (action: Parameters<typeof roleCan>[1]) => (user ? roleCan(user.role, action) : false);
  if (detail.isPending) return <LoadingState />;
  if (detail.error)
    return (
      <>
        <PageHeader title={t("PAY_TITLE")} crumbs={[{ label: t("PAY_TITLE"), to: "/pembayaran" }]} />
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  const { batch } = detail.data;
  return (
    <>
      <PageHeader
        title={`${t("PAY_NUMBER")} ${batch.number}`}
        crumbs={[{ label: t("PAY_TITLE"), to: "/pembayaran" }]}
      />
      <Stack>
        <Summary batch={batch} t={t} />
        {batch.status === "prepared" && can("payment.approve") && <Approve batch={batch} t={t} />}
        {batch.status !== "prepared" && can("payment.export") && <Export batch={batch} t={t} />}
        {batch.status === "exported" && can("payment.result.apply") && <Results id={batch.id} t={t} />}
        {batch.status === "exported" && <Reconciliation id={batch.id} t={t} />}
        <Lines id={batch.id} t={t} mayResolve={can("payment.resolve")} />
      </Stack>
    </>
  );
}

function Summary({ batch, t }: { batch: BatchView; t: Translate }) {
  return (
    <Card withBorder>
      <Group gap="xl">
        <div>
          <Text fz="xs" c="dimmed">
            {t("PAY_STATUS")}
          </Text>
          <Badge data-testid="batch-status">{t.code(`PAY_STATUS_${batch.status}`)}</Badge>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t("PAY_COUNT")}
          </Text>
          <Text fw={600}>{formatNumber(batch.lineCount, t.language)}</Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t("PAY_TOTAL")}
          </Text>
          <Text fw={600}>{formatRupiah(batch.totalAmount)}</Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t("PAY_DEADLINE")}
          </Text>
          <Text>{batch.claimDeadline}</Text>
        </div>
      </Group>
      <Text fz="xs" c="dimmed" mt="sm">
        {t("PAY_HASH")}: <Code>{batch.linesSha256}</Code>
      </Text>
      {batch.exportSha256 && (
        <Text fz="xs" c="dimmed">
          {t("PAY_FILE_HASH")}: <Code>{batch.exportSha256}</Code>
        </Text>
      )}
      {batch.exportSha256 && (
        <Anchor href={`/api/payment-batches/${batch.id}/cover-letter`} target="_blank" fz="sm">
          {t("PAY_COVER_LETTER")}
        </Anchor>
      )}
    </Card>
  );
}

function Approve({ batch, t }: { batch: BatchView; t: Translate }) {
  const approve = useApprove(batch.id);
  return (
    <Card withBorder>
      <Text fz="sm" mb="xs">
        {t("PAY_APPROVE_HINT")}
      </Text>
      {approve.error && (
        <Alert color="red" role="alert" mb="xs">
          {errorText(t, approve.error)}
        </Alert>
      )}
      <Button
        loading={approve.isPending}
        onClick={() => approve.mutate({ version: batch.version, linesSha256: batch.linesSha256 })}
      >
        {t("PAY_APPROVE")}
      </Button>
    </Card>
  );
}

/**
 * The bank file layouts this batch's file can be written or read in: the built-in BRI layout first (the
 * default), then those the paying agency saved; and, for whoever may edit them, the way to that screen.
 */
function LayoutPicker({
  batchId,
  kind,
  value,
  onChange,
  t,
}: {
  batchId: string;
  kind: "export" | "result";
  value: string;
  onChange: (id: string) => void;
  t: Translate;
}) {
  const layouts = useLayouts({ kind, batchId });
  const { abilities } = useAuth();
  const items = layouts.data?.items ?? [];
  return (
    <Group align="flex-end" gap="xs">
      <NativeSelect
        label={t("PAY_LAYOUT")}
        // The bank and the approver pick a layout but cannot change one: tell them who keeps the list.
        description={abilities.manageLayouts ? undefined : t("PAY_LAYOUT_KEPT_BY")}
        value={value || (items[0]?.id ?? "")}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={items.map((l) => ({
          value: l.id,
          label: l.builtIn ? `${l.name} (${t("PAY_LAYOUT_BUILT_IN")})` : l.name,
        }))}
        disabled={layouts.isPending}
        error={layouts.error ? errorText(t, layouts.error) : undefined}
      />
      {abilities.manageLayouts && (
        <Anchor component={Link} to={`/pembayaran/tata-letak?batch=${batchId}`} fz="sm" mb={8}>
          {t("PAY_LAYOUTS_MANAGE")}
        </Anchor>
      )}
    </Group>
  );
}

function Export({ batch, t }: { batch: BatchView; t: Translate }) {
  const download = useExport(batch.id);
  const [layoutId, setLayoutId] = useState("");
  // Until the official picks one, no layout is named and the server writes its default (BRI).
  const chosen = layoutId || undefined;
  return (
    <Card withBorder>
      <LayoutPicker batchId={batch.id} kind="export" value={layoutId} onChange={setLayoutId} t={t} />
      <Group mt="sm">
        <Button
          loading={download.isPending}
          onClick={() => download.mutate({ format: "csv", layoutId: chosen })}
        >
          {t("PAY_EXPORT_CSV")}
        </Button>
        <Button
          variant="light"
          loading={download.isPending}
          onClick={() => download.mutate({ format: "xlsx", layoutId: chosen })}
        >
          {t("PAY_EXPORT_XLSX")}
        </Button>
      </Group>
      {download.error && (
        <Alert color="red" role="alert" mt="xs">
          {errorText(t, download.error)}
        </Alert>
      )}
      {download.data && (
        <Text fz="sm" mt="xs" role="status" data-testid="export-done">
          {t("PAY_EXPORTED", { name: download.data.name, sha256: download.data.sha256 })}
        </Text>
      )}
    </Card>
  );
}

function Results({ id, t }: { id: string; t: Translate }) {
  const send = useImportResults(id);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"csv" | "xlsx" | "mt940">("csv");
  const [layoutId, setLayoutId] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate({ file, format, layoutId: layoutId || undefined });
  };
  const out = send.data;
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="pay-results-title">
      <Title order={2} fz="h4" id="pay-results-title" mb="xs">
        {t("PAY_RESULTS_TITLE")}
      </Title>
      <LayoutPicker batchId={id} kind="result" value={layoutId} onChange={setLayoutId} t={t} />
      <Group align="flex-end" mt="sm">
        <TextInput
          type="file"
          label={t("PAY_RESULTS_FILE")}
          required
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <NativeSelect
          label={t("PAY_RESULTS_FORMAT")}
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as "csv")}
          data={[
            { value: "csv", label: "CSV" },
            { value: "xlsx", label: "XLSX" },
            { value: "mt940", label: "MT940" },
          ]}
        />
        <Button type="submit" loading={send.isPending}>
          {t("PAY_RESULTS_SEND")}
        </Button>
      </Group>
      {send.error && (
        <Alert color="red" role="alert" mt="xs">
          {errorText(t, send.error)}
        </Alert>
      )}
      {out && (
        <Alert
          color={out.alreadyReceived ? "yellow" : "green"}
          role="status"
          mt="xs"
          data-testid="results-outcome"
        >
          {out.alreadyReceived
            ? t("PAY_RESULTS_ALREADY", { at: out.receivedAt })
            : t("PAY_RESULTS_APPLIED", out.summary)}
        </Alert>
      )}
      {out && out.refusals.length > 0 && (
        <Table mt="xs" fz="sm">
          <Table.Caption>{t("PAY_REFUSALS")}</Table.Caption>
          <Table.Tbody>
            {out.refusals.map((r) => (
              <Table.Tr key={`${r.row}-${r.code}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.reference}</Table.Td>
                <Table.Td>{t.code(r.code.split(":")[0] ?? r.code)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Reconciliation({ id, t }: { id: string; t: Translate }) {
  const [by, setBy] = useState("batch");
  const rec = useReconciliation(id, by);
  return (
    <Card withBorder aria-labelledby="pay-recon-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="pay-recon-title">
          {t("PAY_RECON_TITLE")}
        </Title>
        <SegmentedControl
          aria-label={t("PAY_RECON_BY")}
          value={by}
          onChange={setBy}
          data={(["batch", "district", "village"] as const).map((v) => ({
            value: v,
            label: t(`PAY_RECON_${v}`),
          }))}
        />
      </Group>
      {rec.isPending ? (
        <LoadingState />
      ) : rec.error ? (
        <ErrorState error={rec.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table data-testid="reconciliation" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">{t("PAY_ISSUED")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_PAID")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_FAILED")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_RETURNED")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_PENDING")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_BANK_SAYS")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[
                  ...rec.data.groups.map((g) => ({ ...g, label: g.name ?? g.key })),
                  { ...rec.data.total, label: "Σ", key: "total" },
                ].map((g) => (
                  <Table.Tr key={g.key} data-testid={`recon-${g.key}`}>
                    <Table.Th scope="row">{g.label}</Table.Th>
                    <Table.Td ta="right">{formatRupiah(g.issuedAmount)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(g.paidAmount)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(g.failedAmount)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(g.returnedAmount)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(g.pendingAmount)}</Table.Td>
                    <Table.Td ta="right">
                      {formatRupiah(g.bankPaidAmount)} / {formatRupiah(g.bankFailedAmount)} /{" "}
                      {formatRupiah(g.bankReturnedAmount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fw={600} c={rec.data.total.balanced ? "green.9" : "red.9"} data-testid="recon-balanced">
            {rec.data.total.balanced ? t("PAY_BALANCED") : t("PAY_UNBALANCED")}
          </Text>
          <Title order={3} fz="h5" mt="sm">
            {t("PAY_DIFFERENCES")}
          </Title>
          {rec.data.differences.length === 0 ? (
            <Text fz="sm">{t("PAY_NO_DIFFERENCES")}</Text>
          ) : (
            <Table fz="sm" data-testid="differences">
              <Table.Tbody>
                {rec.data.differences.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.reference}</Table.Td>
                    <Table.Td>{d.bankReference}</Table.Td>
                    <Table.Td>{d.accountName ?? "–"}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(d.amount)}</Table.Td>
                    <Table.Td>{d.refusalCode ? t.code(d.refusalCode) : d.disposition}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}

function Lines({ id, t, mayResolve }: { id: string; t: Translate; mayResolve: boolean }) {
  const [status, setStatus] = useState<string>("all");
  const [page, setPage] = useState(1);
  const lines = useLines(id, status === "all" ? null : status, page);
  const resolve = useResolve();
  const [reason, setReason] = useState("");
  return (
    <Card withBorder aria-labelledby="pay-lines-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="pay-lines-title">
          {t("PAY_LINES_TITLE")}
        </Title>
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={[
            { value: "all", label: t("PAY_ALL") },
            ...(["sent", "paid", "failed", "returned"] as const).map((s) => ({
              value: s,
              label: t(`PAY_LINE_${s}`),
            })),
          ]}
        />
      </Group>
      {mayResolve && status === "failed" && (
        <TextInput
          label={t("PAY_RESOLUTION_REASON")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          mb="xs"
        />
      )}
      {resolve.error && (
        <Alert color="red" role="alert" mb="xs">
          {errorText(t, resolve.error)}
        </Alert>
      )}
      {lines.isPending ? (
        <LoadingState />
      ) : lines.error ? (
        <ErrorState error={lines.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" data-testid="payment-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("PAY_REFERENCE")}</Table.Th>
                  <Table.Th>{t("PAY_NAME")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_AMOUNT")}</Table.Th>
                  <Table.Th>{t("PAY_STATUS")}</Table.Th>
                  <Table.Th>{t("PAY_REASON")}</Table.Th>
                  {mayResolve && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.data.items.map((l) => (
                  <Table.Tr key={l.id} data-reference={l.reference}>
                    <Table.Td>
                      <Code>{l.reference}</Code>
                    </Table.Td>
                    <Table.Td>{l.accountName}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(l.amount)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t.code(`PAY_LINE_${l.status}`)}</Badge>
                      {l.resolution && <Badge ml={4}>{t.code(`PAY_RESOLVED_${l.resolution}`)}</Badge>}
                    </Table.Td>
                    <Table.Td>{l.failureReason ?? ""}</Table.Td>
                    {mayResolve && (
                      <Table.Td>
                        {l.status === "failed" && !l.resolution && (
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="xs"
                              disabled={reason.trim().length < 3}
                              onClick={() =>
                                resolve.mutate({ id: l.id, action: "reissue", version: l.version, reason })
                              }
                            >
                              {t("PAY_REISSUE")}
                            </Button>
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              disabled={reason.trim().length < 3}
                              onClick={() =>
                                resolve.mutate({ id: l.id, action: "cancel", version: l.version, reason })
                              }
                            >
                              {t("PAY_CANCEL")}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="sm">
            <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("PAY_PREV")}
            </Button>
            <Button
              variant="default"
              disabled={page * lines.data.pageSize >= lines.data.total}
              onClick={() => setPage(page + 1)}
            >
              {t("PAY_NEXT")}
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
