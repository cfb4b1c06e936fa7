import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { useT } from "../i18n/language.tsx";
import { type JobView, jobFinished, useJobProgress } from "../jobs/api.ts";
import { JobProgress } from "../jobs/JobProgress.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { ImportFilePicker } from "./ImportFilePicker.tsx";
import { useImportTemplates } from "./import-api.ts";
import { type ReconciliationScope, SCOPES, useSubmitReconciliation } from "./reconciliation-api.ts";

/** The job of a list just sent, followed live; the results open when it ends well. */
function RunningReconciliation({ id, job, onAgain }: { id: string; job: JobView; onAgain: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const live = useJobProgress(job.id, job, (ended) => {
    if (ended.state === "succeeded") navigate(`/rekonsiliasi/${id}`);
  });
  const shown = live ?? job;
  return (
    <Stack gap="xs" data-testid="reconciliation-progress" data-job-state={shown.state}>
      <Text fw={600}>{t("RECON_RUNNING_TITLE")}</Text>
      <JobProgress job={shown} />
      <Group justify="space-between" gap="xs">
        <Text fz="sm" c="dimmed">
          {t("RECON_RUNNING_HINT")}
        </Text>
        <Group gap="xs">
          {jobFinished(shown) && shown.state !== "succeeded" && (
            <Button variant="light" size="xs" onClick={onAgain}>
              {t("RECON_UPLOAD_AGAIN")}
            </Button>
          )}
          <Button variant="subtle" size="xs" onClick={() => navigate(`/rekonsiliasi/${id}`)}>
            {t("RECON_OPEN_RESULT")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Program, period, what to compare with, the file: then the job runs and its progress shows here. */
export function ReconciliationUploadForm() {
  const t = useT();
  const navigate = useNavigate();
  const programs = usePrograms();
  const [programId, setProgramId] = useState("");
  const periods = usePeriods(programId || undefined);
  const [periodId, setPeriodId] = useState("");
  const [scope, setScope] = useState<ReconciliationScope>("period");
  const [sourceName, setSourceName] = useState("DTKS");
  const [file, setFile] = useState<File | null>(null);
  const [templateId, setTemplateId] = useState("");
  const [headerRow, setHeaderRow] = useState<number | "">("");
  const [sheetName, setSheetName] = useState("");
  const agencyId = programs.data?.find((p) => p.id === programId)?.agencyId;
  const templates = useImportTemplates(agencyId, Boolean(agencyId));
  const [missing, setMissing] = useState(false);
  const submit = useSubmitReconciliation();
  const periodOptions = programId ? (periods.data ?? []).filter((p) => p.programId === programId) : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!periodId || !file || !sourceName.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    submit.mutate(
      {
        periodId,
        scope,
        sourceName: sourceName.trim(),
        file,
        templateId: templateId || null,
        headerRow: headerRow === "" ? null : headerRow,
        sheetName: sheetName.trim() || null,
      },
      {
        onSuccess: (result) => {
          if (!result.job) navigate(`/rekonsiliasi/${result.reconciliationId}`);
        },
      },
    );
  };

  const started = submit.data?.job ? submit.data : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-upload-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="recon-upload-title">
          {t("RECON_UPLOAD_TITLE")}
        </Title>
        {started?.job ? (
          <RunningReconciliation
            id={started.reconciliationId}
            job={started.job}
            onAgain={() => {
              submit.reset();
              setFile(null);
            }}
          />
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              {submit.isError && (
                <Alert color="red" role="alert" title={t("SAVE_FAILED_TITLE")}>
                  {errorText(t, submit.error)}
                </Alert>
              )}
              {missing && (
                <Alert color="orange" role="alert">
                  {t("RECON_MISSING_FIELDS")}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t("RECON_PROGRAM")}
                  value={programId}
                  onChange={(e) => {
                    setProgramId(e.currentTarget.value);
                    setPeriodId("");
                    setTemplateId("");
                  }}
                  data={[
                    { value: "", label: t("CHOOSE") },
                    ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  error={programs.isError ? errorText(t, programs.error) : undefined}
                  required
                />
                <NativeSelect
                  label={t("RECON_PERIOD")}
                  value={periodId}
                  onChange={(e) => setPeriodId(e.currentTarget.value)}
                  disabled={!programId}
                  description={
                    !programId
                      ? t("RECON_PERIOD_PICK_PROGRAM")
                      : periods.isSuccess && periodOptions.length === 0
                        ? t("RECON_PERIOD_NONE")
                        : undefined
                  }
                  data={[
                    { value: "", label: t("CHOOSE") },
                    ...periodOptions.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  error={missing && !periodId ? t("RECON_MISSING_FIELDS") : undefined}
                  required
                />
              </SimpleGrid>
              <TextInput
                label={t("RECON_SOURCE")}
                description={t("RECON_SOURCE_HINT")}
                value={sourceName}
                onChange={(e) => setSourceName(e.currentTarget.value)}
                maxLength={120}
                required
              />
              <Radio.Group
                label={t("RECON_SCOPE")}
                value={scope}
                onChange={(value) => setScope(value as ReconciliationScope)}
              >
                <Stack gap="xs" mt={6}>
                  {SCOPES.map((s) => (
                    <Radio
                      key={s}
                      value={s}
                      label={t.code(`RECON_SCOPE_${s}`)}
                      description={t.code(`RECON_SCOPE_${s}_HINT`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <ImportFilePicker file={file} onChange={setFile} label={t("RECON_FILE")} />
              <details>
                <summary style={{ cursor: "pointer" }}>
                  <Text component="span" fz="sm" fw={600}>
                    {t("RECON_ADVANCED")}
                  </Text>
                </summary>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs">
                  <NativeSelect
                    label={t("RECON_TEMPLATE")}
                    description={t("RECON_TEMPLATE_HINT")}
                    value={templateId}
                    onChange={(e) => setTemplateId(e.currentTarget.value)}
                    data={[
                      { value: "", label: t("RECON_TEMPLATE_AUTO") },
                      ...(templates.data ?? []).map((m) => ({ value: m.id, label: m.name })),
                    ]}
                  />
                  <NumberInput
                    label={t("RECON_HEADER_ROW")}
                    description={t("RECON_HEADER_ROW_HINT")}
                    value={headerRow}
                    onChange={(value) => setHeaderRow(typeof value === "number" ? value : "")}
                    min={1}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                  />
                  <TextInput
                    label={t("RECON_SHEET")}
                    description={t("RECON_SHEET_HINT")}
                    value={sheetName}
                    onChange={(e) => setSheetName(e.currentTarget.value)}
                    maxLength={31}
                  />
                </SimpleGrid>
              </details>
              <Group justify="flex-end">
                <Button type="submit" loading={submit.isPending}>
                  {t("RECON_START")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
