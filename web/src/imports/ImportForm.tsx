import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useAuth } from "../access/auth.tsx";
import { useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { ImportFilePicker } from "./ImportFilePicker.tsx";
import { ImportRun } from "./ImportRun.tsx";
import {
  type ImportMode,
  type ImportSubmitted,
  INVALID_ROW_POLICIES,
  type InvalidRowPolicy,
  useImportTemplates,
  useSubmitImport,
} from "./import-api.ts";

/** "" in the program picker: a list of persons only, enrolled in nothing. */
const NO_PROGRAM = "";

/**
 * Sending a list: where it goes (a program period, or the registry only), the file, how its columns are read,
 * whether to check it first, and what to do with rows that have errors.
 */
export function ImportForm() {
  const t = useT();
  const { user } = useAuth();
  const programs = usePrograms();
  const [programId, setProgramId] = useState(NO_PROGRAM);
  const periods = usePeriods(programId || undefined);
  const [periodId, setPeriodId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [templateId, setTemplateId] = useState("");
  const [mode, setMode] = useState<ImportMode>("check");
  const [invalidRows, setInvalidRows] = useState<InvalidRowPolicy>("reject_file");
  const [missing, setMissing] = useState<{ period?: boolean; file?: boolean }>({});
  const [sent, setSent] = useState<{ submitted: ImportSubmitted; fileName: string } | null>(null);
  const submit = useSubmitImport();

  const program = programs.data?.find((p) => p.id === programId);
  // A program manager's templates are their agency's; a coordinator's are those of the program's agency.
  const templateAgency = user?.role === "program_manager" ? null : (program?.agencyId ?? null);
  const templates = useImportTemplates(templateAgency);
  const programPeriods = programId ? (periods.data ?? []) : [];
  const busy = submit.isPending || Boolean(sent?.submitted.job && !sent.submitted.duplicateOf);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const lacking = { period: Boolean(programId) && !periodId, file: !file };
    setMissing(lacking);
    if (lacking.period || lacking.file || !file) return;
    setSent(null);
    try {
      const submitted = await submit.mutateAsync({
        file,
        fileName: file.name,
        periodId: programId ? periodId : null,
        mode,
        invalidRows,
        templateId: templateId || null,
      });
      setSent({ submitted, fileName: file.name });
    } catch {
      // Shown from submit.error.
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="import-form-heading">
      <Title order={2} fz="h4" id="import-form-heading" mb="sm">
        {t("IMPORT_FORM_TITLE")}
      </Title>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack>
          <Text fz="sm" c="dimmed">
            {t("IMPORT_FORM_INTRO")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("IMPORT_PROGRAM")}
              description={t("IMPORT_PROGRAM_HINT")}
              value={programId}
              onChange={(e) => {
                setProgramId(e.currentTarget.value);
                setPeriodId("");
                setTemplateId("");
              }}
              disabled={busy}
              data={[
                { value: NO_PROGRAM, label: t("IMPORT_NO_PROGRAM") },
                ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              error={programs.isError ? errorText(t, programs.error) : undefined}
            />
            <NativeSelect
              label={t("IMPORT_PERIOD")}
              description={programId ? t("IMPORT_PERIOD_HINT") : t("IMPORT_PERIOD_NONE")}
              value={periodId}
              onChange={(e) => {
                setPeriodId(e.currentTarget.value);
                setMissing((m) => ({ ...m, period: false }));
              }}
              disabled={busy || !programId}
              required={Boolean(programId)}
              data={[
                { value: "", label: programId && periods.isPending ? t("LOADING") : t("CHOOSE") },
                ...programPeriods.map((p) => ({
                  value: p.id,
                  label: `${p.name} (${t.code(`PERIOD_STATUS_${p.status}`, {}, p.status)})`,
                })),
              ]}
              error={
                missing.period
                  ? t("IMPORT_PERIOD_REQUIRED")
                  : periods.isError
                    ? errorText(t, periods.error)
                    : undefined
              }
            />
          </SimpleGrid>
          <ImportFilePicker
            file={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing((m) => ({ ...m, file: false }));
              setSent(null);
            }}
            disabled={busy}
          />
          {missing.file && (
            <Text fz="sm" c="red" role="alert">
              {t("IMPORT_FILE_REQUIRED")}
            </Text>
          )}
          <NativeSelect
            label={t("IMPORT_TEMPLATE")}
            description={t("IMPORT_TEMPLATE_HINT")}
            value={templateId}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
            disabled={busy}
            data={[
              { value: "", label: t("IMPORT_TEMPLATE_AUTO") },
              ...(templates.data ?? []).map((tpl) => ({
                value: tpl.id,
                label: tpl.agencyId ? tpl.name : t("IMPORT_TEMPLATE_SHARED", { name: tpl.name }),
              })),
            ]}
            error={templates.isError ? errorText(t, templates.error) : undefined}
          />
          <Radio.Group
            label={t("IMPORT_MODE")}
            value={mode}
            onChange={(value) => setMode(value as ImportMode)}
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="check"
                label={t("IMPORT_MODE_check")}
                description={t("IMPORT_MODE_check_HINT")}
                disabled={busy}
              />
              <Radio
                value="apply"
                label={t("IMPORT_MODE_apply")}
                description={t("IMPORT_MODE_apply_HINT")}
                disabled={busy}
              />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t("IMPORT_INVALID_ROWS")}
            value={invalidRows}
            onChange={(value) => setInvalidRows(value as InvalidRowPolicy)}
          >
            <Stack gap="xs" mt={6}>
              {INVALID_ROW_POLICIES.map((policy) => (
                <Radio
                  key={policy}
                  value={policy}
                  label={t(`IMPORT_POLICY_${policy}`)}
                  description={t(`IMPORT_POLICY_${policy}_HINT`)}
                  disabled={busy}
                />
              ))}
            </Stack>
          </Radio.Group>
          {submit.error != null && (
            <Alert color="red" role="alert" title={t("IMPORT_SEND_FAILED")}>
              {errorText(t, submit.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={submit.isPending} disabled={busy && !submit.isPending}>
              {mode === "check" ? t("IMPORT_SUBMIT_check") : t("IMPORT_SUBMIT_apply")}
            </Button>
          </Group>
          {submit.isPending && (
            <Text fz="sm" c="dimmed" role="status">
              {t("IMPORT_UPLOADING", { file: file?.name ?? "" })}
            </Text>
          )}
          {sent && <ImportRun submitted={sent.submitted} fileName={sent.fileName} />}
        </Stack>
      </form>
    </Card>
  );
}
