import {
  Button,
  FileButton,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { PAPER_SIZES } from "../../../src/decree/codes.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type DecreeSettings, useDecreeSettings, useSaveDecreeSettings, useUploadLogo } from "./api.ts";

/** The regency's decree settings (admin): numbering pattern, paper, place, signer and the kop surat logo. */
export function DecreeSettingsCard() {
  const t = useT();
  const settings = useDecreeSettings();
  const save = useSaveDecreeSettings();
  const logo = useUploadLogo();
  const [values, setValues] = useState<Omit<DecreeSettings, "hasLogo" | "version"> | null>(null);
  useEffect(() => {
    if (settings.data && !values) {
      const { hasLogo: _h, version: _v, ...rest } = settings.data;
      setValues(rest);
    }
  }, [settings.data, values]);
  if (!values) return null;
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync(values);
      notifications.show({ color: "teal", message: t("DECREE_SETTINGS_SAVED") });
    } catch {
      // Shown below.
    }
  };
  const error = save.error ?? logo.error;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="settings-title">
      <Stack gap="sm">
        <strong id="settings-title">{t("DECREE_SETTINGS")}</strong>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("DECREE_SETTINGS_PATTERN")}
            value={values.numberPattern}
            onChange={(e) => set({ numberPattern: e.currentTarget.value })}
            required
          />
          <NativeSelect
            label={t("DECREE_SETTINGS_PAPER")}
            value={values.paper}
            onChange={(e) => set({ paper: e.currentTarget.value as DecreeSettings["paper"] })}
            data={[...PAPER_SIZES]}
          />
          <TextInput
            label={t("DECREE_SETTINGS_PLACE")}
            value={values.place}
            onChange={(e) => set({ place: e.currentTarget.value })}
            required
          />
          <TextInput
            label={t("DECREE_SETTINGS_SIGNER_TITLE")}
            value={values.signerTitle}
            onChange={(e) => set({ signerTitle: e.currentTarget.value })}
            required
          />
          <TextInput
            label={t("DECREE_SETTINGS_SIGNER_NAME")}
            value={values.signerName}
            onChange={(e) => set({ signerName: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {settings.data?.hasLogo ? t("DECREE_SETTINGS_LOGO_SET") : t("DECREE_SETTINGS_LOGO_DEFAULT")}
        </Text>
        {error && (
          <Text c="red.8" role="alert">
            {errorText(t, error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("DECREE_SETTINGS_SAVE")}
          </Button>
          <FileButton accept="image/png,image/jpeg" onChange={(file) => file && logo.mutate(file)}>
            {(props) => (
              <Button variant="default" loading={logo.isPending} {...props}>
                {t("DECREE_SETTINGS_LOGO")}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
