import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { householdInputSchema } from "../../../src/registry/schemas.ts";
import { ApiError, api, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { type PersonWriteResult, usePerson, useRegisterHousehold } from "./api.ts";
import { KkField } from "./IdNumberFields.tsx";

/**
 * Registers a family card (KK). Opened from a person without one (?forPerson=), the person is then linked as
 * its head, with the link recorded as an edit with its reason.
 */
export default function HouseholdFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const forPerson = usePerson(params.get("forPerson") ?? undefined);
  const regions = useRegionIndex();
  const [kk, setKk] = useState("");
  const [districtCode, setDistrictCode] = useState("");
  const [villageCode, setVillageCode] = useState("");
  const [rt, setRt] = useState("");
  const [rw, setRw] = useState("");
  const [address, setAddress] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [linkError, setLinkError] = useState<unknown>(null);
  const mutation = useRegisterHousehold();

  useEffect(() => {
    const p = forPerson.data;
    if (!p) return;
    setDistrictCode(p.district.code);
    setVillageCode(p.village.code);
    setRt(p.rt ?? "");
    setRw(p.rw ?? "");
    setAddress(p.address ?? "");
  }, [forPerson.data]);

  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kk: kk.trim(),
      villageCode,
      rt: rt.trim() || undefined,
      rw: rw.trim() || undefined,
      address: address.trim() || undefined,
    };
    const parsed = householdInputSchema.safeParse(body);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, body));
      return;
    }
    setClientErrors([]);
    try {
      const household = await mutation.mutateAsync(parsed.data);
      const person = forPerson.data;
      if (person) {
        try {
          await api<PersonWriteResult>(`/persons/${person.id}`, {
            method: "PATCH",
            body: {
              householdId: household.id,
              householdRole: "head",
              version: person.version,
              reason: t("HOUSEHOLD_LINK_REASON"),
            },
          });
        } catch (error) {
          setLinkError(error);
        }
      }
      navigate(`/kk/${household.id}`);
    } catch {
      // Rendered from mutation.error.
    }
  };

  const villages = districtCode && regions ? regions.villagesOf(districtCode) : [];
  return (
    <>
      <PageHeader
        title={t("HOUSEHOLD_NEW_TITLE")}
        crumbs={[{ label: t("PERSONS_TITLE"), to: "/penduduk" }, { label: t("HOUSEHOLD_NEW_TITLE") }]}
      />
      <form onSubmit={submit} noValidate>
        <Card withBorder>
          <Stack>
            {((mutation.error != null && serverErrors.length === 0) || linkError != null) && (
              <Alert color="red" role="alert">
                {errorText(t, mutation.error ?? linkError)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <KkField value={kk} onChange={setKk} serverError={messages.kk} />
              <TextInput
                label={t("FIELD_address")}
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
                error={messages.address}
              />
              <NativeSelect
                label={t("DISTRICT")}
                value={districtCode}
                onChange={(e) => {
                  setDistrictCode(e.currentTarget.value);
                  setVillageCode("");
                }}
                required
                data={[
                  { value: "", label: t("CHOOSE") },
                  ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
                ]}
              />
              <NativeSelect
                label={t("FIELD_villageCode")}
                value={villageCode}
                onChange={(e) => setVillageCode(e.currentTarget.value)}
                error={messages.villageCode}
                disabled={!districtCode}
                required
                data={[
                  { value: "", label: districtCode ? t("CHOOSE") : t("CHOOSE_DISTRICT_FIRST") },
                  ...villages.map((v) => ({ value: v.code, label: v.name })),
                ]}
              />
              <Group grow align="flex-start">
                <TextInput
                  label={t("FIELD_rt")}
                  value={rt}
                  onChange={(e) => setRt(e.currentTarget.value)}
                  error={messages.rt}
                  inputMode="numeric"
                  maxLength={3}
                />
                <TextInput
                  label={t("FIELD_rw")}
                  value={rw}
                  onChange={(e) => setRw(e.currentTarget.value)}
                  error={messages.rw}
                  inputMode="numeric"
                  maxLength={3}
                />
              </Group>
            </SimpleGrid>
            <Group justify="flex-end">
              <Button
                variant="default"
                component={Link}
                to={forPerson.data ? `/penduduk/${forPerson.data.id}` : "/penduduk"}
              >
                {t("CANCEL")}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t("SAVE")}
              </Button>
            </Group>
          </Stack>
        </Card>
      </form>
    </>
  );
}
