import { Alert, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useLineByReference } from "./api.ts";
import { ConfirmationForm } from "./ConfirmationForm.tsx";

/**
 * /penerimaan/titik-penyaluran: an officer at a distribution point finds the payment by its reference and writes
 * down what the recipient, standing there, says reached their hand. Weaker evidence, and marked so.
 */
export default function DistributionPointPage() {
  const t = useT();
  const regions = useRegionIndex();
  const [typed, setTyped] = useState("");
  const [reference, setReference] = useState("");
  const line = useLineByReference(reference);
  const find = (event: FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    if (next === reference) void line.refetch();
    else setReference(next);
  };
  const others = line.data?.answeredBy.filter((c) => c !== "officer") ?? [];
  return (
    <>
      <PageHeader
        title={t("RCPT_POINT_TITLE")}
        crumbs={[{ label: t("NAV_RECEIPTS"), to: "/penerimaan" }, { label: t("RCPT_POINT_TITLE") }]}
      />
      <Stack>
        <Card withBorder component="form" onSubmit={find}>
          <Group align="flex-end">
            <TextInput
              label={t("RCPT_REFERENCE")}
              required
              autoComplete="off"
              maxLength={40}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={line.isFetching}>
              {t("RCPT_POINT_FIND")}
            </Button>
          </Group>
        </Card>
        {reference !== "" &&
          (line.isPending ? (
            <LoadingState />
          ) : line.error ? (
            <ErrorState error={line.error} />
          ) : (
            <>
              <Text data-testid="point-line">
                {t("RCPT_POINT_LINE", {
                  village: regions?.name(line.data.villageCode) || line.data.villageCode,
                  amount: formatRupiah(line.data.amount),
                  status: t.code(`PAY_LINE_${line.data.status}`, {}, line.data.status),
                })}
              </Text>
              {others.length > 0 && (
                <Text fz="sm" c="dimmed">
                  {t("RCPT_POINT_OTHER_CHANNELS", {
                    channels: others.map((c) => t(`RCPT_CHANNEL_${c}`)).join(", "),
                  })}
                </Text>
              )}
              {line.data.answeredBy.includes("officer") ? (
                <Alert color="blue">{t("RCPT_POINT_ANSWERED")}</Alert>
              ) : (
                <ConfirmationForm key={line.data.lineId} line={line.data} channel={{ kind: "officer" }} />
              )}
            </>
          ))}
      </Stack>
    </>
  );
}
