import { Alert, Fieldset, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import {
  CHOICES,
  collected,
  type FieldCriteria,
  notAskedCriteria,
  type ProfileDraft,
  parseCriterionNumber,
} from "./criteria.ts";

export function CriteriaFields({
  criteria,
  profile,
  onChange,
  missing,
}: {
  criteria: FieldCriteria | undefined;
  profile: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  missing: string[];
}) {
  const t = useT();
  const asked = collected(criteria);
  const set = (key: keyof ProfileDraft) => (value: string) => onChange({ ...profile, [key]: value });
  const notAsked = notAskedCriteria(criteria, t.language);
  return (
    <>
      {asked.length > 0 && (
        <Fieldset legend={t("REG_CRITERIA_TITLE")} variant="unstyled">
          <SimpleGrid cols={{ base: 1, xs: 2 }} data-testid="ranking-criteria">
            {asked.map((attribute) => {
              const key = attribute as keyof ProfileDraft;
              const choice = CHOICES[attribute];
              return choice ? (
                <NativeSelect
                  key={attribute}
                  label={t.code(`FIELD_${attribute}`, {}, attribute)}
                  value={profile[key]}
                  onChange={(e) => set(key)(e.currentTarget.value)}
                  data={[
                    { value: "", label: "—" },
                    ...choice.values.map((v) => ({
                      value: v,
                      label: t.code(`${choice.prefix}_${v}`, {}, v),
                    })),
                  ]}
                />
              ) : (
                <NumberAnswer
                  key={attribute}
                  attribute={attribute}
                  value={profile[key]}
                  onChange={set(key)}
                />
              );
            })}
          </SimpleGrid>
        </Fieldset>
      )}
      {missing.length > 0 && (
        <Alert color="orange" data-testid="criteria-missing">
          {t("REG_CRITERIA_MISSING", { criteria: missing.join(", ") })}
        </Alert>
      )}
      {notAsked.length > 0 && (
        <Alert color="orange" data-testid="criteria-not-asked">
          {t("REG_CRITERIA_NOT_ASKED", { criteria: notAsked.join(", ") })}
        </Alert>
      )}
    </>
  );
}

/** A number the model reads, checked as typed; the income is read back with its separators. */
function NumberAnswer({
  attribute,
  value,
  onChange,
}: {
  attribute: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const parsed = parseCriterionNumber(attribute, value);
  const income = attribute === "monthlyIncome" && "value" in parsed && parsed.value !== null;
  return (
    <TextInput
      label={t.code(`FIELD_${attribute}`, {}, attribute)}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => onChange(e.currentTarget.value)}
      description={income && "value" in parsed ? formatRupiah(parsed.value) : undefined}
      error={"error" in parsed ? t(parsed.error) : undefined}
    />
  );
}
