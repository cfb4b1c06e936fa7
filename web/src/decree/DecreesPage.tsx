import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDate, formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type DecreeView, useDecrees, useDraftDecree, useSelectionRuns } from "./api.ts";
import { DecreeSettingsCard } from "./DecreeSettingsCard.tsx";
import { TemplateCard } from "./TemplateCard.tsx";

export function StatusBadge({ status }: { status: DecreeView["status"] }) {
  const t = useT();
  const color = { draft: "gray", checked: "blue", approved: "teal", amended: "orange", revoked: "red" }[
    status
  ];
  return (
    <Badge color={color} variant="light">
      {t.code(`DECREE_STATUS_${status}`)}
    </Badge>
  );
}

/** Draft from a selection run or the published list of a period, with the period's sanggah window. */
function DraftForm() {
  const t = useT();
  const navigate = useNavigate();
  const programs = usePrograms();
  const [programId, setProgramId] = useState("");
  const periods = usePeriods(programId || undefined);
  const [periodId, setPeriodId] = useState("");
  const runs = useSelectionRuns(periodId);
  const [runId, setRunId] = useState("");
  const [opensOn, setOpensOn] = useState("");
  const [closesOn, setClosesOn] = useState("");
  const draft = useDraftDecree();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!periodId) return;
    try {
      const decree = await draft.mutateAsync({
        periodId,
        selectionRunId: runId || null,
        sanggah: opensOn && closesOn ? { opensOn, closesOn } : null,
      });
      navigate(`/sk/${decree.id}`);
    } catch {
      // Shown below from draft.error.
    }
  };
  const choose = { value: "", label: t("DECREE_CHOOSE") };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="draft-title">
      <Stack gap="sm">
        <strong id="draft-title">{t("DECREE_NEW")}</strong>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("DECREE_PROGRAM")}
            value={programId}
            onChange={(e) => {
              setProgramId(e.currentTarget.value);
              setPeriodId("");
              setRunId("");
            }}
            data={[choose, ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            required
          />
          <NativeSelect
            label={t("DECREE_PERIOD")}
            value={periodId}
            onChange={(e) => {
              setPeriodId(e.currentTarget.value);
              setRunId("");
            }}
            data={[
              choose,
              ...(periods.data ?? [])
                .filter((p) => p.programId === programId)
                .map((p) => ({ value: p.id, label: p.name })),
            ]}
            disabled={!programId}
            required
          />
          <NativeSelect
            label={t("DECREE_SOURCE_RUN")}
            value={runId}
            onChange={(e) => setRunId(e.currentTarget.value)}
            data={[
              { value: "", label: t("DECREE_SOURCE_PUBLISHED") },
              ...(runs.data ?? []).map((r) => ({
                value: r.id,
                label: t("DECREE_RUN_OPTION", { n: r.runNumber, count: r.selectedCount }),
              })),
            ]}
            disabled={!periodId}
          />
          <TextInput
            type="date"
            label={t("DECREE_SANGGAH_OPENS")}
            value={opensOn}
            onChange={(e) => setOpensOn(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("DECREE_SANGGAH_CLOSES")}
            value={closesOn}
            onChange={(e) => setClosesOn(e.currentTarget.value)}
          />
        </SimpleGrid>
        {draft.error && (
          <div role="alert" style={{ color: "var(--mantine-color-red-8)" }}>
            {errorText(t, draft.error)}
          </div>
        )}
        <Group>
          <Button type="submit" loading={draft.isPending} disabled={!periodId}>
            {t("DECREE_DRAFT_SUBMIT")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function DecreesPage() {
  const t = useT();
  const { user } = useAuth();
  const decrees = useDecrees();
  const canDraft = user ? roleCan(user.role, "decree.draft") : false;
  return (
    <>
      <PageHeader title={t("DECREES_TITLE")} />
      <Stack>
        {canDraft && <DraftForm />}
        {canDraft && <TemplateCard />}
        {user && roleCan(user.role, "decree.settings") && <DecreeSettingsCard />}
        {decrees.isPending ? (
          <LoadingState />
        ) : decrees.error ? (
          <ErrorState error={decrees.error} onRetry={() => decrees.refetch()} />
        ) : decrees.data.length === 0 ? (
          <EmptyView title={t("DECREES_EMPTY")} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("DECREE_NUMBER")}</Table.Th>
                  <Table.Th>{t("DECREE_STATUS")}</Table.Th>
                  <Table.Th>{t("DECREE_PROGRAM")}</Table.Th>
                  <Table.Th ta="right">{t("DECREE_COUNT")}</Table.Th>
                  <Table.Th ta="right">{t("DECREE_TOTAL")}</Table.Th>
                  <Table.Th>{t("DECREE_CREATED")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {decrees.data.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/sk/${d.id}`}>
                        {d.number ?? t("DECREE_UNNUMBERED")}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td>{d.programName}</Table.Td>
                    <Table.Td ta="right">{formatNumber(d.lineCount, t.language)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(d.totalAmount)}</Table.Td>
                    <Table.Td>{formatDate(d.createdAt.slice(0, 10), t.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
