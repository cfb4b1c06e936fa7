import { Alert, Anchor, Button, Card, DataList, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useJobProgress } from "../jobs/api.ts";
import { JobProgress } from "../jobs/JobProgress.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { ImportIssues } from "./ImportIssues.tsx";
import { targetText } from "./ImportList.tsx";
import { ImportMapping } from "./ImportMapping.tsx";
import { ImportRun } from "./ImportRun.tsx";
import { ImportStateBadge } from "./ImportStateBadge.tsx";
import { ImportSummary } from "./ImportSummary.tsx";
import {
  type ImportSubmitted,
  type ImportView,
  importFinished,
  importKeys,
  reportUrl,
  useApplyImport,
  useImport,
  useImports,
} from "./import-api.ts";
import { fileSizeText } from "./import-rules.ts";

/** /impor/:id: one import, from its live progress to its findings, report and (after a check) its apply. */
export default function ImportPage() {
  const t = useT();
  const { id } = useParams();
  const record = useImport(id);
  if (record.isPending) return <LoadingState />;
  if (record.isError)
    return (
      <>
        <PageHeader title={t("IMPORT_TITLE")} crumbs={[{ label: t("IMPORTS_TITLE"), to: "/impor" }]} />
        <ErrorState error={record.error} onRetry={() => void record.refetch()} />
      </>
    );
  return <ImportDetail key={record.data.id} record={record.data} />;
}

/** One sentence on where the import stands and what the officer can do next. */
function stateText(t: Translate, record: ImportView): string {
  const s = record.summary ?? {};
  const n = (value: number | undefined) => formatNumber(value ?? 0, t.language);
  switch (record.state) {
    case "queued":
    case "running":
      return t("IMPORT_EXPLAIN_running");
    case "checked":
      return (s.rejected ?? 0) > 0
        ? t("IMPORT_EXPLAIN_checked_skipping", { accepted: n(s.accepted), rejected: n(s.rejected) })
        : t("IMPORT_EXPLAIN_checked", { accepted: n(s.accepted) });
    case "applied":
      return (s.rejected ?? 0) > 0
        ? t("IMPORT_EXPLAIN_applied_skipped", { accepted: n(s.accepted), rejected: n(s.rejected) })
        : t("IMPORT_EXPLAIN_applied", { accepted: n(s.accepted) });
    case "rejected":
      return record.problem
        ? t("IMPORT_EXPLAIN_rejected_file")
        : t("IMPORT_EXPLAIN_rejected_rows", { rejected: n(s.rejected) });
    case "duplicate":
      return t("IMPORT_EXPLAIN_duplicate");
    case "failed":
      return t("IMPORT_EXPLAIN_failed");
    case "cancelled":
      return t("IMPORT_EXPLAIN_cancelled");
  }
}

function ImportDetail({ record }: { record: ImportView }) {
  const t = useT();
  const client = useQueryClient();
  const { user } = useAuth();
  const mayRun = user ? roleCan(user.role, "import.run") : true;
  const programs = usePrograms();
  const periods = usePeriods();
  const running = !importFinished(record.state);
  // A running import is followed live; a failed one's job tells why it failed.
  const followed = record.jobId && (running || record.state === "failed") ? record.jobId : null;
  const job = useJobProgress(followed, null, () => {
    void client.invalidateQueries({ queryKey: importKeys.all });
  });
  const sameTarget = useImports(record.periodId ?? undefined);
  const appliedAs =
    record.state === "checked"
      ? sameTarget.data?.find(
          (other) =>
            other.id !== record.id &&
            other.state === "applied" &&
            other.contentHash === record.contentHash &&
            other.periodId === record.periodId,
        )
      : undefined;
  const reportReady = record.state === "checked" || record.state === "applied" || record.state === "rejected";

  return (
    <>
      <PageHeader
        title={record.fileName}
        crumbs={[{ label: t("IMPORTS_TITLE"), to: "/impor" }, { label: t("IMPORT_TITLE") }]}
      />
      <Stack>
        <Card withBorder component="section" aria-label={t("IMPORT_STATUS_TITLE")} data-import-id={record.id}>
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <ImportStateBadge state={record.state} />
              <Text fz="sm" fw={500} data-testid="import-state-text">
                {stateText(t, record)}
              </Text>
            </Group>
            {job && (running || job.state === "failed") && <JobProgress job={job} />}
            {record.state === "duplicate" && record.duplicateOf && (
              <Alert color="yellow" role="status" p="xs" data-testid="import-duplicate">
                <Anchor component={Link} to={`/impor/${record.duplicateOf}`} fz="sm" fw={600}>
                  {t("IMPORT_OPEN_APPLIED")}
                </Anchor>
              </Alert>
            )}
            <DataList size="sm" labelWidth={170}>
              {[
                [t("IMPORT_MODE"), t(`IMPORT_MODE_SHORT_${record.mode}`)],
                [t("IMPORT_INVALID_ROWS"), t(`IMPORT_POLICY_${record.invalidRows}`)],
                [t("IMPORT_COL_TARGET"), targetText(t, record, programs.data, periods.data)],
                [
                  t("IMPORT_FILE"),
                  `${fileSizeText(record.fileBytes, t.language)} · ${t("IMPORT_HASH", { hash: record.contentHash.slice(0, 12) })}`,
                ],
                [t("IMPORT_COL_BY"), record.createdByName],
                [t("IMPORT_SENT_AT"), formatDateTime(record.createdAt, t.language)],
                [
                  t("IMPORT_FINISHED_AT"),
                  record.finishedAt ? formatDateTime(record.finishedAt, t.language) : "–",
                ],
              ].map(([label, value]) => (
                <DataList.Item key={label}>
                  <DataList.ItemLabel>{label}</DataList.ItemLabel>
                  <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{value}</DataList.ItemValue>
                </DataList.Item>
              ))}
            </DataList>
            {reportReady && (
              <Group gap="xs" wrap="wrap">
                <Text fz="sm" fw={500}>
                  {t("IMPORT_REPORT")}
                </Text>
                <Button component="a" href={reportUrl(record.id, "xlsx")} download variant="light" size="xs">
                  {t("IMPORT_REPORT_XLSX")}
                </Button>
                <Button component="a" href={reportUrl(record.id, "csv")} download variant="light" size="xs">
                  {t("IMPORT_REPORT_CSV")}
                </Button>
              </Group>
            )}
            {reportReady && (
              <Text fz="xs" c="dimmed">
                {t("IMPORT_REPORT_HINT")}
              </Text>
            )}
            {record.state === "checked" && mayRun && (
              <ApplyChecked record={record} appliedAs={appliedAs?.id ?? null} />
            )}
          </Stack>
        </Card>
        {record.problem && (
          <Alert color="red" role="alert" title={t("IMPORT_PROBLEM_TITLE")} data-testid="import-problem">
            <Text fz="sm">{record.problem.message}</Text>
            <Text fz="xs" c="dimmed" mt={4}>
              {t("IMPORT_PROBLEM_AT", { row: record.problem.row, column: record.problem.column })}
            </Text>
          </Alert>
        )}
        {record.notes.map((note) => (
          <Alert key={`${note.code}-${note.row}-${note.column}`} color="yellow" role="note">
            {note.message}
          </Alert>
        ))}
        <ImportSummary record={record} />
        {!running && <ImportIssues record={record} />}
        {!running && record.state !== "duplicate" && <ImportMapping record={record} mayRun={mayRun} />}
      </Stack>
    </>
  );
}

/** "Apply this file" after a check: the same upload and settings, confirmed first, then followed live. */
function ApplyChecked({ record, appliedAs }: { record: ImportView; appliedAs: string | null }) {
  const t = useT();
  const apply = useApplyImport();
  const [opened, { open, close }] = useDisclosure(false);
  const [sent, setSent] = useState<ImportSubmitted | null>(null);
  const s = record.summary ?? {};
  const n = (value: number | undefined) => formatNumber(value ?? 0, t.language);

  if (appliedAs && !sent)
    return (
      <Alert color="teal" role="status" p="xs" data-testid="import-applied-as">
        <Text fz="sm">{t("IMPORT_CHECK_APPLIED_ALREADY")}</Text>
        <Anchor component={Link} to={`/impor/${appliedAs}`} fz="sm" fw={600}>
          {t("IMPORT_OPEN_APPLIED")}
        </Anchor>
      </Alert>
    );

  const confirm = async () => {
    try {
      setSent(await apply.mutateAsync(record.id));
      close();
    } catch {
      // Shown from apply.error inside the dialog.
    }
  };

  return (
    <Stack gap="xs">
      {!sent && (
        <Group>
          <Button onClick={open} color="teal" data-testid="import-apply">
            {t("IMPORT_APPLY")}
          </Button>
        </Group>
      )}
      {sent && <ImportRun submitted={sent} fileName={record.fileName} />}
      <Modal opened={opened} onClose={close} title={t("IMPORT_APPLY_CONFIRM_TITLE")} centered>
        <Stack>
          <Text fz="sm">
            {t("IMPORT_APPLY_CONFIRM_TEXT", {
              file: record.fileName,
              persons: n(s.personsCreated),
              existing: n(s.personsExisting),
            })}
          </Text>
          {record.periodId && (
            <Text fz="sm">{t("IMPORT_APPLY_CONFIRM_ENROLL", { enrollments: n(s.enrollmentsCreated) })}</Text>
          )}
          {(s.rejected ?? 0) > 0 && (
            <Text fz="sm" c="red.8" fw={500}>
              {t("IMPORT_APPLY_CONFIRM_SKIP", { rejected: n(s.rejected) })}
            </Text>
          )}
          <Text fz="sm" c="dimmed">
            {t("IMPORT_APPLY_CONFIRM_ALL_OR_NOTHING")}
          </Text>
          {apply.error != null && (
            <Alert color="red" role="alert" p="xs">
              {errorText(t, apply.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("CANCEL")}
            </Button>
            <Button color="teal" loading={apply.isPending} onClick={() => void confirm()} data-autofocus>
              {t("IMPORT_APPLY_CONFIRM")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
