import { Alert, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { consistentComparisons } from "../../../src/ranking/ahp.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldErrorsOf, fieldMessages } from "../ui/errors.ts";
import { useRunSelection, useSaveModel } from "./api.ts";
import type { Draft, PreparedSimulation } from "./simulation.ts";

/**
 * Saving the draft as the program's next model version, and running the selection with the saved model. Weights
 * set directly are saved as the consistent judgments that give exactly those weights.
 */
export function ModelActions({
  prepared,
  draft,
  pristine,
  canEdit,
  canSelect,
}: {
  prepared: PreparedSimulation;
  draft: Draft;
  pristine: boolean;
  canEdit: boolean;
  canSelect: boolean;
}) {
  const t = useT();
  const { view } = prepared;
  const save = useSaveModel(view.programId, view.periodId);
  const run = useRunSelection(view.periodId);
  const [saveReason, setSaveReason] = useState("");
  const [runReason, setRunReason] = useState("");
  if (!canEdit && !canSelect) return null;
  const saveFields = fieldMessages(t, fieldErrorsOf(save.error));
  const runFields = fieldMessages(t, fieldErrorsOf(run.error));

  const onSave = () =>
    save.mutate({
      baseVersion: view.modelVersion,
      model: prepared.model,
      criteriaJudgments: draft.weights ? consistentComparisons(draft.weights).judgments : draft.judgments,
      reason: saveReason.trim(),
    });

  return (
    <Card withBorder component="section">
      <Stack gap="md">
        {canEdit && (
          <Stack gap="xs">
            <TextInput
              size="xs"
              label={t("RANKING_SAVE_REASON")}
              value={saveReason}
              error={saveFields.reason}
              onChange={(event) => setSaveReason(event.currentTarget.value)}
            />
            <Group>
              <Button size="xs" onClick={onSave} disabled={pristine} loading={save.isPending}>
                {t("RANKING_SAVE_MODEL")}
              </Button>
            </Group>
            {save.isError && (
              <Alert color="red" role="alert">
                {errorText(t, save.error)}
              </Alert>
            )}
            {save.isSuccess && (
              <Text fz="sm" c="teal" role="status">
                {t("RANKING_SAVED", { version: save.data.version })}
              </Text>
            )}
          </Stack>
        )}
        {canSelect && (
          <Stack gap="xs">
            <Text fz="sm">{t("RANKING_RUN_HELP", { version: view.modelVersion })}</Text>
            {!pristine && (
              <Text fz="sm" c="orange">
                {t("RANKING_UNSAVED")}
              </Text>
            )}
            <TextInput
              size="xs"
              label={t("RANKING_RUN_REASON")}
              value={runReason}
              error={runFields.reason}
              onChange={(event) => setRunReason(event.currentTarget.value)}
            />
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => run.mutate({ modelVersion: view.modelVersion, reason: runReason.trim() })}
                disabled={!pristine}
                loading={run.isPending}
              >
                {t("RANKING_RUN")}
              </Button>
            </Group>
            {run.isError && (
              <Alert color="red" role="alert">
                {errorText(t, run.error)}
              </Alert>
            )}
            {run.isSuccess && (
              <Text fz="sm" c="teal" role="status" style={{ wordBreak: "break-all" }}>
                {t("RANKING_RUN_DONE", {
                  run: run.data.runNumber,
                  selected: run.data.selectedCount,
                  sha: run.data.sha256,
                })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
