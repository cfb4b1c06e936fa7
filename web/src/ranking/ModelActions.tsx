import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { consistentComparisons } from "../../../src/ranking/ahp.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldErrorsOf, fieldMessages } from "../ui/errors.ts";
import { useRunSelection, useSaveModel } from "./api.ts";
import { formatDecimal } from "./format.ts";
import { SelectionConfirm } from "./SelectionConfirm.tsx";
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
  consistencyRatio,
}: {
  prepared: PreparedSimulation;
  draft: Draft;
  pristine: boolean;
  canEdit: boolean;
  canSelect: boolean;
  /** Consistency ratio of the draft's criteria judgments (0 when weights are set directly). */
  consistencyRatio: number;
}) {
  const t = useT();
  const { view } = prepared;
  const save = useSaveModel(view.programId, view.periodId);
  const run = useRunSelection(view.periodId);
  const [saveReason, setSaveReason] = useState("");
  const [runReason, setRunReason] = useState("");
  const [justification, setJustification] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [saveTried, setSaveTried] = useState(false);
  if (!canEdit && !canSelect) return null;
  const saveFields = fieldMessages(t, fieldErrorsOf(save.error));
  const runFields = fieldMessages(t, fieldErrorsOf(run.error));

  // Weights set directly are saved as consistent judgments: only edited comparisons can be inconsistent.
  const needsJustification = !draft.weights && consistencyRatio > 0.1;
  const reasonMissing = saveReason.trim().length < 3;
  const justificationMissing = needsJustification && justification.trim().length < 10;
  const onSave = () => {
    setSaveTried(true);
    if (reasonMissing || justificationMissing) return;
    save.mutate({
      baseVersion: view.modelVersion,
      model: prepared.model,
      criteriaJudgments: draft.weights ? consistentComparisons(draft.weights).judgments : draft.judgments,
      reason: saveReason.trim(),
      ...(needsJustification ? { inconsistencyJustification: justification.trim() } : {}),
    });
  };

  return (
    <Card withBorder component="section">
      <Stack gap="md">
        {canEdit && (
          <Stack gap="xs">
            <TextInput
              size="xs"
              label={t("RANKING_SAVE_REASON")}
              value={saveReason}
              required
              error={
                saveFields.reason ??
                (saveTried && reasonMissing ? t("RANKING_SAVE_REASON_REQUIRED") : undefined)
              }
              onChange={(event) => setSaveReason(event.currentTarget.value)}
            />
            {needsJustification && (
              <Textarea
                size="xs"
                autosize
                minRows={2}
                required
                label={t("RANKING_JUSTIFY_CR", { ratio: formatDecimal(consistencyRatio, 3, t.language) })}
                value={justification}
                error={
                  saveFields.inconsistencyJustification ??
                  (saveTried && justificationMissing
                    ? t.code("RATING_MODEL_INCONSISTENT_UNJUSTIFIED", {
                        ratio: formatDecimal(consistencyRatio, 3, t.language),
                        limit: formatDecimal(0.1, 2, t.language),
                      })
                    : undefined)
                }
                onChange={(event) => setJustification(event.currentTarget.value)}
                data-testid="cr-justification"
              />
            )}
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
                onClick={() => setConfirming(true)}
                disabled={!pristine}
                loading={run.isPending}
              >
                {t("RANKING_RUN")}
              </Button>
            </Group>
            <SelectionConfirm
              periodId={view.periodId}
              opened={confirming}
              reason={runReason}
              running={run.isPending}
              onClose={() => setConfirming(false)}
              onConfirm={() =>
                run.mutate(
                  { modelVersion: view.modelVersion, reason: runReason.trim() },
                  { onSettled: () => setConfirming(false) },
                )
              }
            />
            {run.isError && (
              <Alert color="red" role="alert">
                {errorText(t, run.error)}
              </Alert>
            )}
            {run.isSuccess && (
              <Text fz="sm" c="teal" role="status" style={{ wordBreak: "break-all" }}>
                {t("RANKING_RUN_DONE", {
                  run: run.data.runNumber,
                  selected: formatNumber(run.data.selectedCount, t.language),
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
