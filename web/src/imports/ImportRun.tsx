import { Alert, Anchor, Card, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { useT } from "../i18n/language.tsx";
import { useJobProgress } from "../jobs/api.ts";
import { JobProgress } from "../jobs/JobProgress.tsx";
import { type ImportSubmitted, importKeys } from "./import-api.ts";

/**
 * What became of a file just sent (or a check just applied): its job followed live until it ends, then the
 * import's own page; or, when exactly this file was already applied to the same target, that said plainly.
 */
export function ImportRun({ submitted, fileName }: { submitted: ImportSubmitted; fileName: string }) {
  const t = useT();
  if (submitted.duplicateOf) {
    return (
      <Alert
        color="yellow"
        role="status"
        title={t("IMPORT_ALREADY_APPLIED_TITLE")}
        data-testid="import-duplicate"
      >
        <Stack gap={6}>
          <Text fz="sm">{t("IMPORT_ALREADY_APPLIED_TEXT", { file: fileName })}</Text>
          <Anchor component={Link} to={`/impor/${submitted.duplicateOf}`} fz="sm" fw={600}>
            {t("IMPORT_OPEN_APPLIED")}
          </Anchor>
          <Anchor component={Link} to={`/impor/${submitted.importId}`} fz="sm">
            {t("IMPORT_OPEN_THIS_ATTEMPT")}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  if (!submitted.job) return null;
  return <ImportJob importId={submitted.importId} job={submitted.job} fileName={fileName} />;
}

function ImportJob({
  importId,
  job,
  fileName,
}: {
  importId: string;
  job: NonNullable<ImportSubmitted["job"]>;
  fileName: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const live = useJobProgress(job.id, job, () => {
    void client.invalidateQueries({ queryKey: importKeys.all });
    navigate(`/impor/${importId}`);
  });
  return (
    <Card
      withBorder
      data-testid="import-progress"
      aria-label={t("IMPORT_PROGRESS_TITLE", { file: fileName })}
    >
      <Stack gap="xs">
        <Text fw={600} fz="sm" style={{ overflowWrap: "anywhere" }}>
          {t("IMPORT_PROGRESS_TITLE", { file: fileName })}
        </Text>
        <JobProgress job={live ?? job} />
        <Text fz="xs" c="dimmed">
          {t("IMPORT_PROGRESS_NOTE")}
        </Text>
      </Stack>
    </Card>
  );
}
