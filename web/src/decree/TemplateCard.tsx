import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useT } from "../i18n/language.tsx";
import { usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { useDecreeTemplate, useSaveDecreeTemplate } from "./api.ts";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A program's Menimbang, Mengingat and decisions: one item per line, copied into every draft of the program. */
export function TemplateCard() {
  const t = useT();
  const programs = usePrograms();
  const [programId, setProgramId] = useState("");
  const template = useDecreeTemplate(programId);
  const save = useSaveDecreeTemplate(programId);
  const [form, setForm] = useState({ subject: "", considering: "", legalBasis: "", decisions: "" });
  useEffect(() => {
    if (template.data)
      setForm({
        subject: template.data.subject,
        considering: template.data.considering.join("\n"),
        legalBasis: template.data.legalBasis.join("\n"),
        decisions: template.data.decisions.join("\n"),
      });
  }, [template.data]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync({
        subject: form.subject.trim(),
        considering: lines(form.considering),
        legalBasis: lines(form.legalBasis),
        decisions: lines(form.decisions),
      });
      notifications.show({ color: "teal", message: t("DECREE_SETTINGS_SAVED") });
    } catch {
      // Shown below.
    }
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="template-title">
      <Stack gap="sm">
        <strong id="template-title">{t("DECREE_TEMPLATE")}</strong>
        <NativeSelect
          label={t("DECREE_PROGRAM")}
          value={programId}
          onChange={(e) => setProgramId(e.currentTarget.value)}
          data={[
            { value: "", label: t("DECREE_CHOOSE") },
            ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        {programId && template.data && (
          <>
            <TextInput
              label={t("DECREE_TEMPLATE_SUBJECT")}
              value={form.subject}
              onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })}
            />
            <Textarea
              autosize
              minRows={3}
              label={t("DECREE_TEMPLATE_CONSIDERING")}
              value={form.considering}
              onChange={(e) => setForm({ ...form, considering: e.currentTarget.value })}
            />
            <Textarea
              autosize
              minRows={3}
              label={t("DECREE_TEMPLATE_LEGAL_BASIS")}
              value={form.legalBasis}
              onChange={(e) => setForm({ ...form, legalBasis: e.currentTarget.value })}
            />
            <Textarea
              autosize
              minRows={3}
              label={t("DECREE_TEMPLATE_DECISIONS")}
              description={t("DECREE_TEMPLATE_HINT")}
              value={form.decisions}
              onChange={(e) => setForm({ ...form, decisions: e.currentTarget.value })}
            />
            {save.error && (
              <Text c="red.8" role="alert">
                {errorText(t, save.error)}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("DECREE_SETTINGS_SAVE")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
