import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
  useMatches,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useJobProgress } from "../jobs/api.ts";
import { JobProgress } from "../jobs/JobProgress.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { ReconciliationAreas } from "./ReconciliationAreas.tsx";
import { ReconciliationDecisionBar } from "./ReconciliationDecisionBar.tsx";
import { ReconciliationExport } from "./ReconciliationExport.tsx";
import { ReconciliationLineCard, SET_COLOR } from "./ReconciliationLineCard.tsx";
import {
  type AreaCount,
  CATEGORIES,
  type LineFilter,
  type ReconciliationCategory,
  type ReconciliationLine,
  type ReconciliationView,
  type SetCounts,
  useDecideLines,
  useReconciliation,
  useReconciliationLines,
  useReconciliationVillages,
} from "./reconciliation-api.ts";

const PAGE_SIZE = 20;
const DECIDED = ["any", "false", "true"] as const;

/** The filters live in the address bar: a set or a desa can be bookmarked and shared with the desa operator. */
function filterFrom(params: URLSearchParams): LineFilter & { page: number } {
  const set = params.get("set");
  const decided = params.get("decided");
  const page = Number(params.get("page") ?? "1");
  return {
    category: CATEGORIES.includes(set as ReconciliationCategory)
      ? (set as ReconciliationCategory)
      : undefined,
    districtCode: params.get("kec") ?? undefined,
    villageCode: params.get("desa") ?? undefined,
    decided: decided === "true" || decided === "false" ? decided : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Sets as the caller's area sees them: the sum over the kecamatan rows, which the server scopes to the area. */
function areaTotals(areas: AreaCount[]): SetCounts {
  const totals: SetCounts = { matched: 0, conflict: 0, central_only: 0, regional_only: 0 };
  for (const a of areas) for (const c of CATEGORIES) totals[c] += a.counts[c];
  return totals;
}

function SetCards({
  counts,
  chosen,
  onChoose,
  t,
}: {
  counts: SetCounts;
  chosen: ReconciliationCategory | undefined;
  onChoose: (category: ReconciliationCategory | undefined) => void;
  t: Translate;
}) {
  const total = CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  return (
    <Stack gap="xs" component="section" aria-label={t("RECON_SETS_LABEL")}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        {CATEGORIES.map((c) => {
          const pressed = chosen === c;
          return (
            <UnstyledButton
              key={c}
              onClick={() => onChoose(pressed ? undefined : c)}
              aria-pressed={pressed}
              data-testid={`reconciliation-set-${c}`}
              p="sm"
              style={{
                display: "flex",
                flexDirection: "column",
                justifyContent: "flex-start",
                textAlign: "left",
                height: "100%",
                borderRadius: "var(--mantine-radius-default)",
                border: `${pressed ? 2 : 1}px solid ${pressed ? `var(--mantine-color-${SET_COLOR[c]}-filled)` : "var(--mantine-color-default-border)"}`,
                borderLeft: `6px solid var(--mantine-color-${SET_COLOR[c]}-filled)`,
                background: pressed
                  ? `var(--mantine-color-${SET_COLOR[c]}-light)`
                  : "var(--mantine-color-body)",
              }}
            >
              <Text component="span" display="block" fz={28} fw={700} lh={1.1} data-testid="set-count">
                {formatNumber(counts[c], t.language)}
              </Text>
              <Text component="span" display="block" fw={600} fz="sm">
                {t.code(`RECON_SET_${c}`)}
              </Text>
              <Text component="span" display="block" fz="xs" c="dimmed">
                {t.code(`RECON_SET_${c}_HINT`)}
              </Text>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Group gap="xs">
        <Button
          variant={chosen ? "default" : "light"}
          size="xs"
          onClick={() => onChoose(undefined)}
          aria-pressed={!chosen}
        >
          {`${t("RECON_SET_ALL")} (${formatNumber(total, t.language)})`}
        </Button>
      </Group>
    </Stack>
  );
}

function Lines({
  record,
  filter,
  areaChips,
  canDecide,
  update,
  t,
}: {
  record: ReconciliationView;
  filter: LineFilter & { page: number };
  areaChips: { key: "kec" | "desa"; label: string }[];
  canDecide: boolean;
  update: (patch: Record<string, string | undefined>, keepPage?: boolean) => void;
  t: Translate;
}) {
  const query = useMemo(
    () => ({
      category: filter.category,
      districtCode: filter.districtCode,
      villageCode: filter.villageCode,
      decided: filter.decided,
      page: filter.page,
      pageSize: PAGE_SIZE,
    }),
    [filter],
  );
  const lines = useReconciliationLines(record.id, query, true);
  const decide = useDecideLines(record.id);
  const [selected, setSelected] = useState<Map<string, ReconciliationLine>>(new Map());
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", xs: "horizontal" });
  const key = JSON.stringify(query);
  const [selectionKey, setSelectionKey] = useState(key);
  // A selection belongs to the page it was made on: another filter or page starts afresh.
  if (selectionKey !== key) {
    setSelectionKey(key);
    setSelected(new Map());
  }
  const items = lines.data?.items ?? [];
  const total = lines.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const allOnPage = items.length > 0 && items.every((l) => selected.has(l.id));
  const select = (line: ReconciliationLine, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(line.id, line);
      else next.delete(line.id);
      return next;
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-lines-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id="recon-lines-title">
            {t("RECON_LINES_TITLE")}
            {filter.category ? ` — ${t.code(`RECON_SET_${filter.category}`)}` : ""}
          </Title>
          <SegmentedControl
            aria-label={t("RECON_FILTER_DECIDED")}
            size="xs"
            orientation={orientation}
            fullWidth={orientation === "vertical"}
            value={filter.decided ?? "any"}
            onChange={(value) => update({ decided: value === "any" ? undefined : value })}
            data={DECIDED.map((d) => ({ value: d, label: t.code(`RECON_FILTER_DECIDED_${d}`) }))}
          />
        </Group>
        {areaChips.length > 0 && (
          <Group gap="xs">
            {areaChips.map((chip) => (
              <Group
                key={chip.key}
                gap={2}
                px="xs"
                py={2}
                bg="var(--mantine-color-default-hover)"
                style={{ borderRadius: 16 }}
              >
                <Text fz="sm">{chip.label}</Text>
                <CloseButton
                  size="sm"
                  aria-label={`${t("RECON_FILTER_CLEAR_AREA")}: ${chip.label}`}
                  onClick={() =>
                    update(chip.key === "kec" ? { kec: undefined, desa: undefined } : { desa: undefined })
                  }
                />
              </Group>
            ))}
          </Group>
        )}
        {!canDecide && (
          <Text fz="sm" c="dimmed">
            {t("RECON_DECIDE_READONLY")}
          </Text>
        )}
        <div
          aria-busy={lines.isFetching}
          data-testid="reconciliation-lines"
          data-state={lines.isFetching ? "loading" : "ready"}
        >
          {lines.isError && !lines.data ? (
            <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />
          ) : !lines.data ? (
            <LoadingState />
          ) : total === 0 ? (
            <EmptyView title={t("RECON_LINES_EMPTY")} description={t("RECON_LINES_EMPTY_HINT")} />
          ) : (
            <Stack gap="xs" style={{ opacity: lines.isPlaceholderData ? 0.6 : 1 }}>
              <Group justify="space-between" gap="xs">
                <Text fz="sm" c="dimmed" aria-live="polite" data-testid="reconciliation-lines-count">
                  {t("RECON_LINES_COUNT", { total: formatNumber(total, t.language) })}
                </Text>
                {canDecide && (
                  <Checkbox
                    label={t("RECON_LINE_SELECT_PAGE")}
                    checked={allOnPage}
                    indeterminate={!allOnPage && items.some((l) => selected.has(l.id))}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected(on ? new Map(items.map((l) => [l.id, l])) : new Map());
                    }}
                  />
                )}
              </Group>
              {items.map((line, i) => (
                <ReconciliationLineCard
                  key={line.id}
                  line={line}
                  number={(filter.page - 1) * PAGE_SIZE + i + 1}
                  t={t}
                  selectable={canDecide}
                  selected={selected.has(line.id)}
                  onSelect={(on) => select(line, on)}
                />
              ))}
              <Group justify="space-between" gap="xs">
                <Text fz="sm" c="dimmed">
                  {t("SHOWING_RANGE", {
                    from: formatNumber((filter.page - 1) * PAGE_SIZE + 1, t.language),
                    to: formatNumber(Math.min(filter.page * PAGE_SIZE, total), t.language),
                    total: formatNumber(total, t.language),
                  })}
                </Text>
                {pages > 1 && (
                  <nav aria-label={t("PAGINATION_LABEL")}>
                    <Pagination
                      total={pages}
                      value={filter.page}
                      onChange={(page) => update({ page: page > 1 ? String(page) : undefined }, true)}
                      siblings={1}
                      boundaries={1}
                      size="sm"
                    />
                  </nav>
                )}
              </Group>
            </Stack>
          )}
        </div>
        {canDecide && (
          <ReconciliationDecisionBar
            selected={[...selected.values()]}
            decide={decide}
            onClear={() => setSelected(new Map())}
            t={t}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** A reconciliation still running: its job live; the page reads the results once it ends. */
function Running({ record, onEnd }: { record: ReconciliationView; onEnd: () => void }) {
  const t = useT();
  const job = useJobProgress(record.jobId, null, onEnd);
  return (
    <Paper withBorder p="md" data-testid="reconciliation-progress">
      <Stack gap="xs">
        <Text fw={600}>{t("RECON_RUNNING_TITLE")}</Text>
        {job ? <JobProgress job={job} /> : <LoadingState />}
        <Text fz="sm" c="dimmed">
          {t("RECON_NOT_DONE")}
        </Text>
      </Stack>
    </Paper>
  );
}

function Results({ record, t }: { record: ReconciliationView; t: Translate }) {
  const { user } = useAuth();
  const can = (action: Parameters<typeof roleCan>[1]) => (user ? roleCan(user.role, action) : true);
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const villages = useReconciliationVillages(record.id, filter.districtCode ?? null);

  const update = (patch: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!keepPage) next.delete("page");
    setParams(next, { preventScrollReset: true });
  };

  const districtName =
    record.byDistrict.find((a) => a.code === filter.districtCode)?.name ?? filter.districtCode ?? null;
  const villageName = filter.villageCode
    ? (villages.data?.find((v) => v.code === filter.villageCode)?.name ?? filter.villageCode)
    : null;
  const areaChips: { key: "kec" | "desa"; label: string }[] = [];
  if (districtName) areaChips.push({ key: "kec", label: t("RECON_FILTER_DISTRICT", { name: districtName }) });
  if (villageName) areaChips.push({ key: "desa", label: t("RECON_FILTER_VILLAGE", { name: villageName }) });

  return (
    <Stack gap="md">
      <SetCards
        counts={areaTotals(record.byDistrict)}
        chosen={filter.category}
        onChoose={(category) => update({ set: category })}
        t={t}
      />
      <ReconciliationAreas
        id={record.id}
        areas={record.byDistrict}
        districtCode={filter.districtCode}
        villageCode={filter.villageCode}
        onDistrict={(code) => update({ kec: code, desa: undefined })}
        onVillage={(code) => update({ desa: filter.villageCode === code ? undefined : code })}
        t={t}
      />
      <ReconciliationExport
        id={record.id}
        districtCode={filter.districtCode}
        villageCode={filter.villageCode}
        areaName={villageName ?? districtName}
        mayExportIdentity={can("person.identity")}
        t={t}
      />
      <Lines
        record={record}
        filter={filter}
        areaChips={areaChips}
        canDecide={can("reconciliation.decide")}
        update={update}
        t={t}
      />
    </Stack>
  );
}

/** One reconciliation: the four sets, counts per kecamatan and desa, the lines to decide, the exports. */
export default function ReconciliationPage() {
  const t = useT();
  const { id = "" } = useParams();
  const reconciliation = useReconciliation(id);
  const programs = usePrograms();
  const periods = usePeriods();
  const record = reconciliation.data;
  const crumbs = [{ label: t("RECON_TITLE"), to: "/rekonsiliasi" }];

  if (reconciliation.isPending)
    return (
      <>
        <PageHeader title={t("RECON_TITLE")} crumbs={crumbs} />
        <LoadingState />
      </>
    );
  if (reconciliation.isError || !record)
    return (
      <>
        <PageHeader title={t("RECON_TITLE")} crumbs={crumbs} />
        <ErrorState error={reconciliation.error} onRetry={() => void reconciliation.refetch()} />
      </>
    );

  const program = programs.data?.find((p) => p.id === record.programId)?.name ?? "–";
  const period = periods.data?.find((p) => p.id === record.periodId)?.name ?? t("RECON_UNKNOWN_PERIOD");
  const counts = record.counts ?? {};
  return (
    <>
      <PageHeader
        title={t("RECON_DETAIL_TITLE", { source: record.sourceName })}
        crumbs={[...crumbs, { label: record.sourceName }]}
      />
      <Stack gap="md">
        <Stack gap={2}>
          <Text fz="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("RECON_DETAIL_META", {
              file: record.fileName,
              program,
              period,
              scope: t.code(`RECON_SCOPE_${record.scope}`),
              name: record.createdByName,
              when: formatDateTime(record.createdAt, t.language),
            })}
          </Text>
          {record.state === "done" && (
            <Text fz="sm" c="dimmed">
              {t("RECON_DETAIL_ROWS", {
                central: formatNumber(counts.centralRows ?? 0, t.language),
                regional: formatNumber(counts.regional ?? 0, t.language),
              })}
              {(counts.centralSkipped ?? 0) > 0
                ? ` ${t("RECON_DETAIL_SKIPPED", { count: formatNumber(counts.centralSkipped ?? 0, t.language) })}`
                : ""}
            </Text>
          )}
        </Stack>
        {(record.state === "queued" || record.state === "running") && (
          <Running record={record} onEnd={() => void reconciliation.refetch()} />
        )}
        {(record.state === "failed" || record.state === "cancelled") && (
          <Alert
            color={record.state === "failed" ? "red" : "yellow"}
            role="alert"
            title={t("RECON_FAILED_TITLE")}
          >
            {record.problem ? (
              <>
                {record.problem.message}{" "}
                {t("RECON_FAILED_AT", { row: record.problem.row, column: record.problem.column })}
              </>
            ) : (
              t.code(`RECON_STATE_${record.state}`)
            )}
          </Alert>
        )}
        {record.state === "done" && <Results record={record} t={t} />}
      </Stack>
    </>
  );
}
