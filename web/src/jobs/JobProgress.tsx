import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type JobView, jobFinished, useCancelJob } from "./api.ts";

const MB = 1024 * 1024;
/** Stages whose `done`/`total` count bytes of the uploaded file rather than rows. */
const BYTE_STAGES = new Set(["read", "load", "commit"]);

/**
 * A job's live state: what it is doing in words, a bar when the total is known (an animated one when not),
 * and a cancel button while it may still be stopped. Screen readers hear the stage change, not every tick.
 */
export function JobProgress({ job }: { job: JobView }) {
  const t = useT();
  const cancel = useCancelJob();
  const finished = jobFinished(job);
  const stage = job.stage
    ? t.code(`JOB_STAGE_${job.stage.toUpperCase()}`, {}, job.stage)
    : t.code(`JOB_STATE_${job.state}`);
  const rows = typeof job.detail?.rows === "number" ? job.detail.rows : null;
  const amount =
    job.total === null
      ? null
      : BYTE_STAGES.has(job.stage ?? "")
        ? t("JOB_PROGRESS_BYTES", {
            done: (job.done / MB).toFixed(1),
            total: (job.total / MB).toFixed(1),
          })
        : t("JOB_PROGRESS_ITEMS", {
            done: formatNumber(job.done, t.language),
            total: formatNumber(job.total, t.language),
          });
  if (job.state === "failed")
    return (
      <Alert color="red" role="alert" title={t("JOB_STATE_failed")}>
        {job.error
          ? t.code(job.error.code, job.error.params as Record<string, string>, job.error.message)
          : null}
      </Alert>
    );
  if (job.state === "cancelled")
    return (
      <Alert color="yellow" role="status" title={t("JOB_STATE_cancelled")}>
        {t("JOB_CANCELLED_NOTE")}
      </Alert>
    );
  return (
    <Stack gap={6} data-job-state={job.state}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={500} aria-live="polite">
          {finished ? t("JOB_STATE_succeeded") : stage}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            amount,
            rows !== null ? t("JOB_PROGRESS_ROWS", { rows: formatNumber(rows, t.language) }) : null,
            job.attempts > 1 ? t("JOB_ATTEMPT", { attempts: job.attempts }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </Group>
      <Progress
        value={finished ? 100 : (job.percent ?? 100)}
        animated={!finished && job.percent === null}
        striped={!finished}
        aria-label={t("JOB_PROGRESS_LABEL")}
        size="lg"
      />
      {!finished && (
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(job.id)}
          >
            {t("JOB_CANCEL")}
          </Button>
        </Group>
      )}
      {cancel.error && (
        <Text size="sm" c="red" role="alert">
          {errorText(t, cancel.error)}
        </Text>
      )}
    </Stack>
  );
}
