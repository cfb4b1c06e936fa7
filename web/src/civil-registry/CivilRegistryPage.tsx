import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDate, formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type CivilBatch,
  useCivilBatches,
  useCivilStatistics,
  useCreateCivilBatch,
  useExportCivilBatch,
  useImportCivilResults,
} from "./api.ts";
import { ReviewQueue } from "./ReviewQueue.tsx";

/** /dukcapil: batches to the civil registry office, their results, the review queue and the counts per desa. */
export default function CivilRegistryPage() {
  const t = useT();
  const { user } = useAuth();
  const verify = user ? roleCan(user.role, "civil_registry.verify") : false;
  return (
    <>
      <PageHeader title={t("CR_TITLE")} />
      <Stack>
        {verify && <CreateBatchForm />}
        {verify && <BatchList />}
        {user && roleCan(user.role, "civil_registry.review") && <ReviewQueue />}
        {user && roleCan(user.role, "civil_registry.read") && <Statistics />}
      </Stack>
    </>
  );
}

function CreateBatchForm() {
  const t = useT();
  const { user } = useAuth();
  const create = useCreateCivilBatch();
  const [scope, setScope] = useState<"village" | "district" | "unverified" | "period">("village");
  const [areaCode, setAreaCode] = useState(user?.area.level === "village" ? user.area.code : "");
  const [periodId, setPeriodId] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      scope,
      areaCode: areaCode.trim() || undefined,
      periodId: scope === "period" ? periodId.trim() || undefined : undefined,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="cr-create-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="cr-create-title">
          {t("CR_CREATE_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("CR_CREATE_HINT")}
        </Text>
        <Group grow align="flex-end">
          <NativeSelect
            label={t("CR_SCOPE")}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value as typeof scope)}
            data={(["village", "district", "unverified", "period"] as const).map((s) => ({
              value: s,
              label: t(`CR_SCOPE_${s}`),
            }))}
          />
          <TextInput
            label={t("CR_AREA")}
            value={areaCode}
            onChange={(e) => setAreaCode(e.currentTarget.value)}
            placeholder="64.01.05.2002"
          />
          {scope === "period" && (
            <TextInput
              label={t("CR_PERIOD")}
              required
              value={periodId}
              onChange={(e) => setPeriodId(e.currentTarget.value)}
            />
          )}
        </Group>
        {create.error && (
          <Alert color="red" role="alert">
            {errorText(t, create.error)}
          </Alert>
        )}
        {create.data && (
          <Alert color="green" role="status" data-testid="cr-created">
            {t("CR_CREATED", { code: create.data.code, count: create.data.rowCount })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("CR_CREATE")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function BatchList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const batches = useCivilBatches(page);
  if (batches.isPending) return <LoadingState />;
  if (batches.error) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.items.length === 0) return <EmptyView title={t("CR_BATCHES_EMPTY")} />;
  const pages = Math.ceil(batches.data.total / 20);
  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="sm">
        {t("CR_BATCHES")}
      </Title>
      <Stack gap="md" data-testid="cr-batches">
        {batches.data.items.map((b) => (
          <BatchRow key={b.id} batch={b} />
        ))}
      </Stack>
      {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" />}
    </Card>
  );
}

function BatchRow({ batch }: { batch: CivilBatch }) {
  const t = useT();
  const download = useExportCivilBatch(batch.id);
  const upload = useImportCivilResults(batch.id);
  const [file, setFile] = useState<File | null>(null);
  const result = upload.data;
  return (
    <Card withBorder padding="sm" data-testid="cr-batch" data-code={batch.code}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} ff="monospace">
            {batch.code}
          </Text>
          <Text fz="sm">
            {batch.area.name} · {t("CR_ROWS")}: {formatNumber(batch.rowCount, t.language)} ·{" "}
            {formatDate(batch.createdAt.slice(0, 10), t.language)}
          </Text>
        </Group>
        <Text fz="xs" c="dimmed" ff="monospace" style={{ wordBreak: "break-all" }}>
          {t("CR_HASH")}: {batch.sha256}
        </Text>
        <Group>
          {(["xlsx", "csv"] as const).map((format) => (
            <Button
              key={format}
              size="xs"
              variant="light"
              loading={download.isPending && download.variables === format}
              onClick={() => download.mutate(format)}
            >
              {t("CR_DOWNLOAD", { format: format.toUpperCase() })}
            </Button>
          ))}
          {download.data && (
            <Text fz="xs" role="status" data-testid="cr-downloaded">
              {t("CR_DOWNLOADED", { name: download.data.name, rows: download.data.rows })}
            </Text>
          )}
        </Group>
        {download.error && (
          <Alert color="red" role="alert">
            {errorText(t, download.error)}
          </Alert>
        )}
        <Group
          align="flex-end"
          component="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <FileInput
            label={t("CR_RESULT_FILE")}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            data-testid="cr-result-file"
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            {t("CR_IMPORT")}
          </Button>
        </Group>
        {upload.error && (
          <Alert color="red" role="alert">
            {errorText(t, upload.error)}
          </Alert>
        )}
        {result && (
          <Alert
            color={result.summary.unmatched + result.summary.malformed > 0 ? "yellow" : "green"}
            role="status"
            data-testid="cr-import-result"
            data-state={result.alreadyReceived ? "already" : "applied"}
          >
            <Stack gap={4}>
              {result.alreadyReceived && <Text fz="sm">{t("CR_ALREADY")}</Text>}
              <Text fz="sm">
                {t("CR_SUMMARY", {
                  applied: result.summary.applied,
                  unchanged: result.summary.unchanged,
                  unmatched: result.summary.unmatched,
                  malformed: result.summary.malformed,
                  reviews: result.summary.reviews,
                  withdrawn: result.summary.withdrawn,
                })}
              </Text>
              {result.summary.report.length > 0 && (
                <Table fz="sm" data-testid="cr-import-report">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("CR_ROW")}</Table.Th>
                      <Table.Th>{t("CR_PROBLEM")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.summary.report.map((r) => (
                      <Table.Tr key={`${r.row}-${r.problem}`}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{t.code(`CR_PROBLEM_${r.problem}`, {}, r.problem)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Statistics() {
  const t = useT();
  const stats = useCivilStatistics("village");
  if (stats.isPending) return <LoadingState />;
  if (stats.error) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  if (stats.data.items.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="sm">
        {t("CR_STATISTICS")}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="sm" data-testid="cr-statistics">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("CR_AREA")}</Table.Th>
              <Table.Th ta="right">{t("CR_STAT_PERSONS")}</Table.Th>
              <Table.Th ta="right">{t("CR_STAT_VERIFIED")}</Table.Th>
              <Table.Th ta="right">{t("CR_STATUS_padan")}</Table.Th>
              <Table.Th ta="right">{t("CR_STATUS_tidak_padan")}</Table.Th>
              <Table.Th ta="right">{t("CR_STATUS_not_found")}</Table.Th>
              <Table.Th ta="right">{t("CR_STATUS_deceased")}</Table.Th>
              <Table.Th ta="right">{t("CR_STATUS_moved")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.data.items.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td>{r.name}</Table.Td>
                {[r.persons, r.verified, r.padan, r.tidakPadan, r.notFound, r.deceased, r.moved].map(
                  (n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <Table.Td key={i} ta="right">
                      {formatNumber(n, t.language)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function VerificationStatusBadge({ status }: { status: string }) {
  const t = useT();
  const color = status === "padan" ? "teal" : status === "tidak_padan" ? "yellow" : "red";
  return (
    <Badge variant="light" color={color}>
      {t.code(`CR_STATUS_${status}`, {}, status)}
    </Badge>
  );
}
