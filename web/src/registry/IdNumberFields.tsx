import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useMemo, useReducer, useState } from "react";
import { type NikValidation, type RegionLookup, validateKk, validateNik } from "../../../src/nik/index.ts";
import { formatDate } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { LiveRegionLookup, useRegionIndex, useRegionTree } from "../regions/regions.ts";

/** "Today" in WIT (UTC+9), as the server judges NIK birth dates (src/runtime.ts): a baby born today is never "in the future". */
export function todayInIndonesia(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * One region cache per form. When a region fetched from the server arrives, a new lookup object is handed out
 * so every validation that depends on it runs again.
 */
function useLiveRegions() {
  const tree = useRegionTree();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const cache = useMemo(() => new LiveRegionLookup(tree.data, bump), [tree.data]);
  const lookup = useMemo<RegionLookup>(() => ({ get: (code) => cache.get(code), version }), [cache, version]);
  return { lookup };
}

export interface NikFieldProps {
  value: string;
  onChange(value: string): void;
  /** The record the NIK must agree with: sex, birth date and KK as typed in the same form. */
  record: { sex?: "L" | "P"; birthDate?: string; kk?: string };
  serverError?: string;
  label?: string;
  description?: string;
  /** Offered when the NIK decodes: fill sex and birth date from it. */
  onUseDecoded?(decoded: { sex: "L" | "P"; birthDate: string }): void;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * The NIK as it is typed, checked in the browser by the same rules the server applies (src/nik): each problem
 * is explained in words, e.g. which digits hold an impossible birth date, before anything is sent.
 */
export function NikField({
  value,
  onChange,
  record,
  serverError,
  label,
  description,
  onUseDecoded,
  inputRef,
}: NikFieldProps) {
  const t = useT();
  const regions = useRegionIndex();
  const { lookup } = useLiveRegions();
  const [touched, setTouched] = useState(false);
  const { sex, birthDate, kk } = record;
  const validation = useMemo<NikValidation | null>(() => {
    if (!value.trim()) return null;
    return validateNik(value, { regions: lookup, today: todayInIndonesia(), record: { sex, birthDate, kk } });
  }, [value, sex, birthDate, kk, lookup]);

  const digits = value.replace(/\D/g, "");
  // Half-typed numbers are not wrong yet: length is judged once 16 digits are in or the field is left.
  const stillTyping =
    !touched &&
    validation !== null &&
    validation.errors.every((e) => e.code === "NIK_LENGTH") &&
    digits.length < 16;
  const errors = validation && !stillTyping ? validation.errors.map((e) => t.code(e.code, e.params)) : [];
  const warnings = validation && !stillTyping ? validation.warnings.map((w) => t.code(w.code, w.params)) : [];
  const decoded = validation?.decoded;
  const error = [...errors, ...(serverError && errors.length === 0 ? [serverError] : [])].join(" ");

  return (
    <Stack gap={4}>
      <TextInput
        ref={inputRef}
        label={label ?? t("FIELD_nik")}
        description={description ?? t("NIK_HINT")}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        error={error || undefined}
        rightSection={
          digits.length > 0 ? (
            <Text fz="xs" c="dimmed" aria-hidden>
              {digits.length}/16
            </Text>
          ) : undefined
        }
        rightSectionWidth={48}
        data-testid="nik-input"
      />
      {warnings.length > 0 && (
        <Text fz="sm" c="orange.9" role="status" data-testid="nik-warnings">
          {warnings.join(" ")}
        </Text>
      )}
      {validation?.valid && decoded && (
        <Stack gap={2} role="status" data-testid="nik-ok">
          <Text fz="sm" c="teal.9">
            {warnings.length === 0 ? `${t("NIK_OK")} ` : ""}
            {t("NIK_DECODED", {
              sex: t(`SEX_${decoded.sex}`).toLowerCase(),
              birthDate: formatDate(decoded.birthDate, t.language),
              district: regions?.name(decoded.districtCode) || decoded.districtCode,
            })}
          </Text>
          {onUseDecoded && (decoded.sex !== record.sex || decoded.birthDate !== record.birthDate) && (
            <div>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onUseDecoded({ sex: decoded.sex, birthDate: decoded.birthDate })}
              >
                {t("NIK_USE_DECODED")}
              </Button>
            </div>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** True when a typed NIK breaks a rule that makes the server refuse it (warnings do not). */
export function nikHasErrors(
  value: string,
  lookup: { get(code: string): { name: string } | undefined },
  record: NikFieldProps["record"],
) {
  if (!value.trim()) return false;
  return !validateNik(value, { regions: lookup, today: todayInIndonesia(), record }).valid;
}

export function KkField({
  value,
  onChange,
  nik,
  serverError,
  description,
}: {
  value: string;
  onChange(value: string): void;
  nik?: string;
  serverError?: string;
  description?: string;
}) {
  const t = useT();
  const { lookup } = useLiveRegions();
  const [touched, setTouched] = useState(false);
  const validation = useMemo(() => {
    if (!value.trim()) return null;
    return validateKk(value, { regions: lookup, today: todayInIndonesia(), record: nik ? { nik } : {} });
  }, [value, nik, lookup]);
  const digits = value.replace(/\D/g, "");
  const stillTyping =
    !touched &&
    validation !== null &&
    validation.errors.every((e) => e.code === "KK_LENGTH") &&
    digits.length < 16;
  const errors = validation && !stillTyping ? validation.errors.map((e) => t.code(e.code, e.params)) : [];
  const warnings = validation && !stillTyping ? validation.warnings.map((w) => t.code(w.code, w.params)) : [];
  const error = [...errors, ...(serverError && errors.length === 0 ? [serverError] : [])].join(" ");
  return (
    <Stack gap={4}>
      <TextInput
        label={t("FIELD_kk")}
        description={description}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        error={error || undefined}
        data-testid="kk-input"
      />
      {warnings.length > 0 && (
        <Text fz="sm" c="orange.9" role="status">
          {warnings.join(" ")}
        </Text>
      )}
      {validation?.valid && warnings.length === 0 && (
        <Text fz="sm" c="teal.9" role="status">
          {t("KK_OK")}
        </Text>
      )}
    </Stack>
  );
}

export { useLiveRegions };
