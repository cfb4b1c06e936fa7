import {
  Alert,
  Anchor,
  Button,
  Code,
  FileButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDate, formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type DecreeView,
  useAttachSigned,
  useDecree,
  useDecreeDiff,
  useDecreeLines,
  useDecreeStep,
  useDraftDecree,
} from "./api.ts";
import { StatusBadge } from "./DecreesPage.tsx";

function Facts({ decree }: { decree: DecreeView }) {
  const t = useT();
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th scope="row" w="14rem">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  const hash = (v: string | null) =>
    v ? <Code style={{ wordBreak: "break-all" }}>{v}</Code> : t("DECREE_NOT_YET");
  return (
    <Table>
      <Table.Tbody>
        {row(t("DECREE_STATUS"), <StatusBadge status={decree.status} />)}
        {row(t("DECREE_COUNT"), formatNumber(decree.lineCount, t.language))}
        {row(t("DECREE_TOTAL"), `${formatRupiah(decree.totalAmount)} (${decree.totalInWords})`)}
        {row(t("DECREE_ANNEX_HASH"), hash(decree.annexSha256))}
        {row(t("DECREE_ROOT"), hash(decree.merkleRoot))}
        {row(
          t("DECREE_CHECKPOINT"),
          <>
            #{decree.checkpointId} {hash(decree.checkpointRoot)}
          </>,
        )}
        {row(t("DECREE_PDF_HASH"), hash(decree.pdfSha256))}
        {row(t("DECREE_SIGNED_HASH"), hash(decree.signedPdfSha256))}
      </Table.Tbody>
    </Table>
  );
}

function DiffPanel({ decree }: { decree: DecreeView }) {
  const t = useT();
  const diff = useDecreeDiff(decree.id, Boolean(decree.amendsId));
  if (!decree.amendsId) return null;
  if (diff.isPending) return <LoadingState />;
  if (diff.error) return <ErrorState error={diff.error} />;
  const d = diff.data;
  const list = (
    title: string,
    lines: { line: number; name: string; villageName: string; amount: number }[],
  ) =>
    lines.length > 0 && (
      <div>
        <Text fw={600}>{title}</Text>
        <ul>
          {lines.map((l) => (
            <li key={`${title}-${l.line}`}>
              {l.line}. {l.name} — {l.villageName} — {formatRupiah(l.amount)}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <Paper withBorder p="md" aria-labelledby="diff-title">
      <Title order={2} size="h4" id="diff-title">
        {t("DECREE_DIFF_TITLE", { number: d.amendsNumber ?? "" })}
      </Title>
      <Text>
        {t("DECREE_DIFF_SUMMARY", {
          added: d.added.length,
          removed: d.removed.length,
          changed: d.changed.length,
          unchanged: d.unchanged,
        })}
      </Text>
      {list(t("DECREE_DIFF_ADDED"), d.added)}
      {list(t("DECREE_DIFF_REMOVED"), d.removed)}
      {d.changed.length > 0 && (
        <div>
          <Text fw={600}>{t("DECREE_DIFF_CHANGED")}</Text>
          <ul>
            {d.changed.map((c) => (
              <li key={c.after.enrollmentId}>
                {c.after.line}. {c.after.name}: {c.fields.join(", ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Paper>
  );
}

function Lines({ decree }: { decree: DecreeView }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const lines = useDecreeLines(decree.id, page);
  const pages = Math.max(1, Math.ceil(decree.lineCount / 50));
  return (
    <Paper withBorder p="md" aria-labelledby="lines-title">
      <Title order={2} size="h4" id="lines-title">
        {t("DECREE_LINES")}
      </Title>
      {lines.isPending ? (
        <LoadingState />
      ) : lines.error ? (
        <ErrorState error={lines.error} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">No</Table.Th>
                <Table.Th>{t("DECREE_LINE_NAME")}</Table.Th>
                <Table.Th>{t("DECREE_LINE_NIK")}</Table.Th>
                <Table.Th>{t("DECREE_LINE_VILLAGE")}</Table.Th>
                <Table.Th>{t("DECREE_LINE_RTRW")}</Table.Th>
                <Table.Th>{t("DECREE_LINE_BUSINESS")}</Table.Th>
                <Table.Th ta="right">{t("DECREE_LINE_AMOUNT")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.data.items.map((l) => (
                <Table.Tr key={l.line}>
                  <Table.Td ta="right">{l.line}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{l.nikMasked}</Table.Td>
                  <Table.Td>{l.villageName}</Table.Td>
                  <Table.Td>{l.rtRw}</Table.Td>
                  <Table.Td>{l.business}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(l.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group mt="sm">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t("DECREE_PREV")}
        </Button>
        <Text size="sm">{t("DECREE_PAGE", { page, pages })}</Text>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t("DECREE_NEXT")}
        </Button>
      </Group>
    </Paper>
  );
}

function Actions({ decree }: { decree: DecreeView }) {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useAuth();
  const can = (action: Parameters<typeof roleCan>[1]) => (user ? roleCan(user.role, action) : false);
  const check = useDecreeStep(decree.id, "check");
  const approve = useDecreeStep(decree.id, "approve");
  const amend = useDraftDecree();
  const signed = useAttachSigned(decree.id);
  const error = check.error ?? approve.error ?? amend.error ?? signed.error;
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="sm">
      <Group>
        <Button component="a" href={`/api/decrees/${decree.id}/pdf`} variant="light">
          {t("DECREE_PDF")}
        </Button>
        {can("decree.archive") && (
          <Button component="a" href={`/api/decrees/${decree.id}/pdf?variant=archive`} variant="subtle">
            {t("DECREE_PDF_ARCHIVE")}
          </Button>
        )}
        <Button component="a" href={`/api/decrees/${decree.id}/annex.csv`} variant="subtle">
          {t("DECREE_CSV")}
        </Button>
        {decree.status !== "draft" && decree.status !== "checked" && (
          <Anchor href={decree.verifyUrl} target="_blank" rel="noopener">
            {t("DECREE_VERIFY_PAGE")}
          </Anchor>
        )}
      </Group>
      <Group>
        {decree.status === "draft" && can("decree.check") && decree.draftedById !== user?.id && (
          <Button loading={check.isPending} onClick={() => check.mutate(decree.version)}>
            {t("DECREE_CHECK")}
          </Button>
        )}
        {decree.status === "checked" && can("decree.approve") && !confirming && (
          <Button color="teal" onClick={() => setConfirming(true)}>
            {t("DECREE_APPROVE")}
          </Button>
        )}
        {decree.status === "approved" && can("decree.draft") && (
          <Button
            variant="light"
            loading={amend.isPending}
            onClick={async () => {
              try {
                const next = await amend.mutateAsync({ periodId: decree.periodId, amendsId: decree.id });
                navigate(`/sk/${next.id}`);
              } catch {
                // Shown below.
              }
            }}
          >
            {t("DECREE_AMEND")}
          </Button>
        )}
        {decree.status !== "draft" &&
          decree.status !== "checked" &&
          !decree.signedPdfSha256 &&
          can("decree.sign") && (
            <FileButton
              accept="application/pdf"
              onChange={async (file) => {
                if (!file) return;
                try {
                  await signed.mutateAsync(file);
                  notifications.show({ color: "teal", message: t("DECREE_SIGNED_SAVED") });
                } catch {
                  // Shown below.
                }
              }}
            >
              {(props) => (
                <Button variant="default" loading={signed.isPending} {...props}>
                  {t("DECREE_SIGNED_UPLOAD")}
                </Button>
              )}
            </FileButton>
          )}
      </Group>
      {confirming && (
        <Alert color="teal" title={t("DECREE_APPROVE")}>
          <Stack gap="xs">
            <Text size="sm">{t("DECREE_APPROVE_CONFIRM")}</Text>
            <Group>
              <Button color="teal" loading={approve.isPending} onClick={() => approve.mutate(decree.version)}>
                {t("DECREE_APPROVE")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
    </Stack>
  );
}

export default function DecreePage() {
  const t = useT();
  const { id } = useParams();
  const decree = useDecree(id);
  if (decree.isPending) return <LoadingState />;
  if (decree.error) return <ErrorState error={decree.error} onRetry={() => decree.refetch()} />;
  const d = decree.data;
  return (
    <>
      <PageHeader
        title={`${d.subject} — ${d.number ?? t("DECREE_UNNUMBERED")}`}
        crumbs={[{ label: t("DECREES_TITLE"), to: "/sk" }, { label: d.number ?? t("DECREE_UNNUMBERED") }]}
      />
      <Stack>
        {d.supersededByNumber && (
          <Alert color="orange">{t("DECREE_SUPERSEDED", { number: d.supersededByNumber })}</Alert>
        )}
        {d.amendsNumber && <Text>{t("DECREE_AMENDS", { number: d.amendsNumber })}</Text>}
        {d.sanggahClosesOn && (
          <Text size="sm" c="dimmed">
            {t("DECREE_SANGGAH_UNTIL", { date: formatDate(d.sanggahClosesOn, t.language) })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t("DECREE_PEOPLE", {
            drafter: d.draftedByName,
            checker: d.checkedByName ?? "—",
            approver: d.approvedByName ?? "—",
          })}
        </Text>
        <Actions decree={d} />
        <Facts decree={d} />
        <DiffPanel decree={d} />
        <Lines decree={d} />
      </Stack>
    </>
  );
}
