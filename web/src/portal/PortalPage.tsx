import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  NumberInput,
  Pagination,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { errorText, fieldErrorsOf } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type ObjectionItem,
  type PrepareInput,
  useApprovePublication,
  useDecideObjection,
  useObjections,
  usePreparePublication,
  usePublications,
} from "./api.ts";

const KINDS = ["sanggah", "statistics", "decree"] as const;
const PAGE_SIZE = 20;

function PrepareForm() {
  const t = useT();
  const programs = usePrograms();
  const periods = usePeriods();
  const prepare = usePreparePublication();
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [kind, setKind] = useState<PrepareInput["kind"]>("sanggah");
  const [days, setDays] = useState<number>(7);
  const options = useMemo(() => {
    const names = new Map((programs.data ?? []).map((p) => [p.id, p.name]));
    return (periods.data ?? []).map((p) => ({
      value: p.id,
      label: `${names.get(p.programId) ?? "?"} — ${p.name}`,
    }));
  }, [programs.data, periods.data]);
  return (
    <Card withBorder component="section" aria-labelledby="prepare-title">
      <Title order={2} size="h4" id="prepare-title">
        {t("PORTAL_PREPARE")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("PORTAL_PREPARE_HINT")}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!periodId) return;
          prepare.mutate({ periodId, kind, ...(kind === "sanggah" ? { objectionDays: days } : {}) });
        }}
      >
        <Stack gap="sm" maw={520}>
          <Select
            label={t("PORTAL_PERIOD")}
            data={options}
            value={periodId}
            onChange={setPeriodId}
            searchable
            required
            nothingFoundMessage="—"
          />
          <Select
            label={t("PORTAL_KIND")}
            data={KINDS.map((k) => ({ value: k, label: t(`PORTAL_KIND_${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as PrepareInput["kind"])}
            allowDeselect={false}
          />
          {kind === "sanggah" && (
            <NumberInput
              label={t("PORTAL_OBJECTION_DAYS")}
              min={1}
              max={30}
              value={days}
              onChange={(v) => setDays(Number(v) || 7)}
            />
          )}
          <Group>
            <Button type="submit" loading={prepare.isPending} disabled={!periodId}>
              {t("PORTAL_PREPARE_BUTTON")}
            </Button>
          </Group>
          {prepare.isError && (
            <Alert color="red" role="alert">
              {errorText(t, prepare.error)}
            </Alert>
          )}
          {prepare.isSuccess && (
            <Alert color="green" role="status">
              {t("PORTAL_PREPARED")}
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function Publications({ canApprove }: { canApprove: boolean }) {
  const t = useT();
  const list = usePublications();
  const approve = useApprovePublication();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyView title={t("PORTAL_NO_PUBLICATIONS")} />;
  return (
    <Stack gap="xs">
      {approve.isError && (
        <Alert color="red" role="alert">
          {errorText(t, approve.error)}
        </Alert>
      )}
      {approve.isSuccess && (
        <Alert color="green" role="status">
          {t("PORTAL_APPROVED")}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("PORTAL_PERIOD")}</Table.Th>
              <Table.Th>{t("PORTAL_KIND")}</Table.Th>
              <Table.Th>{t("PORTAL_FINGERPRINT")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((p) => (
              <Table.Tr key={p.id} data-testid="publication-row">
                <Table.Td>
                  <Text fw={600} size="sm">
                    {p.programName} — {p.periodName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(p.publishedAt ?? p.preparedAt, t.language)} ·{" "}
                    {t("PORTAL_ENTRIES", { count: p.entries })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{t(`PORTAL_KIND_${p.kind}`)}</Text>
                    <Badge
                      variant="light"
                      color={p.state === "published" ? "green" : p.state === "prepared" ? "yellow" : "gray"}
                    >
                      {t(`PORTAL_STATE_${p.state}`)}
                    </Badge>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Code>{p.sha256.slice(0, 12)}…</Code>
                </Table.Td>
                <Table.Td>
                  {p.state === "prepared" && canApprove && !p.preparedByMe && (
                    <Button
                      size="xs"
                      loading={approve.isPending && approve.variables?.id === p.id}
                      onClick={() => approve.mutate({ id: p.id, sha256: p.sha256 })}
                    >
                      {t("PORTAL_APPROVE")}
                    </Button>
                  )}
                  {p.state === "prepared" && p.preparedByMe && (
                    <Text size="xs" c="dimmed">
                      {t("PORTAL_YOURS")}
                    </Text>
                  )}
                  {p.state === "published" && (
                    <Anchor href={`/publik/publikasi/${p.id}`} target="_blank" size="sm">
                      {t("PORTAL_OPEN_PUBLIC")}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The decision on one objection: upheld or dismissed, with the reason the auditor will read. */
function DecideObjection({
  objection,
  onClose,
  onDecided,
}: {
  objection: ObjectionItem | null;
  onClose: () => void;
  onDecided: (message: string) => void;
}) {
  const t = useT();
  const decide = useDecideObjection();
  const [outcome, setOutcome] = useState<"upheld" | "dismissed" | "">("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const close = () => {
    setOutcome("");
    setReason("");
    setTried(false);
    decide.reset();
    onClose();
  };
  const reasonTooShort = reason.trim().length < 10;
  const serverReason = fieldErrorsOf(decide.error).find((e) => e.field === "reason")?.message;
  return (
    <Modal
      opened={objection !== null}
      onClose={close}
      title={objection ? t("PORTAL_OBJECTION_DECIDE", { name: objection.personName }) : ""}
    >
      {objection && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!outcome || reasonTooShort) return;
            decide.mutate(
              { id: objection.id, outcome, reason: reason.trim() },
              {
                onSuccess: (result) => {
                  onDecided(
                    t("PORTAL_OBJECTION_DECIDED", {
                      outcome: t.code(`PORTAL_OBJECTION_STATE_${result.state}`, {}, result.state),
                    }),
                  );
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              <strong>{t.code(`PORTAL_REASON_${objection.reasonCode}`, {}, objection.reasonCode)}</strong>:{" "}
              {objection.reason}
            </Text>
            <Radio.Group
              label={t("PORTAL_OBJECTION_OUTCOME")}
              value={outcome}
              onChange={(value) => setOutcome(value as "upheld" | "dismissed")}
              error={tried && !outcome ? t("PORTAL_OBJECTION_OUTCOME") : undefined}
              required
            >
              <Stack gap={6} mt={6}>
                <Radio value="upheld" label={t("PORTAL_OBJECTION_UPHOLD")} />
                <Radio value="dismissed" label={t("PORTAL_OBJECTION_DISMISS")} />
              </Stack>
            </Radio.Group>
            <Textarea
              label={t("PORTAL_OBJECTION_DECISION_REASON")}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={
                serverReason ?? (tried && reasonTooShort ? t("PORTAL_OBJECTION_DECISION_REASON") : undefined)
              }
              autosize
              minRows={2}
              required
            />
            <Text size="xs" c="dimmed">
              {t("PORTAL_OBJECTION_DECISION_HINT")}
            </Text>
            {decide.isError && !serverReason && (
              <Alert color="red" role="alert">
                {errorText(t, decide.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("CANCEL")}
              </Button>
              <Button type="submit" loading={decide.isPending}>
                {t("PORTAL_OBJECTION_DECIDE_SHORT")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function Objections({ canDecide, canOpen }: { canDecide: boolean; canOpen: boolean }) {
  const t = useT();
  const [page, setPage] = useState(0);
  const [deciding, setDeciding] = useState<ObjectionItem | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const list = useObjections(page, PAGE_SIZE);
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyView title={t("PORTAL_NO_OBJECTIONS")} />;
  const pages = Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("PORTAL_OBJECTION_PERSON")}</Table.Th>
              <Table.Th>{t("PORTAL_OBJECTION_REASON")}</Table.Th>
              <Table.Th>{t("PORTAL_OBJECTION_STATUS")}</Table.Th>
              <Table.Th>{t("PORTAL_OBJECTION_STATE")}</Table.Th>
              <Table.Th>{t("PORTAL_OBJECTION_DATE")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((o) => (
              <Table.Tr key={o.id} data-testid="objection-row" data-state={o.state}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {canOpen ? (
                      <Anchor component={Link} to={`/pengajuan/${o.enrollmentId}`} size="sm" fw={600}>
                        {o.personName}
                      </Anchor>
                    ) : (
                      o.personName
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.programName} — {o.periodName} · {o.villageCode}
                    {o.rt ? ` RT ${o.rt}` : ""}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t.code(`PORTAL_REASON_${o.reasonCode}`, {}, o.reasonCode)}
                  </Text>
                  <Text size="sm">{o.reason}</Text>
                </Table.Td>
                <Table.Td>{t.code(`STATUS_${o.enrollmentStatus}`, {}, o.enrollmentStatus)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge variant="light" color={o.state === "open" ? "orange" : "gray"}>
                      {t.code(`PORTAL_OBJECTION_STATE_${o.state}`, {}, o.state)}
                    </Badge>
                    {canDecide && o.state === "open" && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setDeciding(o)}
                        aria-label={t("PORTAL_OBJECTION_DECIDE", { name: o.personName })}
                      >
                        {t("PORTAL_OBJECTION_DECIDE_SHORT")}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{formatDateTime(o.createdAt, t.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page + 1}
          onChange={(p) => setPage(p - 1)}
          getControlProps={() => ({ "aria-label": t("PORTAL_PAGE", { page: page + 1, pages }) })}
        />
      )}
      {decided && (
        <Text size="sm" c="teal" role="status">
          {decided}
        </Text>
      )}
      <DecideObjection objection={deciding} onClose={() => setDeciding(null)} onDecided={setDecided} />
    </Stack>
  );
}

/** The officials' side of the public portal: prepare and approve publications, read the public's objections. */
export default function PortalPage() {
  const t = useT();
  const { session } = useAuth();
  const role = session.status === "signed-in" ? session.user.role : null;
  const can = (action: Parameters<typeof roleCan>[1]) => (role ? roleCan(role, action) : false);
  return (
    <Stack>
      <PageHeader title={t("PORTAL_TITLE")} />
      {can("publication.prepare") && <PrepareForm />}
      {can("publication.read") && (
        <Card withBorder component="section" aria-labelledby="publications-title">
          <Title order={2} size="h4" id="publications-title" mb="sm">
            {t("PORTAL_PUBLICATIONS")}
          </Title>
          <Publications canApprove={can("publication.approve")} />
        </Card>
      )}
      {can("objection.read") && (
        <Card withBorder component="section" aria-labelledby="objections-title">
          <Title order={2} size="h4" id="objections-title">
            {t("PORTAL_OBJECTIONS")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("PORTAL_OBJECTIONS_HINT")}
          </Text>
          <Objections canDecide={can("objection.decide")} canOpen={can("enrollment.read")} />
        </Card>
      )}
    </Stack>
  );
}
