import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
// Decisions the server refuses without a reason, asked for here before the request; the server still checks.
import { REASON_REQUIRED } from "../../../src/imports/codes.ts";
import type { Translate } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import type { ReconciliationLine, useDecideLines } from "./reconciliation-api.ts";

/** Decisions every selected line allows, in the order the first line lists them. */
function commonDecisions(lines: readonly ReconciliationLine[]): string[] {
  const [first, ...rest] = lines;
  if (!first) return [];
  return first.allowedDecisions.filter((d) => rest.every((l) => l.allowedDecisions.includes(d)));
}

/** One decision and its reason for the ticked lines; each line becomes its own audit entry on the server. */
export function ReconciliationDecisionBar({
  selected,
  decide,
  onClear,
  t,
}: {
  selected: ReconciliationLine[];
  decide: ReturnType<typeof useDecideLines>;
  onClear: () => void;
  t: Translate;
}) {
  const options = commonDecisions(selected);
  const [decision, setDecision] = useState("");
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const needsReason = REASON_REQUIRED.has(decision);

  // A decision the new selection does not allow is dropped rather than sent and refused.
  useEffect(() => {
    if (decision && !options.includes(decision)) setDecision("");
  }, [decision, options]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision || selected.length === 0) return;
    if (needsReason && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    decide.mutate(
      {
        lines: selected.map((l) => ({ id: l.id, version: l.version })),
        decision,
        reason: reason.trim() || null,
      },
      {
        onSuccess: () => {
          setReason("");
          setDecision("");
          onClear();
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      shadow="sm"
      p="sm"
      component="section"
      aria-labelledby="recon-decide-title"
      data-testid="reconciliation-decide"
      // Stays in reach while scrolling through the lines, once there is something to decide.
      style={selected.length > 0 ? { position: "sticky", bottom: 0, zIndex: 3 } : undefined}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text fw={600} id="recon-decide-title">
              {t("RECON_DECIDE_TITLE")}
            </Text>
            <Text fz="sm" c="dimmed" aria-live="polite">
              {selected.length > 0
                ? t("RECON_DECIDE_SELECTED", { count: selected.length })
                : t("RECON_DECIDE_NONE_SELECTED")}
            </Text>
          </Group>
          {decide.isSuccess && selected.length === 0 && (
            <Alert color="teal" role="status" withCloseButton onClose={() => decide.reset()} py={6}>
              {t("RECON_DECIDE_SAVED", { count: decide.data.length })}
            </Alert>
          )}
          {decide.isError && (
            <Alert color="red" role="alert" title={t("SAVE_FAILED_TITLE")} py={6}>
              {errorText(t, decide.error)}
            </Alert>
          )}
          {selected.length > 0 && options.length === 0 && (
            <Text fz="sm" c="orange.9">
              {t("RECON_DECIDE_MIXED")}
            </Text>
          )}
          {selected.length > 0 && options.length > 0 && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <NativeSelect
                  label={t("RECON_DECISION")}
                  value={decision}
                  onChange={(e) => {
                    setDecision(e.currentTarget.value);
                    setMissingReason(false);
                  }}
                  data={[
                    { value: "", label: t("CHOOSE") },
                    ...options.map((d) => ({ value: d, label: t.code(`RECON_DECISION_${d}`, {}, d) })),
                  ]}
                  required
                />
                <Textarea
                  label={t("RECON_REASON")}
                  description={
                    needsReason ? t("RECON_REASON_REQUIRED_HINT") : t("RECON_REASON_OPTIONAL_HINT")
                  }
                  value={reason}
                  onChange={(e) => {
                    setReason(e.currentTarget.value);
                    setMissingReason(false);
                  }}
                  error={missingReason ? t("RECON_REASON_MISSING") : undefined}
                  required={needsReason}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={500}
                />
              </SimpleGrid>
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={onClear}>
                  {t("RECON_DECIDE_CLEAR")}
                </Button>
                <Button type="submit" disabled={!decision} loading={decide.isPending}>
                  {t("RECON_DECIDE_SAVE")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
