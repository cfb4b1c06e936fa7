import {
  Alert,
  Anchor,
  Button,
  Card,
  DataList,
  Drawer,
  Grid,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { HistoryTimeline } from "../audit/HistoryTimeline.tsx";
import { VerificationSection } from "../civil-registry/VerificationSection.tsx";
import { ageOn, formatBirth, formatRupiah } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { ApplicationPanel } from "../workflow/ApplicationPanel.tsx";
import { type Issue, type PersonDetail, useHousehold, usePerson } from "./api.ts";
import { BusinessForm } from "./BusinessForm.tsx";
import { EnrollmentStatusBadge, NikStatusBadge } from "./badges.tsx";
import { EnrollForm } from "./EnrollForm.tsx";
import { IdentityReveal } from "./IdentityReveal.tsx";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function enumLabel(t: Translate, prefix: string, value: string | null): string {
  return value ? t.code(`${prefix}_${value}`, {}, value) : t("NOT_RECORDED");
}

function HouseholdSection({ person, t }: { person: PersonDetail; t: Translate }) {
  const household = useHousehold(person.householdId);
  const { abilities } = useAuth();
  if (!person.householdId) {
    return (
      <Section
        title={t("PERSON_HOUSEHOLD")}
        action={
          abilities.editRegistry && (
            <Button size="xs" variant="light" component={Link} to={`/kk/baru?forPerson=${person.id}`}>
              {t("HOUSEHOLD_ADD")}
            </Button>
          )
        }
      >
        <Text c="dimmed" fz="sm">
          {t("PERSON_NO_HOUSEHOLD")}
        </Text>
      </Section>
    );
  }
  return (
    <Section
      title={t("PERSON_HOUSEHOLD")}
      action={
        <Anchor component={Link} to={`/kk/${person.householdId}`} fz="sm">
          {t("OPEN_HOUSEHOLD")}
        </Anchor>
      }
    >
      {household.isPending ? (
        <LoadingState />
      ) : household.isError ? (
        <ErrorState error={household.error} onRetry={() => void household.refetch()} />
      ) : (
        <Stack gap="xs">
          <Text fz="sm">
            {t("FIELD_kk")}: <span style={{ fontFamily: "monospace" }}>{household.data.kk}</span>
          </Text>
          <List spacing={4} fz="sm" listStyleType="none" p={0}>
            {household.data.members.map((member) => (
              <List.Item key={member.id}>
                {member.id === person.id ? (
                  <Text span fw={600} fz="sm">
                    {member.name}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/penduduk/${member.id}`} fz="sm">
                    {member.name}
                  </Anchor>
                )}{" "}
                <Text span c="dimmed" fz="sm">
                  · {enumLabel(t, "HOUSEHOLD_ROLE", member.householdRole)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Section>
  );
}

export default function PersonDetailPage() {
  const t = useT();
  const { id } = useParams();
  const location = useLocation();
  const { abilities } = useAuth();
  const person = usePerson(id);
  const saved = (location.state as { warnings?: Issue[]; saved?: boolean } | null) ?? null;
  const [openApplication, setOpenApplication] = useState<string | null>(null);

  if (person.isPending) return <LoadingState />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  return (
    <>
      <PageHeader
        title={p.name}
        crumbs={[{ label: t("PERSONS_TITLE"), to: "/penduduk" }, { label: p.name }]}
        actions={
          abilities.editRegistry && (
            <Button component={Link} to={`/penduduk/${p.id}/ubah`}>
              {t("EDIT")}
            </Button>
          )
        }
      />
      {saved?.saved && (
        <Alert
          color={saved.warnings?.length ? "yellow" : "teal"}
          mb="md"
          role="status"
          title={
            saved.warnings?.length ? t("PERSON_SAVED_WITH_WARNINGS") : t("PERSON_SAVED", { name: p.name })
          }
        >
          {saved.warnings?.length ? (
            <List fz="sm">
              {saved.warnings.map((w) => (
                <List.Item key={w.code}>{t.code(w.code, {}, w.message)}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("PERSON_IDENTITY")}>
            <DataList size="sm" labelWidth={150}>
              <Item label={t("FIELD_nik")}>
                <Group gap="xs">
                  <span style={{ fontFamily: "monospace" }} data-testid="person-nik">
                    {p.nik ?? "–"}
                  </span>
                  <NikStatusBadge status={p.nikStatus} />
                  {abilities.revealIdentity && (p.nik || p.kk || p.phone) && (
                    <IdentityReveal personId={p.id} />
                  )}
                </Group>
              </Item>
              <Item label={t("FIELD_kk")}>
                <span style={{ fontFamily: "monospace" }}>{p.kk ?? "–"}</span>
              </Item>
              <Item label={t("CR_VERIFICATION")}>
                <VerificationSection personId={p.id} />
              </Item>
              <Item label={t("FIELD_sex")}>{t(`SEX_${p.sex}`)}</Item>
              <Item label={t("FIELD_birthDate")}>
                {p.birthPlace ? `${p.birthPlace}, ` : ""}
                {formatBirth(p, t.language)}
                {p.birthDate ? ` (${t("PERSON_AGE", { age: ageOn(p.birthDate, today()) })})` : ""}
              </Item>
              <Item label={t("FIELD_phone")}>{p.phone ?? "–"}</Item>
              <Item label={t("FIELD_occupation")}>{p.occupation ?? "–"}</Item>
              <Item label={t("FIELD_maritalStatus")}>{enumLabel(t, "MARITAL", p.maritalStatus)}</Item>
            </DataList>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("PERSON_ADDRESS")}>
            <DataList size="sm" labelWidth={150}>
              <Item label={t("FIELD_address")}>{p.address ?? "–"}</Item>
              <Item label={t("COL_RT_RW")}>{p.rt || p.rw ? `${p.rt ?? "–"}/${p.rw ?? "–"}` : "–"}</Item>
              <Item label={t("VILLAGE")}>{p.village.name}</Item>
              <Item label={t("DISTRICT")}>{p.district.name}</Item>
            </DataList>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("PERSON_WELFARE")}>
            <DataList size="sm" labelWidth={150}>
              <Item label={t("FIELD_education")}>{enumLabel(t, "EDUCATION", p.education)}</Item>
              <Item label={t("FIELD_employment")}>{enumLabel(t, "EMPLOYMENT", p.employment)}</Item>
              <Item label={t("FIELD_monthlyIncome")}>
                <span data-testid="person-income">
                  {p.monthlyIncome === null ? t("NOT_RECORDED") : formatRupiah(p.monthlyIncome)}
                </span>
              </Item>
              <Item label={t("FIELD_houseCondition")}>{enumLabel(t, "HOUSE", p.houseCondition)}</Item>
              <Item label={t("FIELD_health")}>{enumLabel(t, "HEALTH", p.health)}</Item>
              <Item label={t("FIELD_dependants")}>{p.dependants ?? t("NOT_RECORDED")}</Item>
              <Item label={t("FIELD_children")}>{p.children ?? t("NOT_RECORDED")}</Item>
            </DataList>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HouseholdSection person={p} t={t} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Section
            title={t("PERSON_BUSINESSES")}
            action={abilities.editRegistry && <BusinessForm owner={p} />}
          >
            {p.businesses.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t("PERSON_NO_BUSINESSES")}
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("BUSINESS_NAME")}</Table.Th>
                    <Table.Th>{t("BUSINESS_SECTOR")}</Table.Th>
                    <Table.Th visibleFrom="sm">{t("BUSINESS_LICENSE")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.businesses.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>{b.name}</Table.Td>
                      <Table.Td>{t(`SECTOR_${b.sector}`)}</Table.Td>
                      <Table.Td visibleFrom="sm">{b.licenseNumber ?? "–"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={12}>
          <Section
            title={t("PERSON_ENROLLMENTS")}
            action={abilities.editRegistry && <EnrollForm person={p} onEnrolled={setOpenApplication} />}
          >
            {p.enrollments.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t("PERSON_NO_ENROLLMENTS")}
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("COL_PROGRAM")}</Table.Th>
                    <Table.Th visibleFrom="sm">{t("COL_AGENCY")}</Table.Th>
                    <Table.Th>{t("COL_PERIOD")}</Table.Th>
                    <Table.Th>{t("COL_STATUS")}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t("DECISION_TITLE")}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.enrollments.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/program/${e.programId}`} fz="sm">
                          {e.programName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{e.agencyName}</Table.Td>
                      <Table.Td>{e.periodName}</Table.Td>
                      <Table.Td>
                        <EnrollmentStatusBadge status={e.status} />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setOpenApplication(e.id)}
                          aria-label={t("PERSON_APPLICATION_OPEN", { program: e.programName })}
                        >
                          {t("PERSON_APPLICATION_ACTIONS")}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={12}>
          <Section title={t("PERSON_HISTORY")}>
            <HistoryTimeline entries={p.history} groups={p.enrollments} />
          </Section>
        </Grid.Col>
      </Grid>
      <Drawer
        opened={openApplication !== null}
        onClose={() => setOpenApplication(null)}
        position="right"
        size="xl"
        title={p.enrollments.find((e) => e.id === openApplication)?.programName ?? p.name}
      >
        {openApplication && <ApplicationPanel id={openApplication} showPageLink />}
      </Drawer>
    </>
  );
}
