import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { LayoutKind } from "../../../src/payments/codes.ts";
import {
  BRI_COLLECTIVE_LAYOUT,
  BRI_RESULT_LAYOUT,
  EXPORT_FIELDS,
  exportLayoutSchema,
  RESULT_FIELDS,
  resultLayoutSchema,
} from "../../../src/payments/layout.ts";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { type LayoutView, useSaveLayout } from "./api.ts";

type Delimiter = "," | ";" | "|";
interface Column {
  /** Stable across moves, so a moved row keeps its inputs and the keyboard focus can follow it. */
  key: number;
  header: string;
  field: string;
}
export interface LayoutDraft {
  kind: LayoutKind;
  code: string;
  name: string;
  delimiter: Delimiter;
  columns: Column[];
  /** The bank's words for each outcome of a result file, as typed: comma-separated. */
  paid: string;
  failed: string;
  returned: string;
}

let nextKey = 0;
const column = (header: string, field: string): Column => ({ key: ++nextKey, header, field });

/** A draft from a saved or built-in layout; a copy (of a built-in one) starts without a name or code. */
export function draftOf(view: Pick<LayoutView, "kind" | "layout">, copy = false): LayoutDraft {
  const words = (list: readonly string[] | undefined) => (list ?? []).join(", ");
  const outcomes = "outcomes" in view.layout ? view.layout.outcomes : undefined;
  return {
    kind: view.kind,
    code: copy ? "" : view.layout.code,
    name: copy ? "" : view.layout.name,
    delimiter: view.layout.delimiter,
    columns: view.layout.columns.map((c) => column(c.header, c.field)),
    paid: words(outcomes?.paid),
    failed: words(outcomes?.failed),
    returned: words(outcomes?.returned),
  };
}

/** A new layout starts as a copy of the built-in BRI one of its kind: most banks differ from it in a few columns. */
export function newDraft(kind: LayoutKind): LayoutDraft {
  return kind === "export"
    ? draftOf({ kind, layout: BRI_COLLECTIVE_LAYOUT }, true)
    : draftOf({ kind, layout: BRI_RESULT_LAYOUT }, true);
}

function layoutOf(draft: LayoutDraft) {
  const words = (text: string) =>
    text
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean);
  const base = {
    code: draft.code.trim(),
    name: draft.name.trim(),
    delimiter: draft.delimiter,
    columns: draft.columns.map((c) => ({ header: c.header.trim(), field: c.field })),
  };
  return draft.kind === "export"
    ? base
    : {
        ...base,
        outcomes: { paid: words(draft.paid), failed: words(draft.failed), returned: words(draft.returned) },
      };
}

const DELIMITERS: { value: Delimiter; label: string }[] = [
  { value: ";", label: "PAY_DELIMITER_SEMICOLON" },
  { value: ",", label: "PAY_DELIMITER_COMMA" },
  { value: "|", label: "PAY_DELIMITER_PIPE" },
];

/**
 * Edits one layout: name, code, delimiter, the columns in file order (header text and what each carries), and
 * for a result file the bank's words for paid, failed and returned. Checked with the server's own schema before
 * it is sent; a refused draft stays as typed, with each fault beside its input.
 */
export function LayoutEditor({
  initial,
  isNew,
  onSaved,
  onCancel,
}: {
  initial: LayoutDraft;
  isNew: boolean;
  onSaved: (saved: LayoutView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const save = useSaveLayout();
  const [draft, setDraft] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  // A fresh object each time, so focusing the same control twice (two moves up in a row) still runs.
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  const serverErrors = (save.error instanceof ApiError ? save.error.fieldErrors : []).map((e) => ({
    ...e,
    field: e.field.replace(/^layout\./, ""),
  }));
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);
  const fields: readonly string[] = draft.kind === "export" ? EXPORT_FIELDS : RESULT_FIELDS;

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const set = (patch: Partial<LayoutDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setColumn = (index: number, patch: Partial<Column>) =>
    setDraft((d) => ({ ...d, columns: d.columns.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const columns = [...draft.columns];
    const [moved] = columns.splice(index, 1);
    if (!moved || target < 0 || target > columns.length) return;
    columns.splice(target, 0, moved);
    set({ columns });
    // The focus follows the moved column; at the edge the other arrow is the one still usable.
    const edge = (by === -1 && target === 0) || (by === 1 && target === columns.length - 1);
    const arrow = by === -1 ? (edge ? "down" : "up") : edge ? "up" : "down";
    setFocus({ id: `layout-col-${moved.key}-${arrow}` });
  };
  const remove = (index: number) => {
    const columns = draft.columns.filter((_, i) => i !== index);
    set({ columns });
    const neighbour = columns[Math.min(index, columns.length - 1)];
    setFocus({ id: neighbour ? `layout-col-${neighbour.key}-header` : "layout-add-column" });
  };
  const add = () => {
    const added = column("", fields[0] ?? "");
    set({ columns: [...draft.columns, added] });
    setFocus({ id: `layout-col-${added.key}-header` });
  };
  const switchKind = (kind: LayoutKind) => {
    if (kind === draft.kind) return;
    const fresh = newDraft(kind);
    setDraft({ ...fresh, code: draft.code, name: draft.name });
    setClientErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const layout = layoutOf(draft);
    const parsed = (draft.kind === "export" ? exportLayoutSchema : resultLayoutSchema).safeParse(layout);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, layout));
      return;
    }
    setClientErrors([]);
    try {
      const saved = await save.mutateAsync(
        draft.kind === "export"
          ? { kind: "export", layout: exportLayoutSchema.parse(layout) }
          : { kind: "result", layout: resultLayoutSchema.parse(layout) },
      );
      onSaved(saved);
    } catch {
      // Shown from save.error; the draft stays as typed.
    }
  };

  const faults = clientErrors.length + serverErrors.length;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="layout-editor-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="layout-editor-title">
          {isNew ? t("PAY_LAYOUT_NEW") : t("PAY_LAYOUT_EDIT", { name: initial.name })}
        </Title>
        {faults > 0 && (
          <Alert color="red" role="alert">
            {t("FIELD_ERRORS_BELOW")}
          </Alert>
        )}
        {save.error != null && serverErrors.length === 0 && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        {isNew && (
          <div>
            <Text fz="sm" fw={500} id="layout-kind-label" mb={4}>
              {t("PAY_LAYOUT_KIND")}
            </Text>
            <SegmentedControl
              aria-labelledby="layout-kind-label"
              value={draft.kind}
              onChange={(v) => switchKind(v as LayoutKind)}
              data={[
                { value: "export", label: t("PAY_LAYOUT_KIND_export") },
                { value: "result", label: t("PAY_LAYOUT_KIND_result") },
              ]}
            />
          </div>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t("PAY_LAYOUT_NAME")}
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={messages.name}
            required
          />
          <TextInput
            label={t("PAY_LAYOUT_CODE")}
            description={t("PAY_LAYOUT_CODE_HINT")}
            value={draft.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={messages.code}
            required
          />
          <NativeSelect
            label={t("PAY_LAYOUT_DELIMITER")}
            value={draft.delimiter}
            onChange={(e) => set({ delimiter: e.currentTarget.value as Delimiter })}
            data={DELIMITERS.map((d) => ({ value: d.value, label: t.code(d.label) }))}
            error={messages.delimiter}
          />
        </Group>
        <Title order={3} fz="h5" id="layout-columns-title">
          {t("PAY_LAYOUT_COLUMNS")}
        </Title>
        {messages.columns && (
          <Text c="red.8" fz="sm" role="alert">
            {messages.columns}
          </Text>
        )}
        <Stack
          gap="xs"
          component="ol"
          aria-labelledby="layout-columns-title"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {draft.columns.map((c, i) => (
            <li key={c.key} data-testid="layout-column">
              <ColumnRow
                t={t}
                column={c}
                index={i}
                count={draft.columns.length}
                fields={fields}
                headerError={messages[`columns.${i}.header`]}
                fieldError={messages[`columns.${i}.field`]}
                onChange={(patch) => setColumn(i, patch)}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              />
            </li>
          ))}
        </Stack>
        <Group>
          <Button id="layout-add-column" variant="light" onClick={add} disabled={draft.columns.length >= 30}>
            {t("PAY_LAYOUT_ADD_COLUMN")}
          </Button>
        </Group>
        {draft.kind === "result" && (
          <>
            <Title order={3} fz="h5">
              {t("PAY_LAYOUT_OUTCOMES")}
            </Title>
            <Group grow align="flex-start">
              {(["paid", "failed", "returned"] as const).map((outcome) => (
                <TextInput
                  key={outcome}
                  label={t(`PAY_LAYOUT_OUTCOME_${outcome}`)}
                  description={t("PAY_LAYOUT_OUTCOME_HINT")}
                  value={draft[outcome]}
                  onChange={(e) => set({ [outcome]: e.currentTarget.value })}
                  error={messages[`outcomes.${outcome}`]}
                  required
                />
              ))}
            </Group>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("CANCEL")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("PAY_LAYOUT_SAVE")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ColumnRow({
  t,
  column: c,
  index,
  count,
  fields,
  headerError,
  fieldError,
  onChange,
  onMove,
  onRemove,
}: {
  t: Translate;
  column: Column;
  index: number;
  count: number;
  fields: readonly string[];
  headerError: string | undefined;
  fieldError: string | undefined;
  onChange: (patch: Partial<Column>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <Text fz="sm" c="dimmed" w="2rem" mt={30} ta="right" aria-hidden>
        {n}.
      </Text>
      <TextInput
        id={`layout-col-${c.key}-header`}
        label={t("PAY_LAYOUT_HEADER", { n })}
        value={c.header}
        onChange={(e) => onChange({ header: e.currentTarget.value })}
        error={headerError}
        required
        style={{ flex: 1 }}
      />
      <NativeSelect
        label={t("PAY_LAYOUT_FIELD", { n })}
        value={c.field}
        onChange={(e) => onChange({ field: e.currentTarget.value })}
        data={fields.map((f) => ({ value: f, label: t.code(`PAY_FIELD_${f}`) }))}
        error={fieldError}
        style={{ flex: 1 }}
      />
      <Group gap={4} mt={26} wrap="nowrap">
        <ActionIcon
          id={`layout-col-${c.key}-up`}
          variant="default"
          size="lg"
          aria-label={t("PAY_LAYOUT_MOVE_UP", { n })}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          id={`layout-col-${c.key}-down`}
          variant="default"
          size="lg"
          aria-label={t("PAY_LAYOUT_MOVE_DOWN", { n })}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </ActionIcon>
        <ActionIcon
          variant="light"
          color="red"
          size="lg"
          aria-label={t("PAY_LAYOUT_REMOVE", { n })}
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Group>
    </Group>
  );
}
