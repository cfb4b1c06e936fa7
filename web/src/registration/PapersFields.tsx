import { FileInput, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import { PRESENTER_RELATIONS } from "../../../src/registration/schemas.ts";
import { BUSINESS_SECTORS } from "../../../src/registry/attributes.ts";
import { useT } from "../i18n/language.tsx";
import { downscalePhoto } from "./photo.ts";
import type { FieldForm, PresenterDraft, UpdateForm } from "./submission.ts";

/** The micro business a UMKM program pays: its name and sector. */
export function BusinessFields({ form, update }: { form: FieldForm; update: UpdateForm }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <TextInput
        label={t("REG_BUSINESS_NAME")}
        value={form.businessName}
        onChange={(e) => update({ businessName: e.currentTarget.value })}
        required
      />
      <NativeSelect
        label={t("REG_BUSINESS_SECTOR")}
        value={form.businessSector ?? ""}
        onChange={(e) => update({ businessSector: e.currentTarget.value || null })}
        data={[
          { value: "", label: "—" },
          ...BUSINESS_SECTORS.map((s) => ({ value: s, label: t.code(`SECTOR_${s}`, {}, s) })),
        ]}
        required
      />
    </SimpleGrid>
  );
}

/** One photo per paper the program's policy requires, shrunk on the phone before it waits in the queue. */
export function DocumentChecklist({
  form,
  update,
  requiredDocuments,
}: {
  form: FieldForm;
  update: UpdateForm;
  requiredDocuments: readonly DocumentKind[];
}) {
  const t = useT();
  async function takePhoto(kind: DocumentKind, file: File | null) {
    if (!file) {
      update((f) => {
        const { [kind]: _, ...rest } = f.photos;
        return { photos: rest };
      });
      return;
    }
    const blob = await downscalePhoto(file);
    update((f) => ({ photos: { ...f.photos, [kind]: blob } }));
  }
  if (requiredDocuments.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="document-checklist">
      <Text fw={600} fz="sm">
        {t("REG_DOCUMENTS")}
      </Text>
      {requiredDocuments.map((kind) => {
        const photo = form.photos[kind];
        return (
          <Stack gap={2} key={kind}>
            <FileInput
              label={t("REG_TAKE_PHOTO", { kind: t.code(`REG_DOC_${kind}`, {}, kind) })}
              accept="image/*"
              capture="environment"
              clearable
              onChange={(file) => void takePhoto(kind, file)}
              data-testid={`photo-${kind}`}
            />
            <Text fz="xs" c={photo ? "teal.9" : "dimmed"} data-testid={`photo-${kind}-state`}>
              {photo ? t("REG_PHOTO_READY", { size: Math.ceil(photo.size / 1024) }) : t("REG_PHOTO_MISSING")}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Whether the applicant came in person, and if not, who brought the papers (a proxy is recorded by name). */
export function AppearanceFields({ form, update }: { form: FieldForm; update: UpdateForm }) {
  const t = useT();
  const { presenter } = form;
  const setPresenter = (field: keyof PresenterDraft) => (value: string) =>
    update((f) => ({ presenter: { ...f.presenter, [field]: value } }));
  return (
    <>
      <Radio.Group
        label={t("REG_IN_PERSON")}
        value={form.inPerson}
        onChange={(value) => update({ inPerson: value as "yes" | "no" })}
        required
      >
        <Group mt={4}>
          <Radio value="yes" label={t("REG_YES")} />
          <Radio value="no" label={t("REG_NO")} />
        </Group>
      </Radio.Group>
      {form.inPerson === "no" && (
        <Stack gap="xs">
          <Text fw={600} fz="sm">
            {t("REG_PRESENTER")}
          </Text>
          <TextInput
            label={t("REG_PRESENTER_NAME")}
            value={presenter.name}
            onChange={(e) => setPresenter("name")(e.currentTarget.value)}
            required
          />
          <NativeSelect
            label={t("REG_PRESENTER_RELATION")}
            value={presenter.relation}
            onChange={(e) => setPresenter("relation")(e.currentTarget.value)}
            data={[
              { value: "", label: "—" },
              ...PRESENTER_RELATIONS.map((r) => ({ value: r, label: t.code(`REG_RELATION_${r}`, {}, r) })),
            ]}
            required
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t("REG_PRESENTER_NIK")}
              value={presenter.nik}
              inputMode="numeric"
              onChange={(e) => setPresenter("nik")(e.currentTarget.value)}
            />
            <TextInput
              label={t("REG_PRESENTER_PHONE")}
              value={presenter.phone}
              inputMode="tel"
              onChange={(e) => setPresenter("phone")(e.currentTarget.value)}
            />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
