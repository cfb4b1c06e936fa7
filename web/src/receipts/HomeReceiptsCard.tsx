import { Card, SimpleGrid, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { HomeSummary } from "../../../src/home/schemas.ts";
import { formatNumber, formatShare } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";

/**
 * The home page's receipts card: the open skimming flags and leakage per kecamatan, both from the one home
 * summary request (names included), so the home page asks nothing more for them.
 */
export function HomeReceiptsCard({
  receipts,
  flagsCard,
  t,
}: {
  receipts: NonNullable<HomeSummary["receipts"]>;
  flagsCard: ReactNode;
  t: Translate;
}) {
  const share = (value: number | null) => (value === null ? "–" : formatShare(value, t.language));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      {flagsCard}
      <Card withBorder padding="md" style={{ gridColumn: "span 2" }}>
        {receipts.leakage.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t("RCPT_HOME_LEAKAGE_EMPTY")}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid="home-leakage">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("RCPT_LEAKAGE_LEVEL_kecamatan")}</Table.Th>
                <Table.Th ta="right">{t("RCPT_ANSWERS")}</Table.Th>
                <Table.Th ta="right">{t("RCPT_LEAKAGE")}</Table.Th>
                <Table.Th ta="right">
                  {t("RCPT_INTERVAL", {
                    confidence: formatShare(receipts.leakage[0]?.confidence ?? 0.95, t.language),
                  })}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {receipts.leakage.map((k) => (
                <Table.Tr key={k.key}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(k.confirmed, t.language)} / {formatNumber(k.paidLines, t.language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {share(k.leakage)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {k.low === null ? "–" : `${share(k.low)} – ${share(k.high)}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </SimpleGrid>
  );
}
