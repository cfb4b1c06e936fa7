import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatBirth, formatDateTime } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";
import { FieldCheckHints, formatPercent, MatchEvidence } from "./ReconciliationEvidence.tsx";
import type { ReconciliationCategory, ReconciliationLine } from "./reconciliation-api.ts";

export const SET_COLOR: Record<ReconciliationCategory, string> = {
  matched: "teal",
  conflict: "orange",
  central_only: "red",
  regional_only: "blue",
};

/** The fields shown side by side; the key is the conflict code the server reports when they differ. */
const SIDE_FIELDS = ["name", "nik", "kk", "birth_date", "sex", "village", "rt", "rw", "address"] as const;
type SideField = (typeof SIDE_FIELDS)[number];

function centralValue(line: ReconciliationLine, field: SideField, t: Translate): string | null {
  const c = line.central;
  if (!c) return null;
  switch (field) {
    case "name":
      return c.name;
    case "nik":
      return c.nik;
    case "kk":
      return c.kk;
    case "birth_date":
      return c.birthDate || c.birthYear ? formatBirth(c, t.language) : null;
    case "sex":
      return c.sex ? t.code(`SEX_${c.sex}`, {}, c.sex) : null;
    case "village":
      return c.village?.name ?? null;
    case "rt":
      return c.rt;
    case "rw":
      return c.rw;
    case "address":
      return c.address;
  }
}

function regionalValue(line: ReconciliationLine, field: SideField, t: Translate): string | null {
  const p = line.person;
  if (!p) return null;
  switch (field) {
    case "name":
      return p.name;
    case "nik":
      return p.nik;
    case "kk":
      return p.kk;
    case "birth_date":
      return p.birthDate || p.birthYear ? formatBirth(p, t.language) : null;
    case "sex":
      return t.code(`SEX_${p.sex}`, {}, p.sex);
    case "village":
      return p.village.name;
    case "rt":
      return p.rt;
    case "rw":
      return p.rw;
    case "address":
      return p.address;
  }
}

/** The central row and the registry person in two columns, one row per field; a differing field stands out. */
function SideBySide({ line, t }: { line: ReconciliationLine; t: Translate }) {
  const differs = new Set(line.conflicts);
  const rows = SIDE_FIELDS.map((field) => ({
    field,
    central: centralValue(line, field, t),
    regional: regionalValue(line, field, t),
    differs: differs.has(field),
  })).filter((r) => r.central || r.regional);
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder layout="fixed" verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={92}>{t("RECON_SIDE_FIELD")}</Table.Th>
            <Table.Th>{t("RECON_SIDE_CENTRAL")}</Table.Th>
            <Table.Th>{t("RECON_SIDE_REGIONAL")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.field}
              data-differs={r.differs || undefined}
              bg={r.differs ? "var(--mantine-color-orange-light)" : undefined}
            >
              <Table.Th scope="row">
                {t.code(`RECON_FIELD_${r.field}`)}
                {r.differs && (
                  <Text component="span" fz="xs" c="orange.9" display="block">
                    {t("RECON_DIFFERS_MARK")}
                  </Text>
                )}
              </Table.Th>
              <Table.Td fw={r.differs ? 700 : undefined} style={{ overflowWrap: "anywhere" }}>
                {r.central ?? "—"}
              </Table.Td>
              <Table.Td fw={r.differs ? 700 : undefined} style={{ overflowWrap: "anywhere" }}>
                {r.regional ?? "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ReconciliationLineCard({
  line,
  number,
  t,
  selectable,
  selected,
  onSelect,
}: {
  line: ReconciliationLine;
  /** Its place in the filtered list, for the checkbox's name. */
  number: number;
  t: Translate;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const conflicts = line.conflicts.map((f) => t.code(`RECON_FIELD_${f}`, {}, f));
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="reconciliation-line"
      data-category={line.category}
      data-decision={line.decision ?? ""}
      style={selected ? { borderColor: "var(--mantine-primary-color-filled)" } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs" align="center" wrap="nowrap" style={{ minWidth: 0 }}>
            {selectable && (
              <Checkbox
                checked={selected}
                onChange={(e) => onSelect(e.currentTarget.checked)}
                aria-label={t("RECON_LINE_SELECT", { n: number })}
              />
            )}
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: "anywhere" }} data-testid="reconciliation-line-name">
                {line.central?.name ?? line.person?.name ?? "—"}
              </Text>
              <Text fz="xs" c="dimmed">
                {[
                  line.centralRow !== null
                    ? t("RECON_LINE_CENTRAL_ROW", { row: line.centralRow })
                    : t("RECON_LINE_NO_CENTRAL"),
                  line.village?.name ?? t("RECON_AREA_UNKNOWN"),
                  line.person ? null : t("RECON_LINE_NO_PERSON"),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Stack>
          </Group>
          <Group gap={4} justify="flex-end">
            <Badge color={SET_COLOR[line.category]} variant="light">
              {t.code(`RECON_SET_${line.category}`)}
            </Badge>
            {line.probability !== null && (
              <Badge color="gray" variant="outline">
                {t("RECON_PROBABILITY", { probability: formatPercent(line.probability, t.language) })}
              </Badge>
            )}
          </Group>
        </Group>
        <SideBySide line={line} t={t} />
        {conflicts.length > 0 && (
          <Text fz="sm" fw={600} c="orange.9" data-testid="reconciliation-conflicts">
            {t("RECON_DIFFERS", { fields: conflicts.join(", ") })}
          </Text>
        )}
        {(line.category === "matched" || line.category === "conflict") && <MatchEvidence line={line} t={t} />}
        {line.category === "central_only" && <FieldCheckHints line={line} t={t} />}
        {line.category === "regional_only" && (
          <Text fz="sm" c="dimmed">
            {t("RECON_REGIONAL_NOTE")}
          </Text>
        )}
        <Group justify="space-between" gap="xs" align="flex-start">
          <div data-testid="reconciliation-decision">
            {line.decision ? (
              <>
                <Text fz="sm" fw={600}>
                  {t("RECON_DECIDED_BY", {
                    decision: t.code(`RECON_DECISION_${line.decision}`, {}, line.decision),
                    name: line.decidedByName ?? "—",
                    when: formatDateTime(line.decidedAt, t.language),
                  })}
                </Text>
                {line.decisionReason && (
                  <Text fz="sm" style={{ overflowWrap: "anywhere" }}>
                    {t("RECON_DECIDED_REASON", { reason: line.decisionReason })}
                  </Text>
                )}
              </>
            ) : (
              <Text fz="sm" c="dimmed">
                {t("RECON_UNDECIDED")}
              </Text>
            )}
          </div>
          {line.person && (
            <Anchor component={Link} to={`/penduduk/${line.person.id}`} fz="sm">
              {t("RECON_OPEN_PERSON")}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
