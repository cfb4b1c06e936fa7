import { Alert, Button, Card, Group, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { CONFIRMATION_ANSWERS, type ConfirmationAnswer } from "../../../src/receipts/codes.ts";
import { formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { useRecordConfirmation } from "./api.ts";

export interface AnsweredLine {
  lineId: string;
  reference: string;
  amount: number;
}

/** Digits only, as the portal reads them: "550.000", "Rp 550.000" and "550000" are all 550000. */
function amountOf(text: string): number | null {
  const digits = text.replace(/\D/g, "");
  return digits.length > 0 && digits.length <= 12 ? Number(digits) : null;
}

/**
 * One recipient's answer, taken down by an official: from a call or visit of the verification sample, or at a
 * distribution point with the recipient present (weaker evidence, so it also records the point and who handed
 * the money out). Who asked for a cut, and why, may be told but is never required.
 */
export function ConfirmationForm({
  line,
  channel,
  onClose,
}: {
  line: AnsweredLine;
  channel: { kind: "verification"; sampleId: string } | { kind: "officer" };
  onClose?: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const record = useRecordConfirmation();
  const [answer, setAnswer] = useState<ConfirmationAnswer | "">("");
  const [amount, setAmount] = useState("");
  const [askedBy, setAskedBy] = useState("");
  const [askedWhy, setAskedWhy] = useState("");
  const [point, setPoint] = useState("");
  const [distributor, setDistributor] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer) return;
    const less = answer === "received_less";
    record.mutate({
      lineId: line.lineId,
      channel: channel.kind,
      answer,
      receivedAmount: less ? amountOf(amount) : null,
      askedBy: less ? askedBy : null,
      askedWhy: less ? askedWhy : null,
      ...(channel.kind === "verification"
        ? { sampleId: channel.sampleId }
        : { distributionPoint: point, distributor }),
    });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby={titleId} data-testid="receipt-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id={titleId}>
          {t("RCPT_FORM_TITLE", { reference: line.reference })}
        </Title>
        {channel.kind === "officer" ? (
          <Alert color="yellow" role="note">
            {t("RCPT_FORM_CHANNEL_officer")}
          </Alert>
        ) : (
          <Text fz="sm" c="dimmed">
            {t("RCPT_FORM_CHANNEL_verification")}
          </Text>
        )}
        <Text fw={600}>{t("RCPT_FORM_PAID", { amount: formatRupiah(line.amount) })}</Text>
        {record.data ? (
          <Alert color="green" role="status" data-testid="receipt-saved">
            <Stack gap={4}>
              <Text fz="sm">{t("RCPT_FORM_SAVED")}</Text>
              {record.data.complaintCode && (
                <Text fz="sm">{t("RCPT_FORM_COMPLAINT", { code: record.data.complaintCode })}</Text>
              )}
            </Stack>
          </Alert>
        ) : (
          <>
            <Radio.Group
              label={t("RCPT_FORM_ANSWER")}
              required
              value={answer}
              onChange={(value) => setAnswer(value as ConfirmationAnswer)}
            >
              <Stack gap={6} mt={4}>
                {CONFIRMATION_ANSWERS.map((a) => (
                  <Radio key={a} value={a} label={t(`RCPT_ANSWER_${a}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {answer === "received_less" && (
              <>
                <TextInput
                  label={t("RCPT_FORM_AMOUNT")}
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  value={amount}
                  onChange={(e) => setAmount(e.currentTarget.value)}
                />
                <TextInput
                  label={t("RCPT_FORM_ASKED_BY")}
                  maxLength={200}
                  autoComplete="off"
                  value={askedBy}
                  onChange={(e) => setAskedBy(e.currentTarget.value)}
                />
                <TextInput
                  label={t("RCPT_FORM_ASKED_WHY")}
                  maxLength={1000}
                  autoComplete="off"
                  value={askedWhy}
                  onChange={(e) => setAskedWhy(e.currentTarget.value)}
                />
              </>
            )}
            {channel.kind === "officer" && (
              <Group grow align="flex-end">
                <TextInput
                  label={t("RCPT_FORM_POINT")}
                  required
                  maxLength={120}
                  value={point}
                  onChange={(e) => setPoint(e.currentTarget.value)}
                />
                <TextInput
                  label={t("RCPT_FORM_DISTRIBUTOR")}
                  required
                  maxLength={120}
                  value={distributor}
                  onChange={(e) => setDistributor(e.currentTarget.value)}
                />
              </Group>
            )}
            {record.error && (
              <Alert color="red" role="alert">
                {errorText(t, record.error)}
              </Alert>
            )}
          </>
        )}
        <Group>
          {!record.data && (
            <Button type="submit" loading={record.isPending} disabled={!answer}>
              {t("RCPT_FORM_SAVE")}
            </Button>
          )}
          {onClose && (
            <Button variant="default" onClick={onClose}>
              {t("RCPT_FORM_CANCEL")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
