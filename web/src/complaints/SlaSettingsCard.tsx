import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { formatDateTime } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldErrorsOf } from "../ui/errors.ts";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { type SlaSettings, useSaveSlaSettings, useSlaSettings } from "./api.ts";

type Field =
  | "acknowledgeDays"
  | "triageDays"
  | "resolvePaymentDays"
  | "resolveOtherDays"
  | "escalateAtPercent";
const FIELDS: { key: Field; label: string; min: number; max: number }[] = [
  { key: "acknowledgeDays", label: "COMPLAINTS_SLA_ACKNOWLEDGE", min: 1, max: 30 },
  { key: "triageDays", label: "COMPLAINTS_SLA_TRIAGE", min: 1, max: 30 },
  { key: "resolvePaymentDays", label: "COMPLAINTS_SLA_RESOLVE_PAYMENT", min: 1, max: 90 },
  { key: "resolveOtherDays", label: "COMPLAINTS_SLA_RESOLVE_OTHER", min: 1, max: 90 },
  { key: "escalateAtPercent", label: "COMPLAINTS_SLA_ESCALATE", min: 10, max: 95 },
];

/** The regency's complaint clock, changed by the agency admin with a reason (audited). */
export function SlaSettingsCard() {
  const t = useT();
  const current = useSlaSettings();
  const save = useSaveSlaSettings();
  const [draft, setDraft] = useState<Record<Field, number | string> | null>(null);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (current.data && !draft) setDraft(pick(current.data));
  }, [current.data, draft]);
  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const errors = fieldErrorsOf(save.error);
  const fieldError = (key: string) => errors.find((e) => e.field === key)?.message;
  return (
    <Card withBorder component="section" aria-labelledby="sla-settings-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!draft) return;
          save.mutate(
            {
              acknowledgeDays: Number(draft.acknowledgeDays),
              triageDays: Number(draft.triageDays),
              resolvePaymentDays: Number(draft.resolvePaymentDays),
              resolveOtherDays: Number(draft.resolveOtherDays),
              escalateAtPercent: Number(draft.escalateAtPercent),
              version: current.data.version,
              reason: reason.trim(),
            },
            {
              onSuccess: (saved) => {
                setDraft(pick(saved));
                setReason("");
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="sla-settings-title">
            {t("COMPLAINTS_SLA_SETTINGS")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("COMPLAINTS_SLA_SETTINGS_HINT")}
            {current.data.updatedAt
              ? ` ${t("COMPLAINTS_SLA_SAVED_AT", { at: formatDateTime(current.data.updatedAt, t.language) })}`
              : ` ${t("COMPLAINTS_SLA_DEFAULTS")}`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map((f) => (
              <NumberInput
                key={f.key}
                label={t(f.label as "COMPLAINTS_SLA_ACKNOWLEDGE")}
                min={f.min}
                max={f.max}
                allowDecimal={false}
                value={draft?.[f.key] ?? ""}
                error={fieldError(f.key)}
                onChange={(value) => setDraft((d) => (d ? { ...d, [f.key]: value } : d))}
                required
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t("COMPLAINTS_SLA_REASON")}
            value={reason}
            error={fieldError("reason")}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
          />
          {save.isError && errors.length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          {save.isSuccess && (
            <Text size="sm" c="teal" role="status">
              {t("COMPLAINTS_SLA_SAVED")}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("COMPLAINTS_SLA_SAVE")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function pick(s: SlaSettings): Record<Field, number> {
  return {
    acknowledgeDays: s.acknowledgeDays,
    triageDays: s.triageDays,
    resolvePaymentDays: s.resolvePaymentDays,
    resolveOtherDays: s.resolveOtherDays,
    escalateAtPercent: s.escalateAtPercent,
  };
}
