import { FileInput, Text } from "@mantine/core";
import { useState } from "react";
import { useT } from "../i18n/language.tsx";
import { FILE_ACCEPT, fileProblem, fileSizeText, MAX_FILE_BYTES } from "./import-rules.ts";

/**
 * The list to send: CSV or XLSX, refused here (with the reason) when it is another type, empty or larger than
 * the server takes, so an official on a slow line does not wait for an upload that cannot succeed.
 */
export function ImportFilePicker({
  file,
  onChange,
  label,
  disabled,
}: {
  file: File | null;
  onChange(file: File | null): void;
  label?: string;
  disabled?: boolean;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (chosen: File | null) => {
    if (!chosen) {
      setProblem(null);
      onChange(null);
      return;
    }
    const found = fileProblem(chosen, t.language);
    setProblem(found ? t(found.code, found.params) : null);
    onChange(found ? null : chosen);
  };
  return (
    <div>
      <FileInput
        label={label ?? t("IMPORT_FILE")}
        description={t("IMPORT_FILE_HINT", { limit: fileSizeText(MAX_FILE_BYTES, t.language) })}
        placeholder={t("IMPORT_FILE_PLACEHOLDER")}
        accept={FILE_ACCEPT}
        value={file}
        onChange={choose}
        error={problem}
        clearable
        required
        disabled={disabled}
        data-testid="import-file"
      />
      {file && (
        <Text fz="sm" mt={4} data-testid="import-file-chosen">
          {t("IMPORT_FILE_CHOSEN", { name: file.name, size: fileSizeText(file.size, t.language) })}
        </Text>
      )}
    </div>
  );
}
