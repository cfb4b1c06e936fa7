import { TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { formatDateInput, parseDateInput } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";

/**
 * A date typed as dd/mm/yyyy on every device, whatever its language; the form receives YYYY-MM-DD, or "" while
 * the text is empty or not yet a real day (then the field says so once the officer leaves it).
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  disabled,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (isoDate: string) => void;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  "data-testid"?: string;
}) {
  const t = useT();
  const [text, setText] = useState(() => formatDateInput(value));
  const [touched, setTouched] = useState(false);
  // A value set from outside (e.g. read from the NIK) replaces what is typed; our own echo does not.
  const emitted = useRef(value);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(formatDateInput(value));
    }
  }, [value]);
  const invalid = touched && text.trim() !== "" && parseDateInput(text) === null;
  return (
    <TextInput
      {...rest}
      label={label}
      value={text}
      placeholder={t("DATE_PLACEHOLDER")}
      inputMode="numeric"
      autoComplete="off"
      required={required}
      disabled={disabled}
      error={error ?? (invalid ? t("DATE_INVALID_INPUT") : undefined)}
      onBlur={() => setTouched(true)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        emitted.current = parseDateInput(next) ?? "";
        onChange(emitted.current);
      }}
    />
  );
}
