import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import {
  CATEGORY_LABELS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STAGES,
  type ComplaintCategory,
  SLA_COLOURS,
  STAGE_LABELS,
} from "../../../src/complaints/codes.ts";
import { useAuth } from "../access/auth.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import {
  type ComplaintFilters,
  useComplaintQueue,
  usePublishComplaintStatistics,
  useRecordComplaint,
} from "./api.ts";
import { SlaSettingsCard } from "./SlaSettingsCard.tsx";

export const SLA_BADGE: Record<string, string> = {
  on_track: "green",
  at_risk: "orange",
  breached: "red",
  met: "gray",
};

export function SlaBadge({ colour, t }: { colour: string; t: Translate }) {
  return (
    <Badge color={SLA_BADGE[colour] ?? "gray"} variant="light" data-testid="sla">
      {t(`SLA_${colour}` as "SLA_on_track")}
    </Badge>
  );
}

function RecordForm({ t, onDone }: { t: Translate; onDone: () => void }) {
  const record = useRecordComplaint();
  const [category, setCategory] = useState<ComplaintCategory>("payment_not_received");
  const [channel, setChannel] = useState<"walk_in" | "phone" | "letter" | "whatsapp">("walk_in");
  const regions = useRegionIndex();
  const [districtCode, setDistrictCode] = useState("");
  const [villageCode, setVillageCode] = useState("");
  const [description, setDescription] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(false);
  const [lapor, setLapor] = useState("");
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({
            category,
            channel,
            villageCode: villageCode || null,
            description,
            anonymous,
            name: anonymous ? null : name,
            phone: anonymous ? null : phone,
            identityConsent: consent,
            laporNumber: lapor.trim() || null,
          });
        }}
      >
        <Stack gap="xs">
          <Select
            label={t("COMPLAINTS_CATEGORY")}
            data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][t.language] }))}
            value={category}
            onChange={(v) => v && setCategory(v as ComplaintCategory)}
            allowDeselect={false}
          />
          <Select
            label={t("COMPLAINTS_CHANNEL")}
            data={(["walk_in", "phone", "letter", "whatsapp"] as const).map((c) => ({
              value: c,
              label: t(`COMPLAINTS_CHANNEL_${c}`),
            }))}
            value={channel}
            onChange={(v) => v && setChannel(v as typeof channel)}
            allowDeselect={false}
          />
          {/* The desa is picked from the regency's own list (kecamatan first), never typed as a code. */}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("COMPLAINTS_DISTRICT")}
              value={districtCode}
              onChange={(e) => {
                setDistrictCode(e.currentTarget.value);
                setVillageCode("");
              }}
              data={[
                { value: "", label: t("COMPLAINTS_AREA_NONE") },
                ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
              ]}
            />
            <NativeSelect
              label={t("COMPLAINTS_VILLAGE")}
              value={villageCode}
              disabled={!districtCode}
              onChange={(e) => setVillageCode(e.currentTarget.value)}
              data={[
                { value: "", label: t("COMPLAINTS_AREA_NONE") },
                ...(districtCode && regions ? regions.villagesOf(districtCode) : []).map((v) => ({
                  value: v.code,
                  label: v.name,
                })),
              ]}
            />
          </SimpleGrid>
          <Textarea
            label={t("COMPLAINTS_DESCRIPTION")}
            required
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            label={t("COMPLAINTS_LAPOR")}
            value={lapor}
            onChange={(e) => setLapor(e.currentTarget.value)}
          />
          <Checkbox
            label={t("COMPLAINTS_ANONYMOUS")}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {!anonymous && (
            <>
              <TextInput
                label={t("COMPLAINTS_NAME")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <TextInput
                label={t("COMPLAINTS_PHONE")}
                type="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
              />
              <Checkbox
                label={t("COMPLAINTS_CONSENT")}
                checked={consent}
                onChange={(e) => setConsent(e.currentTarget.checked)}
              />
            </>
          )}
          {record.error && <Alert color="red">{errorText(t, record.error)}</Alert>}
          {record.data && (
            <Alert color="green" data-testid="recorded-code">
              {t("COMPLAINTS_SAVED", { code: record.data.code })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t("COMPLAINTS_SAVE")}
            </Button>
            <Button variant="subtle" onClick={onDone}>
              ×
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export default function ComplaintsPage() {
  const t = useT();
  const { user } = useAuth();
  const canRead = user ? roleCan(user.role, "complaint.read") : false;
  const canSettle = user ? roleCan(user.role, "complaint.settings") : false;
  if (!canRead)
    return (
      <Stack>
        <PageHeader title={t("COMPLAINTS_TITLE")} />
        {canSettle ? (
          <SlaSettingsCard />
        ) : (
          <EmptyView
            title={t("COMPLAINTS_NOT_YOUR_ROLE")}
            description={t("COMPLAINTS_NOT_YOUR_ROLE_HINT")}
            action={
              <Button component="a" href="/publik/pengaduan" variant="default">
                {t("COMPLAINTS_PUBLIC_FORM")}
              </Button>
            }
          />
        )}
      </Stack>
    );
  const canPublish = user ? roleCan(user.role, "complaint.statistics.publish") : false;
  return <ComplaintQueuePage canSettle={canSettle} canPublish={canPublish} />;
}

/** The public statistics page shows the last publication only: this makes a new one from today's figures. */
function PublishStatistics() {
  const t = useT();
  const publish = usePublishComplaintStatistics();
  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => publish.mutate()} loading={publish.isPending}>
        {t("COMPLAINTS_PUBLISH_STATISTICS")}
      </Button>
      {publish.isSuccess && (
        <Text size="sm" c="teal" role="status">
          {t("COMPLAINTS_STATISTICS_PUBLISHED", { at: formatDateTime(publish.data.publishedAt, t.language) })}
        </Text>
      )}
      {publish.isError && (
        <Text size="sm" c="red" role="alert">
          {errorText(t, publish.error)}
        </Text>
      )}
    </Group>
  );
}

function ComplaintQueuePage({ canSettle, canPublish }: { canSettle: boolean; canPublish: boolean }) {
  const t = useT();
  const [filters, setFilters] = useState<ComplaintFilters>({ page: 1, pageSize: 25, open: "true" });
  const [recording, setRecording] = useState(false);
  const queue = useComplaintQueue(filters);
  const set = (patch: Partial<ComplaintFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const all = { value: "", label: t("COMPLAINTS_ALL") };
  return (
    <Stack>
      <PageHeader
        title={t("COMPLAINTS_TITLE")}
        actions={<Button onClick={() => setRecording(true)}>{t("COMPLAINTS_NEW")}</Button>}
      />
      {recording && <RecordForm t={t} onDone={() => setRecording(false)} />}
      <Group align="end">
        <Select
          label={t("COMPLAINTS_STAGE")}
          data={[all, ...COMPLAINT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s][t.language] }))]}
          value={filters.stage ?? ""}
          onChange={(v) => set({ stage: (v || undefined) as ComplaintFilters["stage"] })}
        />
        <Select
          label={t("COMPLAINTS_CATEGORY")}
          data={[
            all,
            ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][t.language] })),
          ]}
          value={filters.category ?? ""}
          onChange={(v) => set({ category: (v || undefined) as ComplaintFilters["category"] })}
        />
        <Select
          label={t("COMPLAINTS_SLA")}
          data={[all, ...SLA_COLOURS.map((c) => ({ value: c, label: t(`SLA_${c}` as "SLA_on_track") }))]}
          value={filters.colour ?? ""}
          onChange={(v) => set({ colour: (v || undefined) as ComplaintFilters["colour"] })}
        />
        <Checkbox
          label={t("COMPLAINTS_OPEN_ONLY")}
          checked={filters.open === "true"}
          onChange={(e) => set({ open: e.currentTarget.checked ? "true" : undefined })}
        />
      </Group>
      {queue.isPending ? (
        <LoadingState />
      ) : queue.error ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <EmptyView title={t("COMPLAINTS_EMPTY")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} tabIndex={0}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("COMPLAINTS_CODE")}</Table.Th>
                  <Table.Th>{t("COMPLAINTS_CATEGORY")}</Table.Th>
                  <Table.Th>{t("COMPLAINTS_DESA")}</Table.Th>
                  <Table.Th>{t("COMPLAINTS_STAGE")}</Table.Th>
                  <Table.Th>{t("COMPLAINTS_SLA")}</Table.Th>
                  <Table.Th>{t("COMPLAINTS_RECEIVED")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid={`complaint-${item.code}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/pengaduan/${item.id}`}>
                        {item.code}
                      </Anchor>
                      {item.sensitive && (
                        <Text fz="xs" c="dimmed">
                          {t("COMPLAINTS_SENSITIVE")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{CATEGORY_LABELS[item.category][t.language]}</Table.Td>
                    <Table.Td>{item.villageName ?? "—"}</Table.Td>
                    <Table.Td>{STAGE_LABELS[item.stage][t.language]}</Table.Td>
                    <Table.Td>
                      <SlaBadge colour={item.colour} t={t} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(item.receivedAt, t.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pagination
            total={Math.max(1, Math.ceil(queue.data.total / filters.pageSize))}
            value={filters.page}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </>
      )}
      {canPublish && <PublishStatistics />}
      {canSettle && <SlaSettingsCard />}
    </Stack>
  );
}
