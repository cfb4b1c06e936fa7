import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ROLES } from "../../../src/access/roles.ts";
import { WORKFLOW_ACTIONS } from "../../../src/workflow/engine.ts";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { type RegionIndex, useRegionIndex } from "../regions/regions.ts";
import { DateField } from "../ui/DateField.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type AuditEntryView,
  useAuditEntries,
  useCheckpoints,
  useExportExtract,
  useMakeCheckpoint,
  useVerifyChain,
} from "./api.ts";
import { actionLabel, entryDetails } from "./labels.ts";

const PAGE_SIZE = 50;
const CATEGORIES = [
  "enrollment",
  "document",
  "person",
  "household",
  "business",
  "program",
  "selection",
  "rating_model",
  "import",
  "reconciliation",
  "match",
  "user",
  "auth",
  "audit",
  "decree",
  "payment",
  "complaint",
  "report",
  "publication",
] as const;

/** "What": a family of actions (by prefix) or one step of the application workflow. */
function whatOptions(t: Translate) {
  return [
    { value: "", label: t("AUDIT_FILTER_ANY") },
    ...CATEGORIES.map((c) => ({ value: `prefix:${c}.`, label: t.code(`AUDIT_WHAT_${c}`, {}, c) })),
    ...["create", "document_attach", ...WORKFLOW_ACTIONS].map((a) => ({
      value: `action:enrollment.${a}`,
      label: `— ${actionLabel(t, { action: `enrollment.${a}`, entity: "enrollment", actor: null })}`,
    })),
  ];
}

/** A local calendar day as the instant it starts, in the browser's time zone (the regency's). */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function areaName(regions: RegionIndex | undefined, area: string | null, t: Translate): string {
  if (!area) return t("AUDIT_REGENCY_WIDE");
  const [code, rt] = area.split("/");
  return `${regions?.name(code) ?? code}${rt ? ` · ${rt}` : ""}`;
}

/** The whole story an entry belongs to: its person's (through an application) or its decree's. */
function storyOf(entry: AuditEntryView): string | null {
  if (!entry.entityId || !/^[0-9a-f-]{36}$/.test(entry.entityId)) return null;
  if (entry.entity === "enrollment" || entry.entity === "person" || entry.entity === "decree")
    return `${entry.entity}:${entry.entityId}`;
  return null;
}

function StoryLink({ entry, t }: { entry: AuditEntryView; t: Translate }) {
  const subject = storyOf(entry);
  if (!subject) return null;
  return (
    <Anchor component={Link} to={`/audit?subject=${subject}`} fz="xs" data-testid="story-link">
      {t("AUDIT_STORY_OPEN")}
    </Anchor>
  );
}

function ExtractExport({ t, filters }: { t: Translate; filters: Record<string, string | undefined> }) {
  const exportExtract = useExportExtract();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="extract-heading">
      <Title order={2} fz="h4" id="extract-heading" mb="xs">
        {t("AUDIT_EXTRACT_TITLE")}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t("AUDIT_EXTRACT_HELP")}
      </Text>
      <Button variant="light" onClick={() => exportExtract.mutate(filters)} loading={exportExtract.isPending}>
        {t("AUDIT_EXTRACT_RUN")}
      </Button>
      {exportExtract.error != null && (
        <Alert color="red" mt="sm" role="alert">
          {errorText(t, exportExtract.error)}
        </Alert>
      )}
      {exportExtract.data && (
        <Text fz="sm" mt="xs" role="status" data-testid="extract-done">
          {t("AUDIT_EXTRACT_DONE", { name: exportExtract.data.name })}
        </Text>
      )}
    </Card>
  );
}

function EntryLink({ entry, t }: { entry: AuditEntryView; t: Translate }) {
  if (!entry.entityId) return null;
  const to =
    entry.entity === "enrollment"
      ? `/pengajuan/${entry.entityId}`
      : entry.entity === "person"
        ? `/penduduk/${entry.entityId}`
        : null;
  return to ? (
    <Anchor
      component={Link}
      to={to}
      fz="xs"
      aria-label={entry.entity === "enrollment" ? t("APPLICATION_OPEN_PAGE") : t("APPLICATION_OPEN_PERSON")}
    >
      ↗
    </Anchor>
  ) : null;
}

function ChainCheck({ t }: { t: Translate }) {
  const verify = useVerifyChain();
  const report = verify.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="chain-heading">
      <Title order={2} fz="h4" id="chain-heading" mb="xs">
        {t("AUDIT_CHAIN_TITLE")}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t("AUDIT_CHAIN_HELP")}
      </Text>
      <Button onClick={() => verify.mutate()} loading={verify.isPending}>
        {t("AUDIT_CHAIN_RUN")}
      </Button>
      {verify.isPending && (
        <Text fz="sm" mt="xs" role="status">
          {t("AUDIT_CHAIN_RUNNING")}
        </Text>
      )}
      {verify.error != null && (
        <Alert color="red" mt="sm" role="alert">
          {errorText(t, verify.error)}
        </Alert>
      )}
      {report && (
        <Alert
          mt="sm"
          color={report.ok ? "teal" : "red"}
          role="status"
          data-testid="chain-result"
          title={
            report.ok
              ? t("AUDIT_CHAIN_OK", {
                  entries: formatNumber(report.entries, t.language),
                  checkpoints: formatNumber(report.checkpointsVerified, t.language),
                })
              : t("AUDIT_CHAIN_BROKEN", { seq: report.firstBrokenSeq ?? 0, count: report.problems.length })
          }
        >
          <Text fz="xs" style={{ wordBreak: "break-all" }}>
            {t("AUDIT_CHAIN_HEAD", { head: report.headHash })}
          </Text>
          {report.problems.length > 0 && (
            <List fz="sm" mt="xs">
              {report.problems.slice(0, 20).map((p) => (
                <List.Item key={`${p.seq}-${p.code}`}>
                  {t("HISTORY_ENTRY", { seq: p.seq })}: {p.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Card>
  );
}

function Checkpoints({ t }: { t: Translate }) {
  const list = useCheckpoints();
  const make = useMakeCheckpoint();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="checkpoints-heading" id="checkpoints">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="checkpoints-heading">
          {t("AUDIT_CHECKPOINTS_TITLE")}
        </Title>
        <Button size="xs" variant="light" onClick={() => make.mutate()} loading={make.isPending}>
          {t("AUDIT_CHECKPOINT_MAKE")}
        </Button>
      </Group>
      {make.error != null && (
        <Alert color="red" role="alert" mb="xs">
          {errorText(t, make.error)}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.checkpoints.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t("AUDIT_CHECKPOINTS_EMPTY")}
        </Text>
      ) : (
        <Stack gap={6} data-testid="checkpoint-list">
          {[...list.data.checkpoints]
            .reverse()
            .slice(0, 10)
            .map((c) => (
              <div key={c.id}>
                <Text fz="sm">
                  {t("AUDIT_CHECKPOINT_ROW", {
                    id: c.id,
                    size: formatNumber(c.treeSize, t.language),
                    event: c.event,
                  })}{" "}
                  · {formatDateTime(c.issuedAt, t.language)}
                </Text>
                <Text fz="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                  {c.rootHash}
                </Text>
              </div>
            ))}
          <Text fz="xs" c="dimmed">
            {t("AUDIT_CHECKPOINT_KEY", { keyId: list.data.keyId })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

/**
 * /audit — the auditor's page: the trail of their area with filters (who, what, area, period), each entry with a
 * readable label and its particulars; the signed checkpoints; and the chain check run on demand.
 */
export default function AuditPage() {
  const t = useT();
  const regions = useRegionIndex();
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? "";
  const [form, setForm] = useState({
    actorName: get("actorName"),
    actorRole: get("actorRole"),
    what: get("what"),
    district: get("area").slice(0, 8),
    area: get("area"),
    from: get("from"),
    until: get("until"),
  });
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const what = get("what");
  const subject = get("subject");
  const filters = {
    actorName: get("actorName") || undefined,
    actorRole: get("actorRole") || undefined,
    actionPrefix: what.startsWith("prefix:") ? what.slice(7) : undefined,
    action: what.startsWith("action:") ? what.slice(7) : undefined,
    area: get("area") || undefined,
    from: get("from") ? dayStart(get("from")) : undefined,
    until: get("until") ? dayStart(get("until"), 1) : undefined,
    subject: /^(person|enrollment|decree):[0-9a-f-]{36}$/.test(subject) ? subject : undefined,
  };
  const entries = useAuditEntries({ ...filters, page, pageSize: PAGE_SIZE });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (filters.subject) next.set("subject", filters.subject);
    const area = form.area || form.district;
    for (const [key, value] of Object.entries({ ...form, area, district: "" }))
      if (value) next.set(key, value);
    setParams(next);
  };
  const reset = () => {
    setForm({ actorName: "", actorRole: "", what: "", district: "", area: "", from: "", until: "" });
    setParams(new URLSearchParams());
  };
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value, ...(key === "district" ? { area: "" } : {}) }));
  };
  const pages = entries.data ? Math.max(1, Math.ceil(entries.data.total / PAGE_SIZE)) : 1;
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t("AUDIT_TITLE")} />
      <Text c="dimmed" mt={-8} mb="md">
        {t("AUDIT_INTRO")}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChainCheck t={t} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Checkpoints t={t} />
        </Grid.Col>
        {filters.subject && (
          <Grid.Col span={12}>
            <Alert color="blue" title={t("AUDIT_STORY_TITLE")} data-testid="story-banner">
              <Group justify="space-between">
                <Text fz="sm">{t.code(`AUDIT_STORY_${filters.subject.split(":")[0]}`)}</Text>
                <Anchor component={Link} to="/audit" fz="sm">
                  {t("AUDIT_STORY_CLEAR")}
                </Anchor>
              </Group>
            </Alert>
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <Card withBorder padding="md" component="form" onSubmit={apply} aria-label={t("AUDIT_TITLE")}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput label={t("AUDIT_FILTER_WHO")} value={form.actorName} onChange={set("actorName")} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <NativeSelect
                  label={t("AUDIT_FILTER_ROLE")}
                  value={form.actorRole}
                  onChange={set("actorRole")}
                  data={[
                    { value: "", label: t("AUDIT_FILTER_ANY") },
                    ...ROLES.map((r) => ({ value: r, label: t.code(`ROLE_${r}`, {}, r) })),
                    { value: "system", label: t("HISTORY_BY_SYSTEM") },
                  ]}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <NativeSelect
                  label={t("AUDIT_FILTER_WHAT")}
                  value={form.what}
                  onChange={set("what")}
                  data={whatOptions(t)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <NativeSelect
                  label={t("AUDIT_FILTER_DISTRICT")}
                  value={form.district}
                  onChange={set("district")}
                  data={[
                    { value: "", label: t("AUDIT_FILTER_ANY") },
                    ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
                  ]}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <NativeSelect
                  label={t("AUDIT_FILTER_AREA")}
                  value={form.area}
                  onChange={set("area")}
                  disabled={!form.district}
                  data={[
                    { value: "", label: t("AUDIT_FILTER_ANY") },
                    ...(form.district && regions ? regions.villagesOf(form.district) : []).map((v) => ({
                      value: v.code,
                      label: v.name,
                    })),
                  ]}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <DateField
                  label={t("AUDIT_FILTER_FROM")}
                  value={form.from}
                  onChange={(value) => setForm((f) => ({ ...f, from: value }))}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <DateField
                  label={t("AUDIT_FILTER_UNTIL")}
                  value={form.until}
                  onChange={(value) => setForm((f) => ({ ...f, until: value }))}
                />
              </Grid.Col>
            </Grid>
            <Group mt="sm" gap="xs">
              <Button type="submit">{t("AUDIT_FILTER_APPLY")}</Button>
              <Button variant="default" onClick={reset}>
                {t("AUDIT_FILTER_RESET")}
              </Button>
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          {entries.isPending ? (
            <LoadingState />
          ) : entries.isError ? (
            <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
          ) : entries.data.items.length === 0 ? (
            <EmptyView title={t("AUDIT_EMPTY")} />
          ) : (
            <Stack gap="xs">
              <Text fz="sm" c="dimmed" data-testid="audit-total">
                {t("AUDIT_TOTAL", { count: formatNumber(entries.data.total, t.language) })}
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table fz="sm" verticalSpacing={6} data-testid="audit-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t("AUDIT_COL_WHEN")}</Table.Th>
                      <Table.Th>{t("AUDIT_COL_WHO")}</Table.Th>
                      <Table.Th>{t("AUDIT_COL_WHAT")}</Table.Th>
                      <Table.Th>{t("AUDIT_COL_AREA")}</Table.Th>
                      <Table.Th>{t("AUDIT_COL_DETAIL")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.data.items.map((entry) => (
                      <Table.Tr key={entry.seq} data-testid="audit-row">
                        <Table.Td>{entry.seq}</Table.Td>
                        <Table.Td>{formatDateTime(entry.at, t.language)}</Table.Td>
                        <Table.Td>
                          {entry.actor.name}
                          <Text fz="xs" c="dimmed">
                            {t.code(`ROLE_${entry.actor.role}`, {}, entry.actor.role)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Text fz="sm" fw={600}>
                              {actionLabel(t, entry)}
                            </Text>
                            <EntryLink entry={entry} t={t} />
                          </Group>
                          <StoryLink entry={entry} t={t} />
                        </Table.Td>
                        <Table.Td>{areaName(regions, entry.area, t)}</Table.Td>
                        <Table.Td>
                          {entryDetails(t, entry).map((line) => (
                            <Text key={line} fz="xs">
                              {line}
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages > 1 && (
                <Group justify="space-between">
                  <Button variant="default" size="xs" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                    {t("AUDIT_PREVIOUS")}
                  </Button>
                  <Text fz="sm">{t("AUDIT_PAGE", { page, pages })}</Text>
                  <Button variant="default" size="xs" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                    {t("AUDIT_NEXT")}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={12}>
          <ExtractExport t={t} filters={filters} />
        </Grid.Col>
      </Grid>
    </>
  );
}
