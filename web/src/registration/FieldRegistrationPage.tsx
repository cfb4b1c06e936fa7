import { Alert, Button, Card, NativeSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import type { policyViewSchema } from "../../../src/workflow/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { areaFilters } from "../access/roles.ts";
import { api } from "../api/client.ts";
import { useT } from "../i18n/language.tsx";
import type { PeriodView, ProgramView } from "../registry/api.ts";
import { nikHasErrors, useLiveRegions } from "../registry/IdNumberFields.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ExistingPersonFields, NewPersonFields } from "./ApplicantFields.tsx";
import { CriteriaFields } from "./CriteriaFields.tsx";
import { useAutoSync, useOnline, useQueue } from "./connection.ts";
import { type FieldCriteria, missingCriteria, profileFields, recordedProfile } from "./criteria.ts";
import { registerOfflineShell, useOfflineReadiness } from "./offline.ts";
import { AppearanceFields, BusinessFields, DocumentChecklist } from "./PapersFields.tsx";
import { QueueCard } from "./QueueCard.tsx";
import { type QueuedPhoto, saveQueued, syncQueue } from "./queue.ts";
import { buildSubmission, emptyForm, type FieldForm, type UpdateForm } from "./submission.ts";

/** Says whether the phone holds everything the form needs to work with no signal. */
function ReadinessLine({ online }: { online: boolean }) {
  const t = useT();
  const readiness = useOfflineReadiness(online);
  return (
    <Text
      fz="sm"
      fw={600}
      c={readiness.state === "ready" ? "teal.9" : readiness.state === "preparing" ? "dimmed" : "orange.9"}
      data-testid="offline-ready"
      data-state={readiness.state}
    >
      {readiness.state === "ready"
        ? t("REG_READY_OFFLINE")
        : readiness.state === "preparing"
          ? t("REG_PREPARING_OFFLINE")
          : readiness.state === "unsupported"
            ? t("REG_OFFLINE_UNSUPPORTED")
            : t("REG_NOT_READY_OFFLINE", { count: readiness.gaps.length })}
    </Text>
  );
}

export default function FieldRegistrationPage() {
  const t = useT();
  const { user } = useAuth();
  const online = useOnline();
  const items = useQueue();
  useAutoSync();
  useEffect(registerOfflineShell, []);
  const { lookup } = useLiveRegions();

  // A desa officer or RT head registers in their own desa (and RT); wider areas type the desa code.
  const ownArea = areaFilters(user?.area ?? null);
  const ownVillage = ownArea.villageCode ?? "";
  const periods = useQuery({
    queryKey: ["field", "periods"],
    queryFn: () => api<PeriodView[]>("/periods"),
  });
  const programs = useQuery({
    queryKey: ["field", "programs"],
    queryFn: () => api<ProgramView[]>("/programs"),
  });
  const [periodId, setPeriodId] = useState<string | null>(() => localStorage.getItem("salur.field.period"));
  const period = periods.data?.find((p) => p.id === periodId);
  const program = programs.data?.find((p) => p.id === period?.programId);
  const policy = useQuery({
    queryKey: ["field", "policy", program?.id],
    enabled: Boolean(program),
    queryFn: () => api<z.output<typeof policyViewSchema>>(`/programs/${program?.id}/policy`),
  });
  const criteria = useQuery({
    queryKey: ["field", "criteria", program?.id],
    enabled: Boolean(program),
    queryFn: () => api<FieldCriteria>(`/ranking/programs/${program?.id}/field-criteria`),
  });
  const requiredDocuments = policy.data?.requiredDocuments ?? [];
  // Never "no documents needed" because the policy could not be read: the form refuses to save instead.
  const policyUnknown = Boolean(program) && !policy.data && !policy.isPending;
  const needsBusiness = program?.target === "business";

  const [form, setForm] = useState<FieldForm>(() => emptyForm(ownVillage, ownArea.rt));
  const update: UpdateForm = useCallback(
    (patch) => setForm((f) => ({ ...f, ...(typeof patch === "function" ? patch(f) : patch) })),
    [],
  );
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  // File inputs cannot be cleared from state; a new key gives the next applicant fresh ones.
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    if (!form.person.villageCode && ownVillage)
      update((f) => ({ person: { ...f.person, villageCode: ownVillage } }));
  }, [ownVillage, form.person.villageCode, update]);

  async function save() {
    const built = buildSubmission(form, {
      periodId,
      needsBusiness,
      policyUnknown,
      requiredDocuments,
      nikInvalid: form.mode === "new" && nikHasErrors(form.person.nik, lookup, {}),
      t,
    });
    if ("missing" in built) {
      setProblems(built.missing);
      return;
    }
    setProblems([]);
    const queuedPhotos: QueuedPhoto[] = Object.entries(form.photos).map(([kind, blob]) => ({
      kind: kind as DocumentKind,
      blob: blob as Blob,
    }));
    await saveQueued({
      submissionId: crypto.randomUUID(),
      label: built.label,
      createdAt: new Date().toISOString(),
      payload: built.payload,
      photos: queuedPhotos,
      state: "queued",
    });
    setSaved(built.label);
    setForm(emptyForm(ownVillage, ownArea.rt));
    setFormKey((k) => k + 1);
    if (navigator.onLine) void syncQueue();
  }

  // For a person already registered, what the register holds counts as answered; the form asks only the rest.
  const { mode, person, picked, profile } = form;
  const criteriaMissing =
    mode === "new" && person.name.trim()
      ? missingCriteria(
          criteria.data,
          { ...profileFields(profile), birthDate: person.birthDate, employment: person.employment },
          t.language,
        )
      : mode === "existing" && picked
        ? missingCriteria(
            criteria.data,
            { ...recordedProfile(picked), ...profileFields(profile) },
            t.language,
          )
        : [];

  const openPeriods = useMemo(
    () =>
      (periods.data ?? [])
        .filter((p) => p.status === "open")
        .map((p) => ({
          value: p.id,
          label: `${programs.data?.find((g) => g.id === p.programId)?.name ?? "…"} — ${p.name}`,
        })),
    [periods.data, programs.data],
  );

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t("REG_TITLE")} />
      <Text fz="sm" c="dimmed">
        {t("REG_SUBTITLE")}
      </Text>
      <Alert
        color={online ? "teal" : "orange"}
        variant="light"
        p="xs"
        role="status"
        data-testid="connection"
        data-online={online}
      >
        <Text fz="sm" fw={600}>
          {online ? t("REG_ONLINE") : t("REG_OFFLINE")}
        </Text>
      </Alert>
      <ReadinessLine online={online} />

      <QueueCard items={items} online={online} />

      <Card withBorder padding="sm" component="form" onSubmit={(e) => e.preventDefault()} key={formKey}>
        <Stack gap="sm">
          <NativeSelect
            label={t("REG_PERIOD")}
            data={[
              { value: "", label: openPeriods.length === 0 ? t("REG_PERIOD_NONE") : "—" },
              ...openPeriods,
            ]}
            value={periodId ?? ""}
            onChange={(e) => {
              const value = e.currentTarget.value || null;
              setPeriodId(value);
              if (value) localStorage.setItem("salur.field.period", value);
            }}
            data-testid="period-select"
            required
          />
          <Stack gap={4}>
            <Text fw={600} fz="sm">
              {t("REG_APPLICANT")}
            </Text>
            <SegmentedControl
              value={mode}
              onChange={(value) => update({ mode: value as "new" | "existing" })}
              data={[
                { value: "new", label: t("REG_APPLICANT_NEW") },
                { value: "existing", label: t("REG_APPLICANT_EXISTING") },
              ]}
            />
          </Stack>
          {mode === "new" ? (
            <NewPersonFields
              form={form}
              update={update}
              periodId={periodId}
              online={online}
              askVillage={!ownVillage}
            />
          ) : (
            <ExistingPersonFields form={form} update={update} online={online} />
          )}

          {needsBusiness && <BusinessFields form={form} update={update} />}

          {(mode === "new" || picked) && (
            <CriteriaFields
              criteria={criteria.data}
              profile={profile}
              onChange={(next) => update({ profile: next })}
              missing={criteriaMissing}
            />
          )}

          {policyUnknown && (
            <Alert color="red" data-testid="policy-unknown">
              {t("REG_POLICY_UNKNOWN")}
            </Alert>
          )}

          <DocumentChecklist form={form} update={update} requiredDocuments={requiredDocuments} />
          <AppearanceFields form={form} update={update} />

          {problems.length > 0 && (
            <Alert color="red" role="alert">
              {t("REG_FORM_INCOMPLETE", { fields: problems.join(", ") })}
            </Alert>
          )}
          {saved && problems.length === 0 && (
            <Text fz="sm" c="teal.9" role="status">
              {t("REG_SAVED", { name: saved })}
            </Text>
          )}
          <Button size="md" onClick={() => void save()} fullWidth>
            {t("REG_SAVE")}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
