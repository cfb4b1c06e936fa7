import { Paper, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { Fragment } from "react";
import { formatNumber } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { type AreaCount, CATEGORIES, useReconciliationVillages } from "./reconciliation-api.ts";

function CountCells({ area, t }: { area: AreaCount; t: Translate }) {
  return (
    <>
      {CATEGORIES.map((c) => (
        <Table.Td key={c} className="salur-numeric">
          {formatNumber(area.counts[c], t.language)}
        </Table.Td>
      ))}
      <Table.Td className="salur-numeric">
        {t("RECON_AREA_DECIDED_OF", {
          decided: formatNumber(area.decided, t.language),
          total: formatNumber(area.total, t.language),
        })}
      </Table.Td>
    </>
  );
}

function AreaButton({
  label,
  name,
  pressed,
  onClick,
}: {
  label: string;
  name: string;
  pressed: boolean;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={pressed}
      aria-label={label}
      fz="sm"
      fw={pressed ? 700 : 500}
      c="var(--mantine-primary-color-filled)"
      td="underline"
      style={{ textAlign: "left", overflowWrap: "anywhere" }}
    >
      {name}
    </UnstyledButton>
  );
}

/** The desa of one kecamatan, read when the kecamatan is opened. */
function VillageRows({
  id,
  districtCode,
  villageCode,
  onVillage,
  t,
}: {
  id: string;
  districtCode: string;
  villageCode: string | undefined;
  onVillage: (code: string) => void;
  t: Translate;
}) {
  const villages = useReconciliationVillages(id, districtCode);
  if (villages.isPending)
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>
          <LoadingState />
        </Table.Td>
      </Table.Tr>
    );
  if (villages.isError)
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>
          <ErrorState error={villages.error} onRetry={() => void villages.refetch()} />
        </Table.Td>
      </Table.Tr>
    );
  return (
    <>
      {villages.data.map((v) => (
        <Table.Tr key={v.code ?? "?"} data-testid="reconciliation-village">
          <Table.Td pl="lg">
            {v.code ? (
              <AreaButton
                name={v.name}
                label={t("RECON_AREA_FILTER_VILLAGE", { name: v.name })}
                pressed={villageCode === v.code}
                onClick={() => onVillage(v.code as string)}
              />
            ) : (
              <Text fz="sm">{t("RECON_AREA_UNKNOWN")}</Text>
            )}
          </Table.Td>
          <CountCells area={v} t={t} />
        </Table.Tr>
      ))}
    </>
  );
}

/** The four sets per kecamatan (and, for the chosen one, per desa); choosing an area filters the lines. */
export function ReconciliationAreas({
  id,
  areas,
  districtCode,
  villageCode,
  onDistrict,
  onVillage,
  t,
}: {
  id: string;
  areas: AreaCount[];
  districtCode: string | undefined;
  villageCode: string | undefined;
  onDistrict: (code: string | undefined) => void;
  onVillage: (code: string) => void;
  t: Translate;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-areas-title">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="recon-areas-title">
          {t("RECON_AREAS_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("RECON_AREAS_HINT")}
        </Text>
        {areas.length === 0 ? (
          <Text fz="sm">{t("RECON_AREA_EMPTY")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={6} striped data-testid="reconciliation-areas">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("RECON_AREA_DISTRICT")}</Table.Th>
                  {CATEGORIES.map((c) => (
                    <Table.Th key={c} className="salur-numeric">
                      {t.code(`RECON_SET_${c}`)}
                    </Table.Th>
                  ))}
                  <Table.Th className="salur-numeric">{t("RECON_AREA_DECIDED")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {areas.map((a) => {
                  const open = a.code !== null && a.code === districtCode;
                  return (
                    <Fragment key={a.code ?? "?"}>
                      <Table.Tr data-testid="reconciliation-district">
                        <Table.Td>
                          {a.code ? (
                            <AreaButton
                              name={a.name}
                              label={t("RECON_AREA_SHOW_DISTRICT", { name: a.name })}
                              pressed={open}
                              onClick={() => onDistrict(open ? undefined : (a.code as string))}
                            />
                          ) : (
                            <Text fz="sm">{t("RECON_AREA_UNKNOWN")}</Text>
                          )}
                        </Table.Td>
                        <CountCells area={a} t={t} />
                      </Table.Tr>
                      {open && (
                        <VillageRows
                          id={id}
                          districtCode={a.code as string}
                          villageCode={villageCode}
                          onVillage={onVillage}
                          t={t}
                        />
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
