import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { ENROLLMENT_STATUSES, type EnrollmentStatus, queueStatuses } from "../../../src/workflow/engine.ts";
import { useAuth } from "../access/auth.tsx";
import { documentKindLabel } from "../audit/labels.ts";
import { formatNumber } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { EnrollmentStatusBadge } from "../registry/badges.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { ApplicationPanel } from "./ApplicationPanel.tsx";
import { type QueueItem, useQueue } from "./api.ts";
import { BulkBar } from "./BulkBar.tsx";
import { bulkActions } from "./bulk.ts";

const PAGE_SIZE = 25;

function isStatus(value: string | null): value is EnrollmentStatus {
  return value !== null && (ENROLLMENT_STATUSES as readonly string[]).includes(value);
}

function Documents({ item, t }: { item: QueueItem; t: Translate }) {
  if (item.missingDocuments.length === 0)
    return (
      <Badge color="teal" variant="light" size="sm">
        {t("QUEUE_COMPLETE")}
      </Badge>
    );
  return (
    <Text fz="xs" c="red.8">
      {t("QUEUE_MISSING", { kinds: item.missingDocuments.map((k) => documentKindLabel(t, k)).join(", ") })}
    </Text>
  );
}

function Eligibility({ item, t }: { item: QueueItem; t: Translate }) {
  if (!item.eligibility) return <Text fz="xs">–</Text>;
  if (item.eligibility.eligible)
    return (
      <Badge color="teal" variant="light" size="sm">
        {t("QUEUE_ELIGIBLE")}
      </Badge>
    );
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light" size="sm">
        {t("QUEUE_NOT_ELIGIBLE")}
      </Badge>
      {item.eligibility.results
        .filter((r) => !r.passed)
        .map((r) => (
          <Text key={r.rule} fz="xs">
            {r.message}
          </Text>
        ))}
    </Stack>
  );
}

function Duplicates({ item, t }: { item: QueueItem; t: Translate }) {
  if (item.duplicates.length === 0)
    return (
      <Text fz="xs" c="dimmed">
        {t("QUEUE_NO_DUPLICATES")}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="duplicate-hints">
      {item.duplicates.map((d) => (
        <Text key={`${d.kind}-${d.enrollmentId}`} fz="xs" c="orange.9">
          {t.code(`DUPLICATE_${d.kind}`, {
            name: d.personName,
            program: d.programName,
            period: d.periodName,
            status: t.code(`STATUS_${d.status}`, {}, d.status),
          })}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * /antrian — the applications waiting for the caller's role in their area (one status at a time, or all of
 * theirs), each with its papers, eligibility and duplicate hints; a row opens the decision panel, and a page of
 * one status can be decided together (a desa's batch).
 */
export default function QueuePage() {
  const t = useT();
  const { user } = useAuth();
  const regions = useRegionIndex();
  const narrow = useMediaQuery("(max-width: 48em)");
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get("status")) ? (params.get("status") as EnrollmentStatus) : undefined;
  const villageCode = params.get("villageCode") ?? undefined;
  const q = params.get("q") ?? undefined;
  const [name, setName] = useState(q ?? "");
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const open = params.get("buka");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const queue = useQueue({ status, villageCode, q, page, pageSize: PAGE_SIZE });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const setFilter = (changes: Record<string, string | undefined>) => {
    setSelected(new Set());
    update({ ...changes, page: undefined });
  };

  const own = user ? queueStatuses(user.role) : [];
  // The bank decides in bulk from the list; an application's full record (eligibility, history) is not its to read.
  const canOpen = user ? roleCan(user.role, "enrollment.read") : true;
  const tabs = [...new Set([...own, ...(status ? [status] : [])])];
  const level = user?.area.level ?? "regency";
  const villages =
    regions && user && level !== "village" && level !== "rt"
      ? level === "district"
        ? regions.villagesOf(user.area.code)
        : regions.tree.districts.flatMap((d) => d.villages)
      : [];

  const items = queue.data?.items ?? [];
  const chosen = items.filter((i) => selected.has(i.id));
  const statusesChosen = new Set(chosen.map((i) => i.status));
  const batchStatus = statusesChosen.size === 1 ? [...statusesChosen][0] : undefined;
  const actions = user && batchStatus ? bulkActions(user.role, level, batchStatus) : [];
  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t("QUEUE_TITLE")} />
      <Text c="dimmed" mt={-8} mb="md">
        {t("QUEUE_INTRO")}
      </Text>
      {tabs.length === 0 ? (
        <EmptyView title={t("QUEUE_NONE_FOR_ROLE")} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              aria-label={t("QUEUE_STATUS")}
              value={status ?? ""}
              onChange={(value) => setFilter({ status: value || undefined })}
              data={[
                ...(tabs.length > 1 ? [{ value: "", label: t("AUDIT_FILTER_ANY") }] : []),
                ...tabs.map((s) => ({
                  value: s,
                  label: `${t.code(`STATUS_${s}`, {}, s)} (${formatNumber(queue.data?.counts[s] ?? 0, t.language)})`,
                })),
              ]}
            />
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setFilter({ q: name.trim() || undefined });
              }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput
                  label={t("QUEUE_SEARCH")}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                />
                <Button type="submit" variant="default">
                  {t("QUEUE_SEARCH_GO")}
                </Button>
              </Group>
            </form>
            {villages.length > 0 && (
              <NativeSelect
                label={t("QUEUE_VILLAGE")}
                value={villageCode ?? ""}
                onChange={(event) => setFilter({ villageCode: event.currentTarget.value || undefined })}
                data={[
                  { value: "", label: t("QUEUE_ALL_VILLAGES") },
                  ...villages.map((v) => ({ value: v.code, label: v.name })),
                ]}
              />
            )}
          </Group>
          {actions.length === 0 && chosen.length > 0 && statusesChosen.size > 1 && (
            <Text fz="sm" c="orange.9">
              {t("BULK_MIXED_STATUS")}
            </Text>
          )}
          <BulkBar selected={chosen} actions={actions} onDone={() => setSelected(new Set())} />
          {queue.isPending ? (
            <LoadingState />
          ) : queue.isError ? (
            <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
          ) : items.length === 0 ? (
            <EmptyView title={t("QUEUE_EMPTY")} />
          ) : (
            <>
              <Text fz="sm" c="dimmed" data-testid="queue-total">
                {t("QUEUE_TOTAL", { count: formatNumber(queue.data.total, t.language) })}
              </Text>
              <Table.ScrollContainer minWidth={860}>
                <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="queue-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={36}>
                        <Checkbox
                          aria-label={t("QUEUE_SELECT_ALL")}
                          checked={chosen.length === items.length}
                          indeterminate={chosen.length > 0 && chosen.length < items.length}
                          onChange={(event) =>
                            setSelected(
                              event.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set(),
                            )
                          }
                        />
                      </Table.Th>
                      <Table.Th>{t("QUEUE_COL_APPLICANT")}</Table.Th>
                      <Table.Th>{t("QUEUE_COL_PROGRAM")}</Table.Th>
                      <Table.Th>{t("QUEUE_COL_PLACE")}</Table.Th>
                      <Table.Th>{t("QUEUE_STATUS")}</Table.Th>
                      <Table.Th>{t("QUEUE_COL_DOCUMENTS")}</Table.Th>
                      <Table.Th>{t("QUEUE_COL_ELIGIBILITY")}</Table.Th>
                      <Table.Th>{t("QUEUE_COL_DUPLICATES")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.id} data-testid="queue-row" data-application-id={item.id}>
                        <Table.Td>
                          <Checkbox
                            aria-label={t("QUEUE_SELECT_ONE", { name: item.personName })}
                            checked={selected.has(item.id)}
                            onChange={() => toggle(item.id)}
                          />
                        </Table.Td>
                        <Table.Td>
                          {canOpen ? (
                            <UnstyledButton
                              onClick={() => update({ buka: item.id })}
                              aria-label={t("QUEUE_OPEN", { name: item.personName })}
                            >
                              <Anchor component="span" fz="sm" fw={600}>
                                {item.personName}
                              </Anchor>
                            </UnstyledButton>
                          ) : (
                            <Text fz="sm" fw={600}>
                              {item.personName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {item.programName}
                          <Text fz="xs" c="dimmed">
                            {item.periodName}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {regions?.name(item.villageCode) ?? item.villageCode}
                          {item.rt ? ` · ${item.rt}` : ""}
                        </Table.Td>
                        <Table.Td>
                          <EnrollmentStatusBadge status={item.status} />
                        </Table.Td>
                        <Table.Td>
                          <Documents item={item} t={t} />
                        </Table.Td>
                        <Table.Td>
                          <Eligibility item={item} t={t} />
                        </Table.Td>
                        <Table.Td>
                          <Duplicates item={item} t={t} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages > 1 && (
                <Group justify="space-between">
                  <Button
                    variant="default"
                    size="xs"
                    disabled={page <= 1}
                    onClick={() => update({ page: String(page - 1) })}
                  >
                    {t("QUEUE_PREVIOUS")}
                  </Button>
                  <Text fz="sm">{t("QUEUE_PAGE", { page, pages })}</Text>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={page >= pages}
                    onClick={() => update({ page: String(page + 1) })}
                  >
                    {t("QUEUE_NEXT")}
                  </Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      )}
      <Drawer
        opened={Boolean(open) && canOpen}
        onClose={() => update({ buka: undefined })}
        position="right"
        size={narrow ? "100%" : "xl"}
        title={items.find((i) => i.id === open)?.personName ?? t("QUEUE_COL_APPLICANT")}
      >
        {open && canOpen && <ApplicationPanel id={open} showPageLink />}
      </Drawer>
    </>
  );
}
