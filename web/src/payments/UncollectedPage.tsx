import { Badge, Button, Card, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { formatDate, formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useUncollected } from "./api.ts";

/** /belum-diambil: who in my desa or kecamatan has not collected their aid yet (seed 000 asked for this). */
export default function UncollectedPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useUncollected(page);
  return (
    <>
      <PageHeader title={t("PAY_UNCOLLECTED_TITLE")} />
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <EmptyView title={t("PAY_UNCOLLECTED_EMPTY")} />
      ) : (
        <Card withBorder>
          <Text mb="sm" fw={600}>
            {t("PAY_UNCOLLECTED_SUM", {
              count: formatNumber(list.data.total, t.language),
              amount: formatRupiah(list.data.amount),
            })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="uncollected">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("PAY_NAME")}</Table.Th>
                  <Table.Th>{t("PAY_RECON_village")}</Table.Th>
                  <Table.Th>{t("PAY_PROGRAM")}</Table.Th>
                  <Table.Th>{t("PAY_STATUS")}</Table.Th>
                  <Table.Th ta="right">{t("PAY_AMOUNT")}</Table.Th>
                  <Table.Th>{t("PAY_DEADLINE_SHORT")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td>
                      {i.villageName}
                      {i.rt ? ` · RT ${i.rt}` : ""}
                    </Table.Td>
                    <Table.Td>{i.programName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t.code(`PAY_LINE_${i.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatRupiah(i.amount)}</Table.Td>
                    <Table.Td>{formatDate(i.claimDeadline, t.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="sm">
            <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("PAY_PREV")}
            </Button>
            <Button
              variant="default"
              disabled={page * list.data.pageSize >= list.data.total}
              onClick={() => setPage(page + 1)}
            >
              {t("PAY_NEXT")}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}
