import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { z } from "zod";
import type { registrationCheckResultSchema } from "../../../src/registration/schemas.ts";
import { EMPLOYMENT_STATUSES } from "../../../src/registry/attributes.ts";
import { api } from "../api/client.ts";
import { useT } from "../i18n/language.tsx";
import type { Page, PersonView } from "../registry/api.ts";
import { KkField, NikField } from "../registry/IdNumberFields.tsx";
import { DateField } from "../ui/DateField.tsx";
import { emptyProfile } from "./criteria.ts";
import type { FieldForm, PersonDraft, UpdateForm } from "./submission.ts";

type CheckResult = z.output<typeof registrationCheckResultSchema>;
type Duplicate = CheckResult["duplicates"][number];

/** Possible duplicates while typing, when there is a signal; offline the NIK is still checked on the device. */
function useDuplicates(person: PersonDraft, periodId: string | null, online: boolean): Duplicate[] {
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  useEffect(() => {
    const nik = person.nik.replace(/\D/g, "");
    const byName = person.name.trim().length >= 3 && person.birthDate;
    if (!online || (nik.length !== 16 && !byName)) {
      setDuplicates([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<CheckResult>("/registrations/check", {
        method: "POST",
        signal: controller.signal,
        body: {
          ...(nik.length === 16 ? { nik } : {}),
          ...(person.kk ? { kk: person.kk } : {}),
          ...(person.name.trim() ? { name: person.name.trim() } : {}),
          ...(person.sex ? { sex: person.sex } : {}),
          ...(person.birthDate ? { birthDate: person.birthDate } : {}),
          ...(periodId ? { periodId } : {}),
        },
      })
        .then((result) => setDuplicates(result.duplicates))
        .catch(() => setDuplicates([]));
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [online, person.nik, person.kk, person.name, person.sex, person.birthDate, periodId]);
  return duplicates;
}

/** The picked person's contact fields, prefilled from the register, and no ranking answers yet. */
function pickedPatch(person: PersonView): Partial<FieldForm> {
  return {
    mode: "existing",
    picked: person,
    profile: emptyProfile(),
    changes: { phone: "", address: person.address ?? "", rt: person.rt ?? "" },
  };
}

/** A new applicant: identity from the KTP and KK, place, work; a NIK already registered offers that person. */
export function NewPersonFields({
  form,
  update,
  periodId,
  online,
  askVillage,
}: {
  form: FieldForm;
  update: UpdateForm;
  periodId: string | null;
  online: boolean;
  /** Officials above a desa type the desa code; a desa officer registers in their own. */
  askVillage: boolean;
}) {
  const t = useT();
  const { person } = form;
  const duplicates = useDuplicates(person, periodId, online);
  const setField = (field: keyof PersonDraft) => (value: string) =>
    update((f) => ({ person: { ...f.person, [field]: value } }));

  /** The same NIK is already registered: apply for this period as that person instead of creating a twin. */
  async function pickExisting(personId: string) {
    update(pickedPatch(await api<PersonView>(`/persons/${personId}`)));
  }

  return (
    <>
      <NikField
        value={person.nik}
        onChange={setField("nik")}
        record={{
          ...(person.sex ? { sex: person.sex } : {}),
          ...(person.birthDate ? { birthDate: person.birthDate } : {}),
          ...(person.kk ? { kk: person.kk } : {}),
        }}
        onUseDecoded={(decoded) =>
          update((f) => ({ person: { ...f.person, sex: decoded.sex, birthDate: decoded.birthDate } }))
        }
      />
      <KkField value={person.kk} onChange={setField("kk")} nik={person.nik} />
      <TextInput
        label={t("FIELD_name")}
        value={person.name}
        onChange={(e) => setField("name")(e.currentTarget.value)}
        required
      />
      <SimpleGrid cols={2}>
        <NativeSelect
          label={t("FIELD_sex")}
          value={person.sex}
          onChange={(e) => setField("sex")(e.currentTarget.value)}
          data={[
            { value: "", label: "—" },
            { value: "L", label: t("SEX_L") },
            { value: "P", label: t("SEX_P") },
          ]}
          required
        />
        <DateField label={t("FIELD_birthDate")} value={person.birthDate} onChange={setField("birthDate")} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label={t("FIELD_rt")}
          value={person.rt}
          inputMode="numeric"
          onChange={(e) => setField("rt")(e.currentTarget.value)}
        />
        <TextInput
          label={t("FIELD_phone")}
          value={person.phone}
          inputMode="tel"
          onChange={(e) => setField("phone")(e.currentTarget.value)}
        />
      </SimpleGrid>
      <TextInput
        label={t("FIELD_address")}
        value={person.address}
        onChange={(e) => setField("address")(e.currentTarget.value)}
      />
      <NativeSelect
        label={t("FIELD_employment")}
        value={person.employment}
        onChange={(e) => setField("employment")(e.currentTarget.value)}
        data={[
          { value: "", label: "—" },
          ...EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t.code(`EMPLOYMENT_${s}`, {}, s) })),
        ]}
      />
      {askVillage && (
        <TextInput
          label={t.code("FIELD_villageCode", {}, "Kode desa")}
          value={person.villageCode}
          onChange={(e) => setField("villageCode")(e.currentTarget.value)}
        />
      )}
      {duplicates.length > 0 && (
        <Alert color="orange" data-testid="duplicate-warning">
          {t("REG_DUPLICATES", {
            names: duplicates
              .map((d) =>
                [d.name ?? "—", d.village?.name, d.rt ? `RT ${d.rt}` : null].filter(Boolean).join(", "),
              )
              .join("; "),
          })}
          {duplicates
            .filter((d) => d.match === "nik" && d.personId)
            .map((d) => (
              <Button
                key={d.personId}
                size="compact-sm"
                mt="xs"
                variant="light"
                data-testid="use-existing-person"
                onClick={() => void pickExisting(d.personId ?? "")}
              >
                {t("REG_USE_THIS_PERSON", { name: d.name ?? "—" })}
              </Button>
            ))}
        </Alert>
      )}
    </>
  );
}

/** A person already in the register, found online before leaving; contact changes need a reason. */
export function ExistingPersonFields({
  form,
  update,
  online,
}: {
  form: FieldForm;
  update: UpdateForm;
  online: boolean;
}) {
  const t = useT();
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<PersonView[]>([]);
  const { picked, changes } = form;

  async function findPersons() {
    if (!search.trim()) return;
    const page = await api<Page<PersonView>>("/persons", { query: { q: search.trim(), pageSize: 10 } });
    setFound(page.items);
  }

  const setChange = (field: keyof FieldForm["changes"]) => (value: string) =>
    update((f) => ({ changes: { ...f.changes, [field]: value } }));

  return (
    <Stack gap="xs">
      <Group align="end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t("REG_SEARCH")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void findPersons();
            }
          }}
          data-testid="person-search"
        />
        <Button variant="default" onClick={() => void findPersons()} disabled={!online}>
          {t("REG_SEARCH_BUTTON")}
        </Button>
      </Group>
      {!online && !picked && (
        <Text fz="sm" c="dimmed">
          {t("REG_SEARCH_OFFLINE")}
        </Text>
      )}
      {!picked &&
        found.map((candidate) => (
          <Group key={candidate.id} justify="space-between" wrap="nowrap">
            <Text fz="sm">
              {candidate.name} · {candidate.village.name} RT {candidate.rt ?? "—"}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => update(pickedPatch(candidate))}>
              {t("REG_PICK")}
            </Button>
          </Group>
        ))}
      {picked && (
        <>
          <Text fz="sm" fw={600} data-testid="picked-person">
            {t("REG_PICKED", { name: picked.name, version: picked.version })}
          </Text>
          <TextInput
            label={t("FIELD_address")}
            value={changes.address}
            onChange={(e) => setChange("address")(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t("FIELD_rt")}
              value={changes.rt}
              onChange={(e) => setChange("rt")(e.currentTarget.value)}
            />
            <TextInput
              label={t("FIELD_phone")}
              value={changes.phone}
              inputMode="tel"
              onChange={(e) => setChange("phone")(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label={t("REG_CHANGE_REASON")}
            value={form.reason}
            onChange={(e) => update({ reason: e.currentTarget.value })}
          />
        </>
      )}
    </Stack>
  );
}
