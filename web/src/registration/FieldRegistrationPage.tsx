import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import { PRESENTER_RELATIONS } from "../../../src/registration/schemas.ts";
import { BUSINESS_SECTORS, EMPLOYMENT_STATUSES } from "../../../src/registry/attributes.ts";
import { useAuth } from "../access/auth.tsx";
import { areaFilters } from "../access/roles.ts";
import { api } from "../api/client.ts";
import { useT } from "../i18n/language.tsx";
import type { Page, PeriodView, PersonView, ProgramView } from "../registry/api.ts";
import { KkField, NikField, nikHasErrors, useLiveRegions } from "../registry/IdNumberFields.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { downscalePhoto } from "./photo.ts";
import {
  listQueue,
  onQueueChange,
  pendingCount,
  type QueuedPhoto,
  type QueuedSubmission,
  removeQueued,
  resolveWithServerVersion,
  type SubmissionPayload,
  saveQueued,
  syncQueue,
} from "./queue.ts";

type Relation = (typeof PRESENTER_RELATIONS)[number];

/** The last periods, programs and policies seen online, so a page reopened in the field still has its lists. */
function cached<T>(key: string, load: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      const value = await load();
      localStorage.setItem(`salur.field.${key}`, JSON.stringify(value));
      return value;
    } catch (error) {
      const stored = localStorage.getItem(`salur.field.${key}`);
      if (stored) return JSON.parse(stored) as T;
      throw error;
    }
  };
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

function useQueue(): QueuedSubmission[] {
  const [items, setItems] = useState<QueuedSubmission[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void listQueue().then((next) => {
        if (alive) setItems(next);
      });
    load();
    const stop = onQueueChange(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return items;
}

/** A village signal comes and goes: the "online" event can fire before requests get through. */
const RETRY_MS = 15_000;

/** Sends the queue when the connection returns, when the page opens online, and again while items wait. */
function useAutoSync() {
  useEffect(() => {
    if (navigator.onLine) void syncQueue();
    const online = () => void syncQueue();
    window.addEventListener("online", online);
    const timer = setInterval(() => {
      if (navigator.onLine) void syncQueue({ retryErrors: false });
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(timer);
    };
  }, []);
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance.getEntriesByType("resource").map((entry) => entry.name);
        registration.active?.postMessage({ type: "cache-assets", urls });
      })
      .catch(() => {
        // Without the worker the page still queues; it only cannot be reopened offline.
      });
  }
}

/** Local time with its offset, e.g. 2026-11-24T09:15:00+08:00, as the server expects capturedAt. */
function localIsoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

interface PersonDraft {
  nik: string;
  kk: string;
  name: string;
  sex: "" | "L" | "P";
  birthDate: string;
  phone: string;
  address: string;
  rt: string;
  employment: string;
  villageCode: string;
}

const emptyPerson = (villageCode: string, rt = ""): PersonDraft => ({
  nik: "",
  kk: "",
  name: "",
  sex: "",
  birthDate: "",
  phone: "",
  address: "",
  rt,
  employment: "",
  villageCode,
});

interface Duplicate {
  match: string;
  name: string | null;
  rt: string | null;
  village: { name: string } | null;
}

export default function FieldRegistrationPage() {
  const t = useT();
  const { user } = useAuth();
  const online = useOnline();
  const items = useQueue();
  useAutoSync();
  useEffect(registerServiceWorker, []);
  const { lookup } = useLiveRegions();

  // A desa officer or RT head registers in their own desa (and RT); wider areas type the desa code.
  const ownArea = areaFilters(user?.area ?? null);
  const ownVillage = ownArea.villageCode ?? "";
  const periods = useQuery({
    queryKey: ["field", "periods"],
    queryFn: cached("periods", () => api<PeriodView[]>("/periods")),
  });
  const programs = useQuery({
    queryKey: ["field", "programs"],
    queryFn: cached("programs", () => api<ProgramView[]>("/programs")),
  });
  const [periodId, setPeriodId] = useState<string | null>(() => localStorage.getItem("salur.field.period"));
  const period = periods.data?.find((p) => p.id === periodId);
  const program = programs.data?.find((p) => p.id === period?.programId);
  const policy = useQuery({
    queryKey: ["field", "policy", program?.id],
    enabled: Boolean(program),
    queryFn: cached(`policy.${program?.id}`, () =>
      api<{ requiredDocuments: DocumentKind[] }>(`/programs/${program?.id}/policy`),
    ),
  });
  const requiredDocuments = policy.data?.requiredDocuments ?? [];
  const needsBusiness = program?.target === "business";

  const [mode, setMode] = useState<"new" | "existing">("new");
  const [person, setPerson] = useState<PersonDraft>(() => emptyPerson(ownVillage, ownArea.rt));
  const [picked, setPicked] = useState<PersonView | null>(null);
  const [changes, setChanges] = useState({ phone: "", address: "", rt: "" });
  const [reason, setReason] = useState("");
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<PersonView[]>([]);
  const [businessName, setBusinessName] = useState("");
  const [businessSector, setBusinessSector] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Partial<Record<DocumentKind, Blob>>>({});
  const [inPerson, setInPerson] = useState<"" | "yes" | "no">("");
  const [presenter, setPresenter] = useState({ name: "", nik: "", phone: "", relation: "" });
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);

  useEffect(() => {
    if (!person.villageCode && ownVillage) setPerson((p) => ({ ...p, villageCode: ownVillage }));
  }, [ownVillage, person.villageCode]);

  // Possible duplicates while typing, when there is a signal; offline the NIK is still checked on the device.
  useEffect(() => {
    const nik = person.nik.replace(/\D/g, "");
    const byName = person.name.trim().length >= 3 && person.birthDate;
    if (!online || mode !== "new" || (nik.length !== 16 && !byName)) {
      setDuplicates([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<{ duplicates: Duplicate[] }>("/registrations/check", {
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
  }, [online, mode, person.nik, person.kk, person.name, person.sex, person.birthDate, periodId]);

  const setField = (field: keyof PersonDraft) => (value: string) =>
    setPerson((p) => ({ ...p, [field]: value }));

  async function takePhoto(kind: DocumentKind, file: File | null) {
    if (!file) {
      setPhotos(({ [kind]: _, ...rest }) => rest);
      return;
    }
    const blob = await downscalePhoto(file);
    setPhotos((p) => ({ ...p, [kind]: blob }));
  }

  async function findPersons() {
    if (!search.trim()) return;
    const page = await api<Page<PersonView>>("/persons", { query: { q: search.trim(), pageSize: 10 } });
    setFound(page.items);
  }

  function buildPayload(): { payload: SubmissionPayload; label: string } | { missing: string[] } {
    const missing: string[] = [];
    if (!periodId) missing.push(t("REG_PERIOD"));
    let applicant: SubmissionPayload["applicant"];
    let label: string;
    if (mode === "new") {
      if (!person.name.trim()) missing.push(t("FIELD_name"));
      if (!person.sex) missing.push(t("FIELD_sex"));
      if (person.nik && nikHasErrors(person.nik, lookup, {})) missing.push(t("FIELD_nik"));
      label = person.name.trim();
      applicant = {
        kind: "new",
        person: {
          name: person.name.trim(),
          sex: (person.sex || "L") as "L" | "P",
          villageCode: person.villageCode,
          ...(person.nik.trim() ? { nik: person.nik.trim() } : {}),
          ...(person.kk.trim() ? { kk: person.kk.trim() } : {}),
          ...(person.birthDate ? { birthDate: person.birthDate } : {}),
          ...(person.phone.trim() ? { phone: person.phone.trim() } : {}),
          ...(person.address.trim() ? { address: person.address.trim() } : {}),
          ...(person.rt.trim() ? { rt: person.rt.trim() } : {}),
          ...(person.employment
            ? { employment: person.employment as (typeof EMPLOYMENT_STATUSES)[number] }
            : {}),
        },
      };
    } else {
      if (!picked) {
        missing.push(t("REG_APPLICANT"));
        return { missing };
      }
      label = picked.name;
      const edited = Object.fromEntries(
        Object.entries(changes)
          .map(([key, value]) => [key, value.trim()] as const)
          .filter(([key, value]) => value && value !== (picked[key as keyof PersonView] ?? "")),
      );
      applicant = {
        kind: "existing",
        personId: picked.id,
        version: picked.version,
        ...(Object.keys(edited).length > 0 ? { changes: edited } : {}),
        ...(reason.trim().length >= 3 ? { reason: reason.trim() } : {}),
      };
    }
    if (needsBusiness && (!businessName.trim() || !businessSector)) missing.push(t("REG_BUSINESS_NAME"));
    for (const kind of requiredDocuments) if (!photos[kind]) missing.push(t.code(`REG_DOC_${kind}`));
    if (!inPerson) missing.push(t("REG_IN_PERSON"));
    if (inPerson === "no" && (!presenter.name.trim() || !presenter.relation))
      missing.push(t("REG_PRESENTER"));
    if (missing.length > 0) return { missing };
    const payload: SubmissionPayload = {
      capturedAt: localIsoWithOffset(new Date()),
      periodId: periodId ?? "",
      applicant,
      ...(needsBusiness
        ? {
            business: {
              name: businessName.trim(),
              sector: businessSector as (typeof BUSINESS_SECTORS)[number],
            },
          }
        : {}),
      appearedInPerson: inPerson === "yes",
      ...(inPerson === "no"
        ? {
            presenter: {
              name: presenter.name.trim(),
              relation: presenter.relation as Relation,
              ...(presenter.nik.trim() ? { nik: presenter.nik.trim() } : {}),
              ...(presenter.phone.trim() ? { phone: presenter.phone.trim() } : {}),
            },
          }
        : {}),
      documents: Object.keys(photos) as DocumentKind[],
      submit: true,
    };
    return { payload, label };
  }

  async function save() {
    const built = buildPayload();
    if ("missing" in built) {
      setProblems(built.missing);
      return;
    }
    setProblems([]);
    const queuedPhotos: QueuedPhoto[] = Object.entries(photos).map(([kind, blob]) => ({
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
    setPerson(emptyPerson(ownVillage, ownArea.rt));
    setPicked(null);
    setChanges({ phone: "", address: "", rt: "" });
    setReason("");
    setFound([]);
    setBusinessName("");
    setBusinessSector(null);
    setPhotos({});
    setInPerson("");
    setPresenter({ name: "", nik: "", phone: "", relation: "" });
    setFormKey((k) => k + 1);
    if (navigator.onLine) void syncQueue();
  }
  // File inputs cannot be cleared from state; a new key gives the next applicant fresh ones.
  const [formKey, setFormKey] = useState(0);

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
              onChange={(value) => setMode(value as "new" | "existing")}
              data={[
                { value: "new", label: t("REG_APPLICANT_NEW") },
                { value: "existing", label: t("REG_APPLICANT_EXISTING") },
              ]}
            />
          </Stack>
          {mode === "new" ? (
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
                  setPerson((p) => ({ ...p, sex: decoded.sex, birthDate: decoded.birthDate }))
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
                <TextInput
                  type="date"
                  label={t("FIELD_birthDate")}
                  value={person.birthDate}
                  onChange={(e) => setField("birthDate")(e.currentTarget.value)}
                />
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
              {!ownVillage && (
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
                        [d.name ?? "—", d.village?.name, d.rt ? `RT ${d.rt}` : null]
                          .filter(Boolean)
                          .join(", "),
                      )
                      .join("; "),
                  })}
                </Alert>
              )}
            </>
          ) : (
            <Stack gap="xs">
              <Group align="end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t("REG_SEARCH")}
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
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
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        setPicked(candidate);
                        setChanges({
                          phone: "",
                          address: candidate.address ?? "",
                          rt: candidate.rt ?? "",
                        });
                      }}
                    >
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
                    onChange={(e) => setChanges({ ...changes, address: e.currentTarget.value })}
                  />
                  <SimpleGrid cols={2}>
                    <TextInput
                      label={t("FIELD_rt")}
                      value={changes.rt}
                      onChange={(e) => setChanges({ ...changes, rt: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t("FIELD_phone")}
                      value={changes.phone}
                      inputMode="tel"
                      onChange={(e) => setChanges({ ...changes, phone: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t("REG_CHANGE_REASON")}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                </>
              )}
            </Stack>
          )}

          {needsBusiness && (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t("REG_BUSINESS_NAME")}
                value={businessName}
                onChange={(e) => setBusinessName(e.currentTarget.value)}
                required
              />
              <NativeSelect
                label={t("REG_BUSINESS_SECTOR")}
                value={businessSector ?? ""}
                onChange={(e) => setBusinessSector(e.currentTarget.value || null)}
                data={[
                  { value: "", label: "—" },
                  ...BUSINESS_SECTORS.map((s) => ({ value: s, label: t.code(`SECTOR_${s}`, {}, s) })),
                ]}
                required
              />
            </SimpleGrid>
          )}

          {requiredDocuments.length > 0 && (
            <Stack gap="xs" data-testid="document-checklist">
              <Text fw={600} fz="sm">
                {t("REG_DOCUMENTS")}
              </Text>
              {requiredDocuments.map((kind) => (
                <Stack gap={2} key={kind}>
                  <FileInput
                    label={t("REG_TAKE_PHOTO", { kind: t.code(`REG_DOC_${kind}`, {}, kind) })}
                    accept="image/*"
                    capture="environment"
                    clearable
                    onChange={(file) => void takePhoto(kind, file)}
                    data-testid={`photo-${kind}`}
                  />
                  <Text fz="xs" c={photos[kind] ? "teal.9" : "dimmed"} data-testid={`photo-${kind}-state`}>
                    {photos[kind]
                      ? t("REG_PHOTO_READY", { size: Math.ceil((photos[kind]?.size ?? 0) / 1024) })
                      : t("REG_PHOTO_MISSING")}
                  </Text>
                </Stack>
              ))}
            </Stack>
          )}

          <Radio.Group
            label={t("REG_IN_PERSON")}
            value={inPerson}
            onChange={(value) => setInPerson(value as "yes" | "no")}
            required
          >
            <Group mt={4}>
              <Radio value="yes" label={t("REG_YES")} />
              <Radio value="no" label={t("REG_NO")} />
            </Group>
          </Radio.Group>
          {inPerson === "no" && (
            <Stack gap="xs">
              <Text fw={600} fz="sm">
                {t("REG_PRESENTER")}
              </Text>
              <TextInput
                label={t("REG_PRESENTER_NAME")}
                value={presenter.name}
                onChange={(e) => setPresenter({ ...presenter, name: e.currentTarget.value })}
                required
              />
              <NativeSelect
                label={t("REG_PRESENTER_RELATION")}
                value={presenter.relation}
                onChange={(e) => setPresenter({ ...presenter, relation: e.currentTarget.value })}
                data={[
                  { value: "", label: "—" },
                  ...PRESENTER_RELATIONS.map((r) => ({
                    value: r,
                    label: t.code(`REG_RELATION_${r}`, {}, r),
                  })),
                ]}
                required
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t("REG_PRESENTER_NIK")}
                  value={presenter.nik}
                  inputMode="numeric"
                  onChange={(e) => setPresenter({ ...presenter, nik: e.currentTarget.value })}
                />
                <TextInput
                  label={t("REG_PRESENTER_PHONE")}
                  value={presenter.phone}
                  inputMode="tel"
                  onChange={(e) => setPresenter({ ...presenter, phone: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Stack>
          )}

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

const STATE_COLOR: Record<QueuedSubmission["state"], string> = {
  queued: "gray",
  sending: "blue",
  applied: "teal",
  conflict: "orange",
  error: "red",
};

function QueueCard({ items, online }: { items: QueuedSubmission[]; online: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const sendNow = useCallback(async () => {
    setBusy(true);
    try {
      await syncQueue();
    } finally {
      setBusy(false);
    }
  }, []);
  const pending = pendingCount(items);
  return (
    <Card withBorder padding="sm" data-testid="queue">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Title order={2} fz="h4">
              {t("REG_QUEUE")}
            </Title>
            <Text fz="sm" c="dimmed" data-testid="queue-pending">
              {t("REG_QUEUE_PENDING", { count: pending })}
            </Text>
          </div>
          <Button onClick={() => void sendNow()} loading={busy} disabled={!online || pending === 0}>
            {t("REG_SEND_NOW")}
          </Button>
        </Group>
        {items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t("REG_QUEUE_EMPTY")}
          </Text>
        )}
        {items.map((item) => (
          <Stack
            key={item.submissionId}
            gap={4}
            data-testid="queue-item"
            data-state={item.state}
            data-submission={item.submissionId}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text fz="sm" fw={600}>
                {item.label}
              </Text>
              <Badge color={STATE_COLOR[item.state]} variant="light">
                {t.code(`REG_STATE_${item.state}`)}
              </Badge>
            </Group>
            {item.state === "applied" && item.result && (
              <Text fz="xs" c="dimmed">
                {t("REG_APPLIED_AS", {
                  status: t.code(
                    `STATUS_${item.result.applicationStatus}`,
                    {},
                    item.result.applicationStatus,
                  ),
                })}
                {item.result.blocked ? ` — ${item.result.blocked.message}` : ""}
              </Text>
            )}
            {item.state === "error" && item.error && (
              <Text fz="xs" c="red.8">
                {item.error.message}
              </Text>
            )}
            {item.state === "conflict" && <ConflictView item={item} />}
          </Stack>
        ))}
        {items.some((item) => item.state === "applied") && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              for (const item of items) if (item.state === "applied") void removeQueued(item.submissionId);
            }}
          >
            {t("REG_CLEAR_SENT")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Both versions side by side, so the officer decides with the server's record in view, never blind. */
function ConflictView({ item }: { item: QueuedSubmission }) {
  const t = useT();
  const conflict = item.conflict;
  if (!conflict) return null;
  const applicant = item.payload.applicant;
  const device: Record<string, unknown> =
    applicant.kind === "existing" ? { ...(applicant.changes ?? {}) } : { ...applicant.person };
  const fields = conflict.fields.length > 0 ? conflict.fields : Object.keys(device);
  return (
    <Card withBorder padding="xs" bg="orange.0" data-testid="conflict">
      <Stack gap={6}>
        <Text fz="sm" fw={600}>
          {t("REG_CONFLICT_TITLE")}
        </Text>
        <Text fz="sm">{t.code(`REG_CONFLICT_KIND_${conflict.kind}`)}</Text>
        <Table.ScrollContainer minWidth={280}>
          <Table fz="xs" withTableBorder data-testid="conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("REG_CONFLICT_FIELD")}</Table.Th>
                <Table.Th>{t("REG_CONFLICT_SERVER")}</Table.Th>
                <Table.Th>{t("REG_CONFLICT_DEVICE")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td>{t.code(`FIELD_${field}`, {}, field)}</Table.Td>
                  <Table.Td>{show(conflict.server[field])}</Table.Td>
                  <Table.Td>{show(device[field])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="xs">
          {conflict.kind !== "already_enrolled" && (
            <Button
              size="xs"
              onClick={() => void resolveWithServerVersion(item).then(() => syncQueue())}
              data-testid="resolve-keep-mine"
            >
              {t("REG_RESOLVE_KEEP_MINE")}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => void removeQueued(item.submissionId)}>
            {t("REG_RESOLVE_DISCARD")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
