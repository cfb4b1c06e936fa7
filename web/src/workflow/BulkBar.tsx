import { Alert, Button, Card, Group, List, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Transition } from "../../../src/workflow/engine.ts";
import { reasonCodeLabel } from "../audit/labels.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type QueueItem, useBulkTransition } from "./api.ts";

/**
 * One decision for a desa's batch: each selected application is decided on its own on the server, and the
 * answer says which were done and why any was refused.
 */
export function BulkBar({
  selected,
  actions,
  onDone,
}: {
  selected: QueueItem[];
  actions: Transition[];
  onDone: () => void;
}) {
  const t = useT();
  const bulk = useBulkTransition();
  const [chosen, setChosen] = useState<Transition | null>(null);
  const [reasonCode, setReasonCode] = useState("");
  const [reason, setReason] = useState("");
  const names = new Map(selected.map((i) => [i.id, i.personName]));

  const run = async (action: Transition) => {
    if (
      action.reason.kind !== "none" &&
      (reason.trim().length < 3 || (action.reason.kind === "coded" && !reasonCode))
    )
      return;
    await bulk
      .mutateAsync({
        action: action.action,
        items: selected.map((i) => ({ id: i.id, version: i.version })),
        reasonCode: reasonCode || null,
        reason: reason.trim() || null,
      })
      .then(() => {
        setChosen(null);
        setReason("");
        setReasonCode("");
        onDone();
      })
      .catch(() => {});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) void run(chosen);
  };
  const result = bulk.data;
  return (
    <Stack gap="xs">
      {result && (
        <Alert color={result.refused > 0 ? "yellow" : "teal"} role="status" data-testid="bulk-result">
          <Text fz="sm">{t("BULK_DONE", { applied: result.applied, refused: result.refused })}</Text>
          {result.refused > 0 && (
            <List fz="sm">
              {result.results
                .filter((r) => !r.ok)
                .map((r) => (
                  <List.Item key={r.id}>
                    {names.get(r.id) ?? r.id}: {r.message}
                  </List.Item>
                ))}
            </List>
          )}
        </Alert>
      )}
      {bulk.error != null && (
        <Alert color="red" role="alert">
          {errorText(t, bulk.error)}
        </Alert>
      )}
      {selected.length > 0 && (
        <Card withBorder padding="sm" bg="gray.0">
          <Group gap="xs">
            <Text fz="sm" fw={600}>
              {t("BULK_SELECTED", { count: formatNumber(selected.length, t.language) })}
            </Text>
            {actions.map((action) => (
              <Button
                key={action.action}
                size="xs"
                color={action.action === "reject" ? "red" : undefined}
                variant={chosen?.action === action.action ? "filled" : "light"}
                loading={bulk.isPending && bulk.variables?.action === action.action}
                onClick={() => (action.reason.kind === "none" ? void run(action) : setChosen(action))}
              >
                {t("BULK_APPLY", {
                  action: t.code(`WF_ACTION_${action.action}`, {}, action.action),
                  count: selected.length,
                })}
              </Button>
            ))}
          </Group>
          {chosen && (
            <form onSubmit={submit} noValidate>
              <Stack gap="xs" mt="xs">
                {chosen.reason.kind === "coded" && (
                  <NativeSelect
                    label={t("DECISION_REASON_CODE")}
                    required
                    value={reasonCode}
                    onChange={(event) => setReasonCode(event.currentTarget.value)}
                    data={[
                      { value: "", label: "—" },
                      ...chosen.reason.codes.map((code) => ({
                        value: code,
                        label: reasonCodeLabel(t, code),
                      })),
                    ]}
                  />
                )}
                <Textarea
                  label={t("DECISION_REASON")}
                  required
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                />
                <Group gap="xs">
                  <Button type="submit" size="xs" loading={bulk.isPending}>
                    {t("BULK_APPLY", {
                      action: t.code(`WF_ACTION_${chosen.action}`, {}, chosen.action),
                      count: selected.length,
                    })}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setChosen(null)}>
                    {t("DECISION_CANCEL")}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Card>
      )}
    </Stack>
  );
}
