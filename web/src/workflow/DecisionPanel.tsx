import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { reasonCodeLabel } from "../audit/labels.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type ActionView, type ApplicationWorkflow, useTransition } from "./api.ts";

/** A refusal's colour: rejecting and withdrawing end an application; the rest move it on or back. */
const ENDING = new Set(["reject", "withdraw", "record_payment_failure", "uphold_objection"]);

/**
 * The decisions open to the caller on this application, exactly those the workflow engine offers their role and
 * area at its status; one still blocked (papers missing, not eligible) says why. A coded reason and a written one
 * are asked for where the engine requires them.
 */
export function DecisionPanel({ app }: { app: ApplicationWorkflow }) {
  const t = useT();
  const transition = useTransition(app.application.id);
  const [chosen, setChosen] = useState<ActionView | null>(null);
  const [reasonCode, setReasonCode] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const decide = async (action: ActionView, extra: { reasonCode?: string; reason?: string } = {}) => {
    setDone(null);
    try {
      const outcome = await transition.mutateAsync({
        action: action.action,
        version: app.application.version,
        reasonCode: extra.reasonCode || null,
        reason: extra.reason || null,
      });
      setDone(
        t("DECISION_DONE", {
          action: t.code(`WF_ACTION_${action.action}`, {}, action.action),
          status: t.code(`STATUS_${outcome.status}`, {}, outcome.status),
        }),
      );
      setChosen(null);
      setReason("");
      setReasonCode("");
      setTried(false);
    } catch {
      // Shown from transition.error.
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setTried(true);
    const codeMissing = chosen.reason === "coded" && !reasonCode;
    const textMissing = chosen.reason !== "none" && reason.trim().length < 3;
    if (codeMissing || textMissing) return;
    void decide(chosen, { reasonCode, reason: reason.trim() });
  };

  if (app.actions.length === 0)
    return (
      <Stack gap="xs">
        {done && (
          <Alert color="teal" role="status">
            {done}
          </Alert>
        )}
        <Text c="dimmed" fz="sm">
          {t("DECISION_NONE")}
        </Text>
      </Stack>
    );

  return (
    <Stack gap="sm" data-testid="decision-panel">
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      {transition.error != null && (
        <Alert color="red" role="alert">
          {errorText(t, transition.error)}
        </Alert>
      )}
      <Group gap="xs">
        {app.actions.map((action) => {
          const label = t.code(`WF_ACTION_${action.action}`, {}, action.action);
          return (
            <Button
              key={action.action}
              color={ENDING.has(action.action) ? "red" : undefined}
              variant={
                chosen?.action === action.action ? "filled" : ENDING.has(action.action) ? "light" : "filled"
              }
              disabled={action.blocked !== null || transition.isPending}
              loading={transition.isPending && transition.variables?.action === action.action}
              onClick={() => {
                if (action.reason === "none") void decide(action);
                else {
                  setChosen(action);
                  setTried(false);
                }
              }}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      {app.actions
        .filter((a) => a.blocked)
        .map((a) => (
          <Text key={a.action} fz="sm" c="orange.9">
            {t.code(`WF_ACTION_${a.action}`, {}, a.action)} —{" "}
            {t("DECISION_BLOCKED", { message: a.blocked?.message ?? "" })}
          </Text>
        ))}
      {chosen && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {chosen.reason === "coded" && (
              <NativeSelect
                label={t("DECISION_REASON_CODE")}
                required
                value={reasonCode}
                onChange={(event) => setReasonCode(event.currentTarget.value)}
                error={tried && !reasonCode ? t("DECISION_REASON_CODE_MISSING") : undefined}
                data={[
                  { value: "", label: "—" },
                  ...chosen.reasonCodes.map((code) => ({ value: code, label: reasonCodeLabel(t, code) })),
                ]}
              />
            )}
            <Textarea
              label={t("DECISION_REASON")}
              description={t("DECISION_REASON_HINT")}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={tried && reason.trim().length < 3 ? t("DECISION_REASON_SHORT") : undefined}
            />
            <Group gap="xs">
              <Button
                type="submit"
                color={ENDING.has(chosen.action) ? "red" : undefined}
                loading={transition.isPending}
              >
                {t("DECISION_CONFIRM", { action: t.code(`WF_ACTION_${chosen.action}`, {}, chosen.action) })}
              </Button>
              <Button variant="default" onClick={() => setChosen(null)}>
                {t("DECISION_CANCEL")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
