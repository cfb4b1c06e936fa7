import { Anchor, Button, Card, DataList, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { formatBirth } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useHousehold } from "./api.ts";
import { NikStatusBadge } from "./badges.tsx";

export default function HouseholdPage() {
  const t = useT();
  const { id } = useParams();
  const { abilities } = useAuth();
  const household = useHousehold(id);
  if (household.isPending) return <LoadingState />;
  if (household.isError)
    return <ErrorState error={household.error} onRetry={() => void household.refetch()} />;
  const h = household.data;
  const title = t("HOUSEHOLD_TITLE", { kk: h.kk });
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t("PERSONS_TITLE"), to: "/penduduk" }, { label: title }]}
        actions={
          abilities.editRegistry && (
            <Button component={Link} to={`/penduduk/baru?householdId=${h.id}`}>
              {t("HOUSEHOLD_ADD_MEMBER")}
            </Button>
          )
        }
      />
      <Card withBorder mb="md">
        <DataList size="sm" labelWidth={150}>
          <DataList.Item>
            <DataList.ItemLabel>{t("FIELD_address")}</DataList.ItemLabel>
            <DataList.ItemValue>{h.address ?? "–"}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t("COL_RT_RW")}</DataList.ItemLabel>
            <DataList.ItemValue>{h.rt || h.rw ? `${h.rt ?? "–"}/${h.rw ?? "–"}` : "–"}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t("COL_AREA")}</DataList.ItemLabel>
            <DataList.ItemValue>
              {h.village.name}, {h.district.name}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Card>
      <Card withBorder component="section" aria-labelledby="members-heading">
        <Title order={2} fz="h4" mb="sm" id="members-heading">
          {t("MEMBERS")}
        </Title>
        {h.members.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t("HOUSEHOLD_EMPTY")}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("COL_NAME")}</Table.Th>
                <Table.Th>{t("FIELD_householdRole")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("COL_BIRTH")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("COL_NIK_STATUS")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/penduduk/${m.id}`} fz="sm">
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.householdRole ? t(`HOUSEHOLD_ROLE_${m.householdRole}`) : "–"}</Table.Td>
                  <Table.Td visibleFrom="sm">{formatBirth(m, t.language)}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <NikStatusBadge status={m.nikStatus} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
