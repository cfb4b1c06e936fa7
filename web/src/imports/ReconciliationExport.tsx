import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import type { Translate } from "../i18n/language.tsx";
import { CATEGORIES, exportUrl, type ReconciliationCategory } from "./reconciliation-api.ts";

/**
 * Every set (and all lines) as XLSX or CSV for the coordination meeting or the field check, over the area
 * chosen below. Full NIK and KK only for roles entitled to them; the server writes that export to the audit log.
 */
export function ReconciliationExport({
  id,
  districtCode,
  villageCode,
  areaName,
  mayExportIdentity,
  t,
}: {
  id: string;
  districtCode: string | undefined;
  villageCode: string | undefined;
  areaName: string | null;
  mayExportIdentity: boolean;
  t: Translate;
}) {
  const [fullIdentity, setFullIdentity] = useState(false);
  const identity = fullIdentity && mayExportIdentity ? "full" : "masked";
  const sets: (ReconciliationCategory | undefined)[] = [undefined, ...CATEGORIES];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-export-title">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="recon-export-title">
          {t("RECON_EXPORT_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("RECON_EXPORT_HINT", { area: areaName ?? t("RECON_EXPORT_AREA_ALL") })}
        </Text>
        {mayExportIdentity && (
          <Checkbox
            label={t("RECON_EXPORT_FULL_ID")}
            checked={fullIdentity}
            onChange={(e) => setFullIdentity(e.currentTarget.checked)}
          />
        )}
        <Table verticalSpacing={4} data-testid="reconciliation-export">
          <Table.Tbody>
            {sets.map((category) => {
              const name = category ? t.code(`RECON_SET_${category}`) : t("RECON_SET_ALL");
              const href = (format: "xlsx" | "csv") =>
                exportUrl(id, { category, districtCode, villageCode }, format, identity);
              return (
                <Table.Tr key={category ?? "all"}>
                  <Table.Th scope="row" fz="sm" fw={category ? 500 : 700}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button component="a" href={href("xlsx")} download variant="light" size="compact-sm">
                        XLSX
                        {/* The name starts with what is seen, as speech input needs (axe: label-content-name-mismatch). */}
                        <VisuallyHidden> {t("RECON_EXPORT_OF", { set: name })}</VisuallyHidden>
                      </Button>
                      <Button component="a" href={href("csv")} download variant="light" size="compact-sm">
                        CSV
                        {/* The name starts with what is seen, as speech input needs (axe: label-content-name-mismatch). */}
                        <VisuallyHidden> {t("RECON_EXPORT_OF", { set: name })}</VisuallyHidden>
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
