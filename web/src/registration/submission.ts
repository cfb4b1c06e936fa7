import type { DocumentKind } from "../../../src/documents/kinds.ts";
import type { PRESENTER_RELATIONS } from "../../../src/registration/schemas.ts";
import type { BUSINESS_SECTORS, EMPLOYMENT_STATUSES } from "../../../src/registry/attributes.ts";
import type { Translate } from "../i18n/language.tsx";
import type { PersonView } from "../registry/api.ts";
import {
  emptyProfile,
  invalidCriteria,
  type ProfileDraft,
  profileFields,
  recordedProfile,
} from "./criteria.ts";
import type { SubmissionPayload } from "./queue.ts";

export interface PersonDraft {
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

export const emptyPerson = (villageCode: string, rt = ""): PersonDraft => ({
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

export interface PresenterDraft {
  name: string;
  nik: string;
  phone: string;
  relation: string;
}

/** Everything typed for one applicant; reset to empty once queued. */
export interface FieldForm {
  mode: "new" | "existing";
  person: PersonDraft;
  picked: PersonView | null;
  changes: { phone: string; address: string; rt: string };
  reason: string;
  businessName: string;
  businessSector: string | null;
  photos: Partial<Record<DocumentKind, Blob>>;
  profile: ProfileDraft;
  inPerson: "" | "yes" | "no";
  presenter: PresenterDraft;
}

export const emptyForm = (villageCode: string, rt = ""): FieldForm => ({
  mode: "new",
  person: emptyPerson(villageCode, rt),
  picked: null,
  changes: { phone: "", address: "", rt: "" },
  reason: "",
  businessName: "",
  businessSector: null,
  photos: {},
  profile: emptyProfile(),
  inPerson: "",
  presenter: { name: "", nik: "", phone: "", relation: "" },
});

/** Changes part of the form: a patch, or one computed from the current form (for updates made in a row). */
export type UpdateForm = (patch: Partial<FieldForm> | ((form: FieldForm) => Partial<FieldForm>)) => void;

/** What the form needs to know about the chosen program and the device to build a submission. */
export interface SubmissionContext {
  periodId: string | null;
  needsBusiness: boolean;
  /** The program's document policy could not be read: nothing is saved rather than "no documents needed". */
  policyUnknown: boolean;
  requiredDocuments: readonly DocumentKind[];
  /** True when the typed NIK fails the rules the server applies (checked on the device, offline too). */
  nikInvalid: boolean;
  t: Translate;
}

/** Local time with its offset, e.g. 2026-11-24T09:15:00+08:00, as the server expects capturedAt. */
export function localIsoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

function newApplicant(form: FieldForm, missing: string[], t: Translate): SubmissionPayload["applicant"] {
  const { person } = form;
  if (!person.name.trim()) missing.push(t("FIELD_name"));
  if (!person.sex) missing.push(t("FIELD_sex"));
  return {
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
      ...(person.employment ? { employment: person.employment as (typeof EMPLOYMENT_STATUSES)[number] } : {}),
      ...profileFields(form.profile),
    },
  };
}

function existingApplicant(
  form: FieldForm,
  picked: PersonView,
  missing: string[],
  t: Translate,
): SubmissionPayload["applicant"] {
  const recorded = recordedProfile(picked);
  const edited: Record<string, string | number> = {
    ...Object.fromEntries(
      Object.entries(form.changes)
        .map(([key, value]) => [key, value.trim()] as const)
        .filter(([key, value]) => value && value !== (picked[key as keyof PersonView] ?? "")),
    ),
    // Ranking answers given in the field, where they differ from what the register holds.
    ...Object.fromEntries(
      Object.entries(profileFields(form.profile)).filter(([key, value]) => recorded[key] !== value),
    ),
  };
  const reason = form.reason.trim();
  // The server refuses a change of identity, contact or income without a reason: ask for it before queueing.
  if (Object.keys(edited).length > 0 && reason.length < 3) missing.push(t("REG_CHANGE_REASON"));
  return {
    kind: "existing",
    personId: picked.id,
    version: picked.version,
    ...(Object.keys(edited).length > 0 ? { changes: edited } : {}),
    ...(reason.length >= 3 ? { reason } : {}),
  };
}

/**
 * The submission the queue will send, or the names of what is still missing or wrong: nothing is queued that
 * the server would refuse or that would silently lack its papers.
 */
export function buildSubmission(
  form: FieldForm,
  context: SubmissionContext,
): { payload: SubmissionPayload; label: string } | { missing: string[] } {
  const { t } = context;
  const missing: string[] = [];
  if (!context.periodId) missing.push(t("REG_PERIOD"));
  let applicant: SubmissionPayload["applicant"];
  let label: string;
  if (form.mode === "new") {
    applicant = newApplicant(form, missing, t);
    if (context.nikInvalid) missing.push(t("FIELD_nik"));
    label = form.person.name.trim();
  } else {
    if (!form.picked) return { missing: [...missing, t("REG_APPLICANT")] };
    applicant = existingApplicant(form, form.picked, missing, t);
    label = form.picked.name;
  }
  for (const field of invalidCriteria(form.profile)) missing.push(t.code(`FIELD_${field}`, {}, field));
  if (context.needsBusiness && (!form.businessName.trim() || !form.businessSector))
    missing.push(t("REG_BUSINESS_NAME"));
  if (context.policyUnknown) missing.push(t("REG_POLICY_UNKNOWN_SHORT"));
  for (const kind of context.requiredDocuments)
    if (!form.photos[kind]) missing.push(t.code(`REG_DOC_${kind}`));
  if (!form.inPerson) missing.push(t("REG_IN_PERSON"));
  const { presenter } = form;
  if (form.inPerson === "no" && (!presenter.name.trim() || !presenter.relation))
    missing.push(t("REG_PRESENTER"));
  if (missing.length > 0) return { missing };
  const payload: SubmissionPayload = {
    capturedAt: localIsoWithOffset(new Date()),
    periodId: context.periodId ?? "",
    applicant,
    ...(context.needsBusiness
      ? {
          business: {
            name: form.businessName.trim(),
            sector: form.businessSector as (typeof BUSINESS_SECTORS)[number],
          },
        }
      : {}),
    appearedInPerson: form.inPerson === "yes",
    ...(form.inPerson === "no"
      ? {
          presenter: {
            name: presenter.name.trim(),
            relation: presenter.relation as (typeof PRESENTER_RELATIONS)[number],
            ...(presenter.nik.trim() ? { nik: presenter.nik.trim() } : {}),
            ...(presenter.phone.trim() ? { phone: presenter.phone.trim() } : {}),
          },
        }
      : {}),
    documents: Object.keys(form.photos) as DocumentKind[],
    submit: true,
  };
  return { payload, label };
}
