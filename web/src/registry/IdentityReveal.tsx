import { Alert, Button, DataList, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { useRevealIdentity } from "./api.ts";

/** Shows the full numbers to an entitled officer after saying why; the server records the reading (UU 27/2022). */
export function IdentityReveal({ personId }: { personId: string }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState("");
  const reveal = useRevealIdentity(personId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reveal.mutate(reason.trim());
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={open}>
        {t("IDENTITY_SHOW")}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          close();
          reveal.reset();
        }}
        title={t("IDENTITY_TITLE")}
        centered
      >
        {reveal.data ? (
          <Stack>
            <DataList size="sm" labelWidth={120}>
              {(["nik", "kk", "phone"] as const).map((field) => (
                <DataList.Item key={field}>
                  <DataList.ItemLabel>{t(`FIELD_${field}`)}</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <span style={{ fontFamily: "monospace" }}>{reveal.data[field] ?? "–"}</span>
                  </DataList.ItemValue>
                </DataList.Item>
              ))}
            </DataList>
            <Text fz="xs" c="dimmed">
              {t("IDENTITY_LOGGED")}
            </Text>
          </Stack>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Text fz="sm">{t("IDENTITY_INTRO")}</Text>
              {reveal.error != null && (
                <Alert color="red" role="alert">
                  {errorText(t, reveal.error)}
                </Alert>
              )}
              <TextInput
                label={t("IDENTITY_REASON")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={200}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button type="submit" loading={reveal.isPending}>
                  {t("IDENTITY_SHOW")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
