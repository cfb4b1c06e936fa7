import "@mantine/charts/styles.css";
import { BarsList } from "@mantine/charts";
import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { withQuery } from "../api/client.ts";
import { areaLabel } from "../app/Shell.tsx";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { HomeReceiptsCard } from "../receipts/HomeReceiptsCard.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState } from "../ui/states.tsx";
import { type HomeSummary, useHomeSummary } from "./api.ts";

/** A figure that opens the list it counts: the list's total is the same number (src/home/home.test.ts). */
function CountCard({
  label,
  count,
  to,
  testId,
  t,
  note,
}: {
  label: string;
  count: number;
  to: string;
  testId?: string;
  t: Translate;
  note?: ReactNode;
}) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId ? `${testId}-count` : undefined}>
        {formatNumber(count, t.language)}
      </Text>
      {note}
    </Card>
  );
}

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}

function Waiting({ summary, role, t }: { summary: HomeSummary; role: string | undefined; t: Translate }) {
  if (summary.queue.length === 0) {
    const shortcut =
      role === "auditor" ? (
        <Button component={Link} to="/audit" variant="light" size="xs">
          {t("HOME_AUDIT")}
        </Button>
      ) : role === "coordinator" ? (
        <Button component={Link} to="/tumpang-tindih" variant="light" size="xs">
          {t("HOME_OPEN_OVERLAP")}
        </Button>
      ) : role === "admin" ? (
        <Button component={Link} to="/pengguna" variant="light" size="xs">
          {t("HOME_OPEN_USERS")}
        </Button>
      ) : null;
    return (
      <Card withBorder padding="md">
        <Group justify="space-between">
          <Text fz="sm">{t.code(`HOME_NO_DECISIONS_${role}`, {}, t("HOME_NO_DECISIONS"))}</Text>
          {shortcut}
        </Group>
      </Card>
    );
  }
  const total = summary.queue.reduce((sum, q) => sum + q.count, 0);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {summary.queue.map(({ status, count }) => (
          <CountCard
            key={status}
            label={t.code(`WAIT_${status}`, {}, t.code(`STATUS_${status}`, {}, status))}
            count={count}
            to={withQuery("/antrian", { status })}
            testId={`waiting-${status}`}
            t={t}
          />
        ))}
      </SimpleGrid>
      {total === 0 && (
        <Text c="dimmed" fz="sm">
          {t("HOME_NOTHING_WAITING")}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The home page of every role from one request: what waits for the caller, the applications of their area by
 * status, the register's figures and the audit trail's, each shown only to a role that may open its list.
 */
export default function HomePage() {
  const t = useT();
  const { user } = useAuth();
  const summary = useHomeSummary();

  return (
    <>
      <PageHeader title={user ? t("HOME_GREETING", { name: user.name }) : t("HOME_TITLE")} />
      <Stack gap="lg">
        {user && (
          <Text c="dimmed" mt={-8}>
            {t(`ROLE_${user.role}`)} · {t("HOME_AREA", { area: areaLabel(t, user) })}
          </Text>
        )}
        {summary.isPending ? (
          <Skeleton h={240} />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <>
            <Section id="waiting-heading" title={t("HOME_WAITING")}>
              <Waiting summary={summary.data} role={user?.role} t={t} />
            </Section>
            {summary.data.audit && (
              <Section id="audit-heading" title={t("HOME_AUDIT")}>
                <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
                  <CountCard
                    label={t("HOME_AUDIT_ENTRIES")}
                    count={summary.data.audit.entries}
                    to="/audit"
                    testId="audit-entries"
                    t={t}
                  />
                  <CountCard
                    label={t("HOME_AUDIT_CHECKPOINTS")}
                    count={summary.data.audit.checkpoints}
                    to="/audit#checkpoints"
                    t={t}
                    note={
                      <Text fz="xs" c="dimmed">
                        {summary.data.audit.lastCheckpointAt
                          ? t("HOME_AUDIT_LAST", {
                              at: formatDateTime(summary.data.audit.lastCheckpointAt, t.language),
                            })
                          : t("HOME_AUDIT_NEVER")}
                      </Text>
                    }
                  />
                </SimpleGrid>
              </Section>
            )}
            {summary.data.receipts && (
              <Section
                id="receipts-heading"
                title={t("RCPT_HOME_TITLE")}
                action={
                  <Anchor component={Link} to="/penerimaan" fz="sm">
                    {t("HOME_OPEN_LIST")}
                  </Anchor>
                }
              >
                <HomeReceiptsCard
                  receipts={summary.data.receipts}
                  t={t}
                  flagsCard={
                    <CountCard
                      label={t("RCPT_HOME_FLAGS")}
                      count={summary.data.receipts.flags}
                      to="/penerimaan"
                      testId="home-receipt-flags"
                      t={t}
                    />
                  }
                />
              </Section>
            )}
            {summary.data.pipeline && (
              <Section id="pipeline-heading" title={t("HOME_PIPELINE")}>
                {summary.data.pipeline.length === 0 ? (
                  <Text c="dimmed" fz="sm">
                    {t("HOME_PIPELINE_EMPTY")}
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
                    {summary.data.pipeline.map(({ status, count }) => (
                      <CountCard
                        key={status}
                        label={t.code(`STATUS_${status}`, {}, status)}
                        count={count}
                        to={withQuery("/antrian", { status })}
                        testId={`pipeline-${status}`}
                        t={t}
                      />
                    ))}
                  </SimpleGrid>
                )}
              </Section>
            )}
            {summary.data.registry && (
              <Section id="summary-heading" title={t("HOME_SUMMARY")}>
                <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
                  <CountCard
                    label={t("HOME_PERSONS")}
                    count={summary.data.registry.persons}
                    to="/penduduk"
                    t={t}
                  />
                  <CountCard
                    label={t("HOME_NIK_TO_CHECK")}
                    count={summary.data.registry.nikWarning}
                    to="/penduduk?nikStatus=warning"
                    t={t}
                  />
                  <CountCard
                    label={t("HOME_NIK_INVALID")}
                    count={summary.data.registry.nikInvalid}
                    to="/penduduk?nikStatus=invalid"
                    t={t}
                  />
                </SimpleGrid>
              </Section>
            )}
            {summary.data.registry?.breakdown && (
              <Section
                id="breakdown-heading"
                title={
                  summary.data.registry.breakdown.level === "village"
                    ? t("HOME_PER_VILLAGE")
                    : t("HOME_PER_DISTRICT")
                }
                action={
                  <Anchor component={Link} to="/penduduk" fz="sm">
                    {t("HOME_OPEN_LIST")}
                  </Anchor>
                }
              >
                <Card withBorder>
                  <BarsList
                    data-testid="area-breakdown"
                    data={summary.data.registry.breakdown.items.map((i) => ({
                      name: i.name,
                      value: i.persons,
                    }))}
                    barsLabel={
                      summary.data.registry.breakdown.level === "village" ? t("VILLAGE") : t("DISTRICT")
                    }
                    valueLabel={t("HOME_PERSONS")}
                    valueFormatter={(value) => formatNumber(value, t.language)}
                    barColor="cyan.1"
                    barTextColor="dark.9"
                    barHeight={28}
                  />
                </Card>
              </Section>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
