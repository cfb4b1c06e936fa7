import "@mantine/charts/styles.css";
import { BarsList } from "@mantine/charts";
import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { areaFilters, type Role } from "../access/roles.ts";
import { api, withQuery } from "../api/client.ts";
import { areaLabel } from "../app/Shell.tsx";
import { formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { type Page, type PersonView, useEnrollmentCount, usePersonCount } from "../registry/api.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState } from "../ui/states.tsx";

type WaitingStatus =
  | "draft"
  | "submitted"
  | "verified"
  | "validated"
  | "selected"
  | "published"
  | "approved"
  | "paid"
  | "payment_failed";

/** The step of the flow each role acts on (register → verify → validate → rank → decree → pay → confirm). */
const WAITING: Record<Role, WaitingStatus[]> = {
  admin: ["submitted", "verified", "validated", "published"],
  enumerator: ["draft"],
  rt: ["draft"],
  village_operator: ["draft", "submitted"],
  kecamatan_officer: ["submitted", "verified"],
  program_manager: ["verified", "validated", "selected"],
  coordinator: ["validated", "selected"],
  approver: ["published"],
  bank_operator: ["approved", "payment_failed"],
  auditor: ["paid", "payment_failed"],
};

function WaitingCard({
  status,
  area,
  t,
}: {
  status: WaitingStatus;
  area: Record<string, string | undefined>;
  t: Translate;
}) {
  const count = useEnrollmentCount({ status, ...area });
  const to = withQuery("/penduduk", { status });
  return (
    <Card withBorder padding="md" component={Link} to={to}>
      <Text fz="sm" c="dimmed">
        {t(`WAIT_${status}`)}
      </Text>
      {count.isPending ? (
        <Skeleton h={32} w={60} mt={4} />
      ) : (
        <Text fz={28} fw={700} data-testid={`waiting-${status}`}>
          {count.isError ? "–" : formatNumber(count.data ?? 0, t.language)}
        </Text>
      )}
    </Card>
  );
}

function Stat({
  label,
  filters,
  to,
  t,
}: {
  label: string;
  filters: Record<string, string | undefined>;
  to: string;
  t: Translate;
}) {
  const count = usePersonCount(filters);
  return (
    <Card withBorder padding="md" component={Link} to={to}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      {count.isPending ? (
        <Skeleton h={32} w={80} mt={4} />
      ) : (
        <Text fz={28} fw={700}>
          {count.isError ? "–" : formatNumber(count.data ?? 0, t.language)}
        </Text>
      )}
    </Card>
  );
}

/** People per kecamatan (regency users) or per desa (kecamatan users), one count query per bar. */
function AreaBreakdown({ districtCode, t }: { districtCode?: string; t: Translate }) {
  const regions = useRegionIndex();
  const units = regions
    ? districtCode
      ? regions
          .villagesOf(districtCode)
          .map((v) => ({ code: v.code, name: v.name, filter: { villageCode: v.code } }))
      : regions.tree.districts.map((d) => ({ code: d.code, name: d.name, filter: { districtCode: d.code } }))
    : [];
  const counts = useQueries({
    queries: units.map((unit) => {
      const query = { ...unit.filter, page: 1, pageSize: 1 };
      return {
        queryKey: ["persons", "search", query],
        queryFn: () => api<Page<PersonView>>("/persons", { query }),
        select: (page: Page<PersonView>) => page.total,
        staleTime: 60_000,
      };
    }),
  });
  if (!regions || counts.some((c) => c.isPending)) return <Skeleton h={200} />;
  const failed = counts.find((c) => c.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  const data = units
    .map((unit, i) => ({ name: unit.name, value: counts[i]?.data ?? 0 }))
    .sort((a, b) => b.value - a.value);
  return (
    <BarsList
      data-testid="area-breakdown"
      data={data}
      barsLabel={districtCode ? t("VILLAGE") : t("DISTRICT")}
      valueLabel={t("HOME_PERSONS")}
      valueFormatter={(value) => formatNumber(value, t.language)}
      barColor="cyan.1"
      barTextColor="dark.9"
      barHeight={28}
    />
  );
}

export default function HomePage() {
  const t = useT();
  const { user } = useAuth();
  const area = areaFilters(user?.area ?? null);
  const statuses = user ? WAITING[user.role] : WAITING.admin;
  const showBreakdown = !area.villageCode;

  return (
    <>
      <PageHeader title={user ? t("HOME_GREETING", { name: user.name }) : t("HOME_TITLE")} />
      <Stack gap="lg">
        {user && (
          <Text c="dimmed" mt={-8}>
            {t(`ROLE_${user.role}`)} · {t("HOME_AREA", { area: areaLabel(t, user) })}
          </Text>
        )}
        <section aria-labelledby="waiting-heading">
          <Title order={2} fz="h4" mb="sm" id="waiting-heading">
            {t("HOME_WAITING")}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            {statuses.map((status) => (
              <WaitingCard key={status} status={status} area={area} t={t} />
            ))}
          </SimpleGrid>
        </section>
        <section aria-labelledby="summary-heading">
          <Title order={2} fz="h4" mb="sm" id="summary-heading">
            {t("HOME_SUMMARY")}
          </Title>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
            <Stat label={t("HOME_PERSONS")} filters={area} to="/penduduk" t={t} />
            <Stat
              label={t("HOME_NIK_TO_CHECK")}
              filters={{ ...area, nikStatus: "warning" }}
              to="/penduduk?nikStatus=warning"
              t={t}
            />
            <Stat
              label={t("HOME_NIK_INVALID")}
              filters={{ ...area, nikStatus: "invalid" }}
              to="/penduduk?nikStatus=invalid"
              t={t}
            />
          </SimpleGrid>
        </section>
        {showBreakdown && (
          <section aria-labelledby="breakdown-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4" id="breakdown-heading">
                {area.districtCode ? t("HOME_PER_VILLAGE") : t("HOME_PER_DISTRICT")}
              </Title>
              <Anchor component={Link} to="/penduduk" fz="sm">
                {t("HOME_OPEN_LIST")}
              </Anchor>
            </Group>
            <Card withBorder>
              <AreaBreakdown districtCode={area.districtCode} t={t} />
            </Card>
          </section>
        )}
      </Stack>
    </>
  );
}
