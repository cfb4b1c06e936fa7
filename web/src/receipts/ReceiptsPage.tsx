import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { formatNumber, formatProbability, formatRupiah, formatShare } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useBatches } from "../payments/api.ts";
import { useRegionIndex } from "../regions/regions.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type FlagView, type LeakageLevel, type LeakageView, useFlags, useLeakage } from "./api.ts";
import { areaName } from "./areas.ts";

/**
 * /penerimaan: for the paying agency and the Inspektorat, the skimming flags with their evidence and the leakage
 * per kecamatan, desa or batch; for those who verify, the way to the sample and to the distribution-point form.
 */
export default function ReceiptsPage() {
  const t = useT();
  const { user } = useAuth();
  const reads = user ? roleCan(user.role, "receipt.read") : false;
  const verifies = user ? roleCan(user.role, "receipt.verify") : false;
  return (
    <>
      <PageHeader
        title={t("RCPT_TITLE")}
        actions={
          verifies && (
            <>
              <Button component={Link} to="/penerimaan/sampel" variant="light" size="xs">
                {t("RCPT_OPEN_SAMPLES")}
              </Button>
              <Button component={Link} to="/penerimaan/titik-penyaluran" variant="light" size="xs">
                {t("RCPT_OPEN_POINT")}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Text c="dimmed" mt={-8}>
          {t("RCPT_INTRO")}
        </Text>
        {reads && <FlagsSection />}
        {reads && <LeakageSection />}
      </Stack>
    </>
  );
}

function FlagsSection() {
  const t = useT();
  const flags = useFlags();
  const regions = useRegionIndex();
  return (
    <section aria-labelledby="flags-heading">
      <Title order={2} fz="h4" id="flags-heading" mb={4}>
        {t("RCPT_FLAGS_TITLE")}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t("RCPT_FLAGS_HINT")}
      </Text>
      {flags.isPending ? (
        <LoadingState />
      ) : flags.error ? (
        <ErrorState error={flags.error} onRetry={() => void flags.refetch()} />
      ) : flags.data.items.length === 0 ? (
        <Card withBorder data-testid="receipt-flags-empty">
          <EmptyView title={t("RCPT_FLAGS_EMPTY")} description={t("RCPT_FLAGS_EMPTY_HINT")} />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="receipt-flags">
          {flags.data.items.map((flag) => (
            <FlagCard
              key={`${flag.level}:${flag.area}`}
              flag={flag}
              name={areaName(flag.level, flag.area, regions)}
              t={t}
            />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

/** One flag: where, which test, and the counts and amounts behind it; no person, line or complainant. */
function FlagCard({ flag, name, t }: { flag: FlagView; name: string; t: Translate }) {
  const e = flag.evidence;
  const n = (value: number) => formatNumber(value, t.language);
  const rows: [string, string][] = [
    [t("RCPT_EV_CONFIRMATIONS"), n(e.confirmations)],
    [
      t("RCPT_EV_SHORTFALLS"),
      t("RCPT_EV_SHORTFALLS_VALUE", {
        shortfalls: e.shortfalls,
        confirmations: e.confirmations,
        share: formatShare(e.confirmations ? e.shortfalls / e.confirmations : 0, t.language),
        notReceived: e.notReceived,
      }),
    ],
    [
      t("RCPT_EV_EXPECTED"),
      t("RCPT_EV_EXPECTED_VALUE", {
        expected: formatNumber(Math.round(e.expectedShortfalls * 10) / 10, t.language),
        baseline: formatShare(e.baselineShare, t.language),
      }),
    ],
  ];
  if (e.commonDeduction !== null)
    rows.push([
      t("RCPT_EV_DEDUCTION"),
      `${t("RCPT_EV_DEDUCTION_VALUE", { amount: formatRupiah(e.commonDeduction), count: e.commonDeductionCount })}${
        e.commonDeductionBaselineShare !== null
          ? `; ${t("RCPT_EV_DEDUCTION_BASELINE", { share: formatShare(e.commonDeductionBaselineShare, t.language) })}`
          : ""
      }`,
    ]);
  rows.push(
    [
      t("RCPT_EV_MONEY"),
      t("RCPT_EV_MONEY_VALUE", {
        paid: formatRupiah(e.paid),
        received: formatRupiah(e.received),
        missing: formatRupiah(e.paid - e.received),
      }),
    ],
    [t("RCPT_EV_REFUSED"), n(e.refused)],
    [
      t("RCPT_EV_OFFICER"),
      t("RCPT_EV_OFFICER_VALUE", { count: e.officerConfirmations, shortfalls: e.officerShortfalls }),
    ],
    [t("RCPT_EV_P"), formatProbability(flag.pValue, t.language)],
    [t("RCPT_EV_Q"), formatProbability(flag.qValue, t.language)],
  );
  const headingId = `flag-${flag.level}-${flag.area}`.replace(/[^\w-]/g, "_");
  return (
    <Card withBorder padding="md" data-testid="receipt-flag" aria-labelledby={headingId} component="article">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fz="xs" c="dimmed">
            {t.code(`RCPT_LEVEL_${flag.level}`)}
          </Text>
          <Title order={3} fz="h5" id={headingId} data-testid="receipt-flag-area">
            {name}
          </Title>
        </div>
        <Badge color="red" variant="light">
          {t.code(`RCPT_TEST_${flag.test}`)}
        </Badge>
      </Group>
      <Table fz="sm" verticalSpacing={4} data-testid="receipt-flag-evidence" aria-labelledby={headingId}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400} c="dimmed" w="45%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function LeakageSection() {
  const t = useT();
  const [level, setLevel] = useState<LeakageLevel>("kecamatan");
  const leakage = useLeakage(level);
  return (
    <section aria-labelledby="leakage-heading">
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="h4" id="leakage-heading">
          {t("RCPT_LEAKAGE_TITLE")}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t("RCPT_LEAKAGE_BY")}
          value={level}
          onChange={(value) => setLevel(value as LeakageLevel)}
          data={(["kecamatan", "desa", "batch"] as const).map((value) => ({
            value,
            label: t(`RCPT_LEAKAGE_LEVEL_${value}`),
          }))}
        />
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {t("RCPT_LEAKAGE_HINT")}
      </Text>
      {leakage.isPending ? (
        <LoadingState />
      ) : leakage.error ? (
        <ErrorState error={leakage.error} onRetry={() => void leakage.refetch()} />
      ) : leakage.data.items.length === 0 ? (
        <Card withBorder>
          <EmptyView title={t("RCPT_LEAKAGE_EMPTY")} />
        </Card>
      ) : (
        <Card withBorder>
          <LeakageTable items={leakage.data.items} t={t} />
        </Card>
      )}
    </section>
  );
}

/** Leakage rows with their interval; shared with the home page's card. */
export function LeakageTable({ items, t }: { items: LeakageView["items"]; t: Translate }) {
  const regions = useRegionIndex();
  const batches = useBatches();
  const label = (item: LeakageView["items"][number]) => {
    if (item.level !== "batch") return regions?.name(item.key) || item.key;
    const batch = batches.data?.items.find((b) => b.id === item.key);
    return batch
      ? `${t("RCPT_BATCH", { number: batch.number })} · ${batch.programName}`
      : item.key.slice(0, 8);
  };
  const share = (value: number | null) => (value === null ? "–" : formatShare(value, t.language));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="receipt-leakage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("RCPT_AREA")}</Table.Th>
            <Table.Th ta="right">{t("RCPT_ANSWERS")}</Table.Th>
            <Table.Th ta="right">{t("RCPT_PAID")}</Table.Th>
            <Table.Th ta="right">{t("RCPT_RECEIVED")}</Table.Th>
            <Table.Th ta="right">{t("RCPT_LEAKAGE")}</Table.Th>
            <Table.Th ta="right">
              {t("RCPT_INTERVAL", { confidence: formatShare(items[0]?.confidence ?? 0.95, t.language) })}
            </Table.Th>
            <Table.Th ta="right">{t("RCPT_REFUSED")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.level}:${item.key}`}>
              <Table.Td>{label(item)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(item.confirmed, t.language)} / {formatNumber(item.paidLines, t.language)}
              </Table.Td>
              <Table.Td ta="right">{formatRupiah(item.paid)}</Table.Td>
              <Table.Td ta="right">{formatRupiah(item.received)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {share(item.leakage)}
              </Table.Td>
              <Table.Td ta="right">
                {item.low === null ? "–" : `${share(item.low)} – ${share(item.high)}`}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(item.refused, t.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
