import { Anchor, Badge, Card, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { ReconciliationUploadForm } from "./ReconciliationUploadForm.tsx";
import {
  type ReconciliationState,
  type ReconciliationView,
  useReconciliations,
} from "./reconciliation-api.ts";

export const STATE_COLOR: Record<ReconciliationState, string> = {
  queued: "gray",
  running: "blue",
  done: "teal",
  failed: "red",
  cancelled: "yellow",
};

export function countsLine(counts: Record<string, number> | null, t: Translate): string {
  if (!counts) return "–";
  const n = (key: string) => formatNumber(counts[key] ?? 0, t.language);
  return t("RECON_COUNTS_SHORT", {
    matched: n("matched"),
    conflict: n("conflict"),
    central: n("central_only"),
    regional: n("regional_only"),
  });
}

function ReconciliationTable({ items }: { items: ReconciliationView[] }) {
  const t = useT();
  const programs = usePrograms();
  const periods = usePeriods();
  const programName = new Map((programs.data ?? []).map((p) => [p.id, p.name]));
  const periodName = new Map((periods.data ?? []).map((p) => [p.id, p.name]));
  const periodLine = (r: ReconciliationView) =>
    `${periodName.get(r.periodId) ?? t("RECON_UNKNOWN_PERIOD")} · ${t.code(`RECON_SCOPE_${r.scope}`)}`;
  const badge = (r: ReconciliationView) => (
    <Badge color={STATE_COLOR[r.state]} variant="light" style={{ flexShrink: 0 }}>
      {t.code(`RECON_STATE_${r.state}`, {}, r.state)}
    </Badge>
  );
  return (
    <>
      {/* Phones: one card per reconciliation, nothing to scroll sideways. */}
      <Stack gap="xs" hiddenFrom="sm" data-testid="reconciliation-cards">
        {items.map((r) => (
          <Card key={r.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/rekonsiliasi/${r.id}`} fw={600}>
                  {r.sourceName}
                </Anchor>
                <Text fz="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                  {r.fileName}
                </Text>
              </div>
              {badge(r)}
            </Group>
            <Text fz="sm" mt={4}>
              {programName.get(r.programId) ?? "–"}
            </Text>
            <Text fz="xs" c="dimmed">
              {periodLine(r)}
            </Text>
            {r.state === "done" && (
              <Text fz="sm" mt={4}>
                {countsLine(r.counts, t)}
              </Text>
            )}
            <Text fz="xs" c="dimmed" mt={4}>
              {`${r.createdByName} · ${formatDateTime(r.createdAt, t.language)}`}
            </Text>
          </Card>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table verticalSpacing="xs" striped highlightOnHover data-testid="reconciliation-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("RECON_COL_SOURCE")}</Table.Th>
              <Table.Th>{t("RECON_COL_PERIOD")}</Table.Th>
              <Table.Th>{t("RECON_COL_STATE")}</Table.Th>
              <Table.Th>{t("RECON_COL_COUNTS")}</Table.Th>
              <Table.Th>{t("RECON_COL_BY")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/rekonsiliasi/${r.id}`} fw={600}>
                    {r.sourceName}
                  </Anchor>
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {r.fileName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{programName.get(r.programId) ?? "–"}</Text>
                  <Text fz="xs" c="dimmed">
                    {periodLine(r)}
                  </Text>
                </Table.Td>
                <Table.Td>{badge(r)}</Table.Td>
                <Table.Td fz="sm">{countsLine(r.state === "done" ? r.counts : null, t)}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{r.createdByName}</Text>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(r.createdAt, t.language)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** Upload a central list for a program period, and the reconciliations already run, newest first. */
export default function ReconciliationsPage() {
  const t = useT();
  const { user } = useAuth();
  // Without an access module on the server (no session at all) nothing is hidden; the server still decides.
  const canRun = user ? roleCan(user.role, "reconciliation.run") : true;
  const list = useReconciliations();

  return (
    <>
      <PageHeader title={t("RECON_TITLE")} />
      <Stack gap="md">
        <Text fz="sm" c="dimmed" maw={820}>
          {t("RECON_INTRO")}
        </Text>
        {canRun && <ReconciliationUploadForm />}
        <Paper withBorder p="md" component="section" aria-labelledby="recon-list-title">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="recon-list-title">
              {t("RECON_LIST_TITLE")}
            </Title>
            {list.isPending ? (
              <LoadingState />
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.data.length === 0 ? (
              <EmptyView
                title={t("RECON_LIST_EMPTY")}
                description={canRun ? t("RECON_LIST_EMPTY_HINT") : t("RECON_LIST_EMPTY_READONLY")}
              />
            ) : (
              <ReconciliationTable items={list.data} />
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
