import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { columnLetter, IMPORT_FIELDS } from "../../../src/imports/headers.ts";
import { useAuth } from "../access/auth.tsx";
import { type Translate, useT } from "../i18n/language.tsx";
import { useAgencies } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { ImportFilePicker } from "./ImportFilePicker.tsx";
import { ImportRun } from "./ImportRun.tsx";
import {
  type ColumnTarget,
  type ImportField,
  type ImportSubmitted,
  type ImportView,
  useSaveTemplate,
  useSubmitImport,
} from "./import-api.ts";
import { fileHash, layoutMapping } from "./import-rules.ts";

type Changes = Record<string, ColumnTarget | "">;
interface ManualEntry {
  header: string;
  target: ColumnTarget;
}

/** Refusals a mapping or a header row can cure; the others need the file itself fixed. */
const HEADER_PROBLEMS = new Set([
  "HEADER_NOT_FOUND",
  "HEADER_ROW_EMPTY",
  "COLUMN_MISSING_NAME",
  "COLUMN_MISSING_VILLAGE",
]);

const ENCODINGS: Record<string, string> = { utf8: "UTF-8", utf16le: "UTF-16", latin1: "Latin-1" };
const DELIMITERS = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" } as const;

/** "separated by semicolons": a delimiter by name, since a lone "," in a sentence reads as punctuation. */
function delimiterText(t: Translate, delimiter: string): string {
  const name = DELIMITERS[delimiter as keyof typeof DELIMITERS];
  return name ? t(`IMPORT_LAYOUT_DELIMITER_${name}`) : t("IMPORT_LAYOUT_DELIMITER", { delimiter });
}

/** The fields every row needs a column for: a name, and the desa by code or by name. */
function missingFields(mapping: Record<string, ColumnTarget>): string[] {
  const fields = new Set(Object.values(mapping));
  const missing: string[] = [];
  if (!fields.has("name")) missing.push("name");
  if (!fields.has("villageCode") && !fields.has("villageName")) missing.push("village");
  return missing;
}

/** Fields two columns claim: the server keeps the first, which is rarely what the officer meant. */
function claimedTwice(mapping: Record<string, ColumnTarget>): ImportField[] {
  const seen = new Set<string>();
  const twice = new Set<ImportField>();
  for (const target of Object.values(mapping)) {
    if (target === "ignore") continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}

/**
 * The column layout found in the file (which header was read as which field), a way to change it and check the
 * same file again, and to keep the mapping as the agency's template for its next lists.
 */
export function ImportMapping({ record, mayRun }: { record: ImportView; mayRun: boolean }) {
  const t = useT();
  const layout = record.layout;
  const headers = layout?.headers ?? [];
  const [changes, setChanges] = useState<Changes>({});
  // Without a header found the officer names the headers; the others are still recognised as usual.
  const [manual, setManual] = useState<ManualEntry[]>([{ header: "", target: "name" }]);
  const headerProblem = record.problem !== null && HEADER_PROBLEMS.has(record.problem.code);
  const mapping =
    headers.length > 0
      ? layoutMapping(layout, changes)
      : Object.fromEntries(
          manual.filter((m) => m.header.trim() !== "").map((m) => [m.header.trim(), m.target] as const),
        );
  const fieldAt = new Map(Object.entries(layout?.mapping ?? {}).map(([field, column]) => [column, field]));
  const missing = missingFields(mapping);
  const twice = claimedTwice(mapping);
  const changed = Object.keys(changes).length > 0;

  const targetOf = (header: string, column: number): ColumnTarget | "" => {
    if (header in changes) return changes[header] ?? "";
    return (fieldAt.get(column) as ImportField | undefined) ?? "";
  };

  const layoutText = layout
    ? [
        layout.format === "xlsx" ? t("IMPORT_LAYOUT_XLSX") : t("IMPORT_LAYOUT_CSV"),
        layout.format !== "xlsx" && layout.delimiter ? delimiterText(t, layout.delimiter) : null,
        layout.format !== "xlsx" && layout.encoding ? (ENCODINGS[layout.encoding] ?? layout.encoding) : null,
        layout.headerRow ? t("IMPORT_LAYOUT_HEADER_ROW", { row: layout.headerRow }) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : null;

  return (
    <Card withBorder component="section" aria-labelledby="import-mapping-heading">
      <Title order={2} fz="h4" id="import-mapping-heading" mb={4}>
        {t("IMPORT_MAPPING_TITLE")}
      </Title>
      {layoutText && (
        <Text fz="sm" c="dimmed" mb="sm" data-testid="import-layout">
          {layoutText}
        </Text>
      )}
      {headers.length === 0 ? (
        headerProblem && mayRun ? (
          <ManualMapping entries={manual} onChange={setManual} />
        ) : (
          <Text fz="sm" c="dimmed">
            {headerProblem ? t("IMPORT_MAPPING_NONE") : t("IMPORT_MAPPING_UNREAD")}
          </Text>
        )
      ) : (
        <Stack gap="sm">
          <Text fz="sm">{mayRun ? t("IMPORT_MAPPING_HINT") : t("IMPORT_MAPPING_HINT_READONLY")}</Text>
          <Table.ScrollContainer minWidth={320}>
            <Table fz="sm" verticalSpacing={4} data-testid="import-mapping">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: "4rem" }}>{t("IMPORT_MAPPING_COLUMN")}</Table.Th>
                  <Table.Th>{t("IMPORT_MAPPING_HEADER")}</Table.Th>
                  <Table.Th>{t("IMPORT_MAPPING_FIELD")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {headers.map((header, column) => {
                  const target = targetOf(header, column);
                  const blank = header.trim() === "";
                  const label = `${columnLetter(column)} ${header}`.trim();
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                    <Table.Tr key={column} data-testid="import-mapping-row" data-header={header}>
                      <Table.Td>{columnLetter(column)}</Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>
                        {blank ? <Text c="dimmed">{t("IMPORT_MAPPING_BLANK_HEADER")}</Text> : header}
                      </Table.Td>
                      <Table.Td>
                        {mayRun && !blank ? (
                          <NativeSelect
                            size="xs"
                            aria-label={t("IMPORT_MAPPING_FIELD_OF", { column: label })}
                            value={target === "" ? "ignore" : target}
                            onChange={(e) => {
                              const value = e.currentTarget.value as ColumnTarget;
                              setChanges((c) => ({ ...c, [header]: value }));
                            }}
                            data={[
                              { value: "ignore", label: t("IMPORT_FIELD_ignore") },
                              ...IMPORT_FIELDS.map((field) => ({
                                value: field,
                                label: t(`IMPORT_FIELD_${field}`),
                              })),
                            ]}
                          />
                        ) : (
                          <Text fz="sm" c={target === "" || target === "ignore" ? "dimmed" : undefined}>
                            {t(`IMPORT_FIELD_${target === "" ? "ignore" : target}`)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {missing.length > 0 && (
            <Alert color="red" role="alert" p="xs">
              {t("IMPORT_MAPPING_MISSING", {
                fields: missing
                  .map((f) => t(f === "name" ? "IMPORT_FIELD_name" : "IMPORT_FIELD_village"))
                  .join(", "),
              })}
            </Alert>
          )}
          {twice.length > 0 && (
            <Alert color="yellow" p="xs">
              {t("IMPORT_MAPPING_TWICE", { fields: twice.map((f) => t(`IMPORT_FIELD_${f}`)).join(", ") })}
            </Alert>
          )}
        </Stack>
      )}
      {mayRun && (headers.length > 0 || headerProblem) && (
        <Stack gap="md" mt="md">
          <Recheck record={record} mapping={mapping} changed={changed || headers.length === 0} />
          {Object.keys(mapping).length > 0 && <SaveTemplate record={record} mapping={mapping} />}
        </Stack>
      )}
    </Card>
  );
}

/** Headers typed by the officer, each with the field it holds, for a file whose header was not recognised. */
function ManualMapping({
  entries,
  onChange,
}: {
  entries: ManualEntry[];
  onChange(entries: ManualEntry[]): void;
}) {
  const t = useT();
  const set = (index: number, entry: Partial<ManualEntry>) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, ...entry } : e)));
  return (
    <Stack gap="xs" data-testid="import-manual-mapping">
      <Text fz="sm">{t("IMPORT_MAPPING_MANUAL_HINT")}</Text>
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place in the list
        <Group key={index} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t("IMPORT_MAPPING_HEADER")}
            value={entry.header}
            onChange={(e) => set(index, { header: e.currentTarget.value })}
            maxLength={200}
            style={{ flex: "1 1 12rem" }}
          />
          <NativeSelect
            label={t("IMPORT_MAPPING_FIELD")}
            value={entry.target}
            onChange={(e) => set(index, { target: e.currentTarget.value as ColumnTarget })}
            data={[
              ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`IMPORT_FIELD_${field}`) })),
              { value: "ignore", label: t("IMPORT_FIELD_ignore") },
            ]}
            style={{ flex: "1 1 12rem" }}
          />
          <Button
            variant="subtle"
            color="red"
            size="sm"
            onClick={() => onChange(entries.filter((_, i) => i !== index))}
            disabled={entries.length === 1}
          >
            {t("IMPORT_MAPPING_REMOVE")}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...entries, { header: "", target: "villageName" }])}
        >
          {t("IMPORT_MAPPING_ADD")}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A checked file cannot be read again with another mapping on the server (it keeps the upload only for the
 * report), so checking it again means picking the same file again; its hash tells whether it really is the same.
 */
function Recheck({
  record,
  mapping,
  changed,
}: {
  record: ImportView;
  mapping: Record<string, ColumnTarget>;
  changed: boolean;
}) {
  const t = useT();
  const submit = useSubmitImport();
  const [file, setFile] = useState<File | null>(null);
  const [headerRow, setHeaderRow] = useState<number | string>(record.layout?.headerRow ?? "");
  const [otherFile, setOtherFile] = useState(false);
  const [sent, setSent] = useState<{ submitted: ImportSubmitted; fileName: string } | null>(null);
  const [hashing, setHashing] = useState(false);

  const send = async (chosen: File) => {
    try {
      const submitted = await submit.mutateAsync({
        file: chosen,
        fileName: chosen.name,
        periodId: record.periodId,
        mode: "check",
        invalidRows: record.invalidRows,
        mapping,
        headerRow: typeof headerRow === "number" ? headerRow : null,
      });
      setSent({ submitted, fileName: chosen.name });
    } catch {
      // Shown from submit.error.
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (!otherFile) {
      setHashing(true);
      const hash = await fileHash(file).catch(() => null);
      setHashing(false);
      if (hash !== null && hash !== record.contentHash) {
        setOtherFile(true);
        return;
      }
    }
    await send(file);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="import-recheck">
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t("IMPORT_RECHECK_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("IMPORT_RECHECK_HINT")}
        </Text>
        {changed && (
          <Text fz="sm" fw={500}>
            {t("IMPORT_RECHECK_CHANGED")}
          </Text>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ flex: "1 1 16rem" }}>
            <ImportFilePicker
              file={file}
              onChange={(chosen) => {
                setFile(chosen);
                setOtherFile(false);
                setSent(null);
              }}
              label={t("IMPORT_RECHECK_FILE")}
              disabled={submit.isPending}
            />
          </div>
          <NumberInput
            label={t("IMPORT_HEADER_ROW")}
            description={t("IMPORT_HEADER_ROW_HINT")}
            value={headerRow}
            onChange={setHeaderRow}
            min={1}
            max={1000}
            allowDecimal={false}
            style={{ flex: "0 1 12rem" }}
          />
        </Group>
        {otherFile && (
          <Alert color="yellow" role="alert" p="xs" data-testid="import-recheck-other-file">
            {t("IMPORT_RECHECK_OTHER_FILE", { file: file?.name ?? "" })}
          </Alert>
        )}
        {submit.error != null && (
          <Alert color="red" role="alert" p="xs">
            {errorText(t, submit.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" disabled={!file} loading={submit.isPending || hashing}>
            {otherFile ? t("IMPORT_RECHECK_ANYWAY") : t("IMPORT_RECHECK_SUBMIT")}
          </Button>
        </Group>
        {sent && <ImportRun submitted={sent.submitted} fileName={sent.fileName} />}
      </Stack>
    </form>
  );
}

/** The mapping kept under a name for the agency's next lists; the same name replaces the older one. */
function SaveTemplate({ record, mapping }: { record: ImportView; mapping: Record<string, ColumnTarget> }) {
  const t = useT();
  const { user } = useAuth();
  const save = useSaveTemplate();
  const agencies = useAgencies();
  const ownAgency = user?.role === "program_manager";
  const [name, setName] = useState("");
  const [agencyId, setAgencyId] = useState(record.agencyId ?? "");
  const [nameMissing, setNameMissing] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    try {
      await save.mutateAsync({
        name: name.trim(),
        mapping,
        agencyId: ownAgency ? (user?.agencyId ?? null) : agencyId || null,
      });
    } catch {
      // Shown from save.error.
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="import-save-template">
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t("IMPORT_TEMPLATE_SAVE_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {ownAgency
            ? t("IMPORT_TEMPLATE_SAVE_HINT_OWN", { agency: user?.agencyName ?? "" })
            : t("IMPORT_TEMPLATE_SAVE_HINT")}
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t("IMPORT_TEMPLATE_NAME")}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameMissing(false);
              save.reset();
            }}
            maxLength={80}
            required
            error={nameMissing ? t("IMPORT_TEMPLATE_NAME_REQUIRED") : undefined}
            style={{ flex: "1 1 14rem" }}
          />
          {!ownAgency && (
            <NativeSelect
              label={t("IMPORT_TEMPLATE_AGENCY")}
              value={agencyId}
              onChange={(e) => setAgencyId(e.currentTarget.value)}
              data={[
                { value: "", label: t("IMPORT_TEMPLATE_AGENCY_SHARED") },
                ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
              style={{ flex: "1 1 14rem" }}
            />
          )}
        </Group>
        {save.error != null && (
          <Alert color="red" role="alert" p="xs">
            {errorText(t, save.error)}
          </Alert>
        )}
        {save.isSuccess && (
          <Text fz="sm" c="teal.9" role="status" data-testid="import-template-saved">
            {t("IMPORT_TEMPLATE_SAVED", { name: save.data.name })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={save.isPending}>
            {t("IMPORT_TEMPLATE_SAVE")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
