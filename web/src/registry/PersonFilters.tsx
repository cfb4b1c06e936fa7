import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { ENROLLMENT_STATUSES, NIK_STATUSES } from "../../../src/registry/codes.ts";
import { useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { type PersonFilters as Filters, usePeriods, usePrograms } from "./api.ts";

type FilterKey = Exclude<keyof Filters, "page" | "pageSize">;

export interface PersonFiltersProps {
  filters: Filters;
  /** Filters fixed by the user's area: shown, but not changeable. */
  locked: Partial<Record<FilterKey, string>>;
  onChange(patch: Partial<Record<FilterKey, string | undefined>>): void;
}

/** Search box that waits for a pause in typing, so a cheap phone does not send a request per keystroke. */
export function PersonSearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const submit = useDebouncedCallback((typed: string) => {
    if (typed.trim() !== value) onChange(typed.trim());
  }, 350);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      type="search"
      label={t("SEARCH_LABEL")}
      placeholder={t("SEARCH_PLACEHOLDER")}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        submit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") submit.flush();
      }}
      inputMode="search"
      autoComplete="off"
    />
  );
}

export function PersonFilterFields({ filters, locked, onChange }: PersonFiltersProps) {
  const t = useT();
  const regions = useRegionIndex();
  const programs = usePrograms();
  const periods = usePeriods(filters.programId);
  const [rt, setRt] = useState(filters.rt ?? "");
  const submitRt = useDebouncedCallback((typed: string) => {
    const value = typed.trim();
    if (value !== (filters.rt ?? "") && (value === "" || /^\d{1,3}$/.test(value)))
      onChange({ rt: value || undefined });
  }, 400);
  useEffect(() => setRt(filters.rt ?? ""), [filters.rt]);

  const districtCode = locked.districtCode ?? filters.districtCode ?? "";
  const villageCode = locked.villageCode ?? filters.villageCode ?? "";
  const programNames = new Map((programs.data ?? []).map((p) => [p.id, p.name]));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <NativeSelect
        label={t("DISTRICT")}
        value={districtCode}
        disabled={Boolean(locked.districtCode)}
        onChange={(e) =>
          onChange({
            districtCode: e.currentTarget.value || undefined,
            villageCode: undefined,
            rt: undefined,
          })
        }
        data={[
          { value: "", label: t("ALL_DISTRICTS") },
          ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
        ]}
      />
      <NativeSelect
        label={t("VILLAGE")}
        value={villageCode}
        disabled={!districtCode || Boolean(locked.villageCode)}
        onChange={(e) => onChange({ villageCode: e.currentTarget.value || undefined, rt: undefined })}
        data={[
          { value: "", label: districtCode ? t("ALL_VILLAGES") : t("CHOOSE_DISTRICT_FIRST") },
          ...(districtCode && regions ? regions.villagesOf(districtCode) : []).map((v) => ({
            value: v.code,
            label: v.name,
          })),
        ]}
      />
      <TextInput
        label={t("RT")}
        value={locked.rt ?? rt}
        disabled={!villageCode || Boolean(locked.rt)}
        onChange={(e) => {
          setRt(e.currentTarget.value);
          submitRt(e.currentTarget.value);
        }}
        inputMode="numeric"
        maxLength={3}
        placeholder={villageCode ? t("RT_HINT") : ""}
      />
      <NativeSelect
        label={t("FILTER_NIK_STATUS")}
        value={filters.nikStatus ?? ""}
        onChange={(e) => onChange({ nikStatus: e.currentTarget.value || undefined })}
        data={[
          { value: "", label: t("ANY") },
          ...NIK_STATUSES.map((s) => ({ value: s, label: t(`NIK_STATUS_${s}`) })),
        ]}
      />
      <NativeSelect
        label={t("FILTER_PROGRAM")}
        value={filters.programId ?? ""}
        onChange={(e) => onChange({ programId: e.currentTarget.value || undefined, periodId: undefined })}
        data={[
          { value: "", label: t("ANY") },
          ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <NativeSelect
        label={t("FILTER_PERIOD")}
        value={filters.periodId ?? ""}
        onChange={(e) => onChange({ periodId: e.currentTarget.value || undefined })}
        data={[
          { value: "", label: t("ANY") },
          ...(periods.data ?? []).map((p) => ({
            value: p.id,
            label: filters.programId ? p.name : `${programNames.get(p.programId) ?? ""} — ${p.name}`,
          })),
        ]}
      />
      <NativeSelect
        label={t("FILTER_STATUS")}
        value={filters.status ?? ""}
        onChange={(e) => onChange({ status: e.currentTarget.value || undefined })}
        data={[
          { value: "", label: t("ANY") },
          ...ENROLLMENT_STATUSES.map((s) => ({ value: s, label: t(`STATUS_${s}`) })),
        ]}
      />
      <Group align="flex-end">
        <Button
          variant="subtle"
          onClick={() =>
            onChange({
              districtCode: undefined,
              villageCode: undefined,
              rt: undefined,
              programId: undefined,
              periodId: undefined,
              status: undefined,
              nikStatus: undefined,
              q: undefined,
            })
          }
        >
          {t("FILTERS_RESET")}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
