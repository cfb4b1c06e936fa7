import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  HOUSEHOLD_ROLES,
  MARITAL_STATUSES,
} from "../../../src/registry/attributes.ts";
import { personInputSchema, personUpdateSchema } from "../../../src/registry/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { areaFilters } from "../access/roles.ts";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { useT } from "../i18n/language.tsx";
import { CandidatesPanel } from "../matching/CandidatesPanel.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { DateField } from "../ui/DateField.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type PersonDetail,
  type PersonPatch,
  useHousehold,
  usePerson,
  useRegisterPerson,
  useUpdatePerson,
} from "./api.ts";
import { KkField, NikField, nikHasErrors, useLiveRegions } from "./IdNumberFields.tsx";
import {
  createBody,
  EMPTY,
  enumOptions,
  type FormValues,
  patchBody,
  valuesOf,
} from "./person-form-values.ts";

function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title
        order={2}
        fz="h4"
        component="legend"
        style={{ float: "left", width: "100%" }}
        mb={description ? 2 : "sm"}
      >
        {title}
      </Title>
      {description && (
        <Text fz="sm" c="dimmed" mb="sm" style={{ clear: "both" }}>
          {description}
        </Text>
      )}
      <div style={{ clear: "both" }}>{children}</div>
    </Card>
  );
}

function PersonForm({ person }: { person?: PersonDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const regions = useRegionIndex();
  const { lookup } = useLiveRegions();
  const { user } = useAuth();
  // An officer registers people in their own area: a desa operator's form starts in (and stays in) their desa.
  const area = useMemo(() => areaFilters(user?.area ?? null), [user]);
  const presetHousehold = params.get("householdId");
  const household = useHousehold(person ? null : presetHousehold);
  const initial = useMemo(
    () =>
      person
        ? valuesOf(person)
        : {
            ...EMPTY,
            districtCode: area.districtCode ?? "",
            villageCode: area.villageCode ?? "",
            rt: area.rt ?? "",
          },
    [person, area],
  );
  const [values, setValues] = useState<FormValues>(initial);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const register = useRegisterPerson();
  const update = useUpdatePerson(person?.id ?? "");
  const mutation = person ? update : register;
  const formRef = useRef<HTMLFormElement>(null);

  // A member added from a household page starts in that household's desa and RT.
  useEffect(() => {
    if (!household.data || person) return;
    const h = household.data;
    setValues((v) => ({
      ...v,
      householdId: h.id,
      districtCode: h.district.code,
      villageCode: h.village.code,
      rt: v.rt || (h.rt ?? ""),
      rw: v.rw || (h.rw ?? ""),
      address: v.address || (h.address ?? ""),
    }));
  }, [household.data, person]);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors((errors) => errors.filter((e) => e.field !== field));
  };

  const serverFieldErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverFieldErrors]);
  const generalError =
    mutation.error &&
    serverFieldErrors.length === 0 &&
    !(mutation.error instanceof ApiError && mutation.error.code === "VALIDATION_FAILED")
      ? mutation.error
      : null;
  const record = {
    sex: values.sex || undefined,
    birthDate: values.birthDate || undefined,
    kk: values.kk.trim() || undefined,
  };

  // After a failed submit, the first field at fault takes focus so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldError[] = [];
    let body: Record<string, unknown>;
    if (person) {
      body = patchBody(values, initial);
      const parsed = personUpdateSchema.safeParse({
        ...body,
        version: person.version,
        reason: values.reason.trim() || undefined,
      });
      if (!parsed.success) errors.push(...zodFieldErrors(parsed.error, body));
      if (values.reason.trim().length < 3) errors.push({ field: "reason", code: "REASON_REQUIRED" });
    } else {
      body = createBody(values);
      const parsed = personInputSchema.safeParse(body);
      if (!parsed.success) errors.push(...zodFieldErrors(parsed.error, body));
    }
    if (nikHasErrors(values.nik, lookup, record)) errors.push({ field: "nik", code: "FIELD_INVALID" });
    setClientErrors(errors.filter((e) => e.field !== "nik" || e.code !== "FIELD_INVALID"));
    setAttempt((n) => n + 1);
    if (errors.length > 0) return;
    mutation.reset();
    try {
      if (person) {
        if (Object.keys(body).length === 0) {
          setClientErrors([{ field: "(body)", code: "NOTHING_CHANGED" }]);
          return;
        }
        const result = await update.mutateAsync({
          ...body,
          version: person.version,
          reason: values.reason.trim(),
        } as PersonPatch);
        navigate(`/penduduk/${result.person.id}`, { state: { saved: true, warnings: result.warnings } });
      } else {
        const result = await register.mutateAsync(body as Parameters<typeof register.mutateAsync>[0]);
        navigate(`/penduduk/${result.person.id}`, { state: { saved: true, warnings: result.warnings } });
      }
    } catch {
      // The error is on the mutation and rendered below; focus moves to the first field at fault.
      setAttempt((n) => n + 1);
    }
  };

  const conflictId =
    mutation.error instanceof ApiError && mutation.error.code === "PERSON_NIK_EXISTS"
      ? String(mutation.error.params.id ?? "")
      : "";
  const versionConflict = mutation.error instanceof ApiError && mutation.error.code === "VERSION_CONFLICT";
  const villages = values.districtCode && regions ? regions.villagesOf(values.districtCode) : [];
  const hasFieldErrors = Object.keys(messages).some((f) => f !== "(body)");

  return (
    <form onSubmit={submit} noValidate ref={formRef} aria-describedby="form-status">
      <Stack gap="md">
        <div id="form-status" aria-live="polite">
          {hasFieldErrors && (
            <Alert color="red" title={t("SAVE_FAILED_TITLE")} role="alert">
              {mutation.error instanceof ApiError && mutation.error.code === "VALIDATION_FAILED"
                ? errorText(t, mutation.error)
                : t("FIELD_ERRORS_BELOW")}
            </Alert>
          )}
          {messages["(body)"] && (
            <Alert color="yellow" role="status">
              {messages["(body)"]}
            </Alert>
          )}
          {generalError && (
            <Alert color="red" title={t("SAVE_FAILED_TITLE")} role="alert">
              <Stack gap="xs">
                <Text fz="sm">{errorText(t, generalError)}</Text>
                {conflictId && (
                  <Anchor component={Link} to={`/penduduk/${conflictId}`} fz="sm">
                    {t("PERSON_OPEN_EXISTING")}
                  </Anchor>
                )}
                {versionConflict && (
                  <div>
                    <Button size="xs" variant="light" onClick={() => window.location.reload()}>
                      {t("VERSION_CONFLICT_RELOAD")}
                    </Button>
                  </div>
                )}
              </Stack>
            </Alert>
          )}
        </div>

        <FormSection title={t("FORM_IDENTITY")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NikField
              value={values.nik}
              onChange={(v) => set("nik", v)}
              record={record}
              serverError={messages.nik}
              description={person?.nik ? t("NIK_MASKED_NOTE", { nik: person.nik }) : undefined}
              onUseDecoded={(d) => setValues((v) => ({ ...v, sex: d.sex, birthDate: d.birthDate }))}
            />
            <KkField
              value={values.kk}
              onChange={(v) => set("kk", v)}
              nik={values.nik.trim() || undefined}
              serverError={messages.kk}
              description={person?.kk ? t("KK_MASKED_NOTE", { kk: person.kk }) : undefined}
            />
            <TextInput
              label={t("FIELD_name")}
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={messages.name}
              required
              autoComplete="off"
              maxLength={120}
            />
            <Radio.Group
              label={t("FIELD_sex")}
              value={values.sex}
              onChange={(v) => set("sex", v as FormValues["sex"])}
              error={messages.sex}
              required
            >
              <Group mt={6}>
                <Radio value="L" label={t("SEX_L")} />
                <Radio value="P" label={t("SEX_P")} />
              </Group>
            </Radio.Group>
            <TextInput
              label={t("FIELD_birthPlace")}
              value={values.birthPlace}
              onChange={(e) => set("birthPlace", e.currentTarget.value)}
              error={messages.birthPlace}
              maxLength={80}
            />
            <DateField
              label={t("FIELD_birthDate")}
              value={values.birthDate}
              onChange={(v) => set("birthDate", v)}
              error={messages.birthDate}
            />
            <TextInput
              type="tel"
              label={t("FIELD_phone")}
              description={person?.phone ? t("PHONE_MASKED_NOTE", { phone: person.phone }) : undefined}
              value={values.phone}
              onChange={(e) => set("phone", e.currentTarget.value)}
              error={messages.phone}
              autoComplete="off"
            />
            <NativeSelect
              label={t("FIELD_maritalStatus")}
              value={values.maritalStatus}
              onChange={(e) => set("maritalStatus", e.currentTarget.value)}
              error={messages.maritalStatus}
              data={enumOptions(t, "MARITAL", MARITAL_STATUSES)}
            />
          </SimpleGrid>
        </FormSection>

        {!person && <CandidatesPanel person={values} />}

        <FormSection title={t("FORM_RESIDENCE")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t("DISTRICT")}
              value={values.districtCode}
              onChange={(e) =>
                setValues((v) => ({ ...v, districtCode: e.currentTarget.value, villageCode: "" }))
              }
              disabled={Boolean(area.districtCode)}
              required
              data={[
                { value: "", label: t("CHOOSE") },
                ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
              ]}
            />
            <NativeSelect
              label={t("FIELD_villageCode")}
              value={values.villageCode}
              onChange={(e) => set("villageCode", e.currentTarget.value)}
              error={messages.villageCode}
              disabled={!values.districtCode || Boolean(area.villageCode)}
              required
              data={[
                { value: "", label: values.districtCode ? t("CHOOSE") : t("CHOOSE_DISTRICT_FIRST") },
                ...villages.map((v) => ({ value: v.code, label: v.name })),
              ]}
            />
            <Group grow align="flex-start">
              <TextInput
                label={t("FIELD_rt")}
                value={values.rt}
                onChange={(e) => set("rt", e.currentTarget.value)}
                error={messages.rt}
                inputMode="numeric"
                maxLength={3}
                disabled={Boolean(area.rt)}
                placeholder={t("RT_HINT")}
              />
              <TextInput
                label={t("FIELD_rw")}
                value={values.rw}
                onChange={(e) => set("rw", e.currentTarget.value)}
                error={messages.rw}
                inputMode="numeric"
                maxLength={3}
              />
            </Group>
            <Textarea
              label={t("FIELD_address")}
              value={values.address}
              onChange={(e) => set("address", e.currentTarget.value)}
              error={messages.address}
              autosize
              minRows={1}
              maxLength={200}
            />
            {(values.householdId || person?.householdId) && (
              <NativeSelect
                label={t("FIELD_householdRole")}
                value={values.householdRole}
                onChange={(e) => set("householdRole", e.currentTarget.value)}
                error={messages.householdRole}
                data={enumOptions(t, "HOUSEHOLD_ROLE", HOUSEHOLD_ROLES)}
              />
            )}
          </SimpleGrid>
        </FormSection>

        <FormSection title={t("FORM_WELFARE")} description={t("FORM_WELFARE_HINT")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t("FIELD_occupation")}
              value={values.occupation}
              onChange={(e) => set("occupation", e.currentTarget.value)}
              error={messages.occupation}
              maxLength={80}
            />
            <NativeSelect
              label={t("FIELD_employment")}
              value={values.employment}
              onChange={(e) => set("employment", e.currentTarget.value)}
              error={messages.employment}
              data={enumOptions(t, "EMPLOYMENT", EMPLOYMENT_STATUSES)}
            />
            <NativeSelect
              label={t("FIELD_education")}
              value={values.education}
              onChange={(e) => set("education", e.currentTarget.value)}
              error={messages.education}
              data={enumOptions(t, "EDUCATION", EDUCATION_LEVELS)}
            />
            <NumberInput
              label={t("FIELD_monthlyIncome")}
              value={values.monthlyIncome}
              onChange={(v) => set("monthlyIncome", v === "" ? "" : Number(v))}
              error={messages.monthlyIncome}
              prefix="Rp "
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              hideControls
              inputMode="numeric"
              description={t("INCOME_HINT")}
            />
            <NativeSelect
              label={t("FIELD_houseCondition")}
              value={values.houseCondition}
              onChange={(e) => set("houseCondition", e.currentTarget.value)}
              error={messages.houseCondition}
              data={enumOptions(t, "HOUSE", HOUSE_CONDITIONS)}
            />
            <NativeSelect
              label={t("FIELD_health")}
              value={values.health}
              onChange={(e) => set("health", e.currentTarget.value)}
              error={messages.health}
              data={enumOptions(t, "HEALTH", HEALTH_CONDITIONS)}
            />
            <NumberInput
              label={t("FIELD_dependants")}
              value={values.dependants}
              onChange={(v) => set("dependants", v === "" ? "" : Number(v))}
              error={messages.dependants}
              min={0}
              max={30}
              allowDecimal={false}
              allowNegative={false}
            />
            <NumberInput
              label={t("FIELD_children")}
              value={values.children}
              onChange={(v) => set("children", v === "" ? "" : Number(v))}
              error={messages.children}
              min={0}
              max={30}
              allowDecimal={false}
              allowNegative={false}
            />
          </SimpleGrid>
        </FormSection>

        {person && (
          <Textarea
            label={t("FIELD_reason")}
            description={t("REASON_HINT")}
            value={values.reason}
            onChange={(e) => set("reason", e.currentTarget.value)}
            error={messages.reason}
            required
            autosize
            minRows={2}
            maxLength={500}
          />
        )}

        <Group justify="flex-end">
          <Button variant="default" component={Link} to={person ? `/penduduk/${person.id}` : "/penduduk"}>
            {t("CANCEL")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("SAVE")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function PersonFormPage() {
  const t = useT();
  const { id } = useParams();
  const person = usePerson(id);
  if (id && person.isPending) return <LoadingState />;
  if (id && person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const current = id ? person.data : undefined;
  return (
    <>
      <PageHeader
        title={current ? t("PERSON_EDIT_TITLE", { name: current.name }) : t("PERSON_NEW_TITLE")}
        crumbs={[
          { label: t("PERSONS_TITLE"), to: "/penduduk" },
          ...(current ? [{ label: current.name, to: `/penduduk/${current.id}` }] : []),
          { label: current ? t("EDIT") : t("PERSON_NEW_TITLE") },
        ]}
      />
      <PersonForm key={current ? `${current.id}:${current.version}` : "new"} person={current} />
    </>
  );
}
