import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useState } from "react";
import { useT } from "../i18n/language.tsx";
import {
  pendingCount,
  type QueuedSubmission,
  removeQueued,
  resolveWithServerVersion,
  syncQueue,
} from "./queue.ts";

const STATE_COLOR: Record<QueuedSubmission["state"], string> = {
  queued: "gray",
  sending: "blue",
  applied: "teal",
  conflict: "orange",
  error: "red",
};

export function QueueCard({ items, online }: { items: QueuedSubmission[]; online: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const sendNow = useCallback(async () => {
    setBusy(true);
    try {
      await syncQueue();
    } finally {
      setBusy(false);
    }
  }, []);
  const pending = pendingCount(items);
  return (
    <Card withBorder padding="sm" data-testid="queue">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Title order={2} fz="h4">
              {t("REG_QUEUE")}
            </Title>
            <Text fz="sm" c="dimmed" data-testid="queue-pending">
              {t("REG_QUEUE_PENDING", { count: pending })}
            </Text>
          </div>
          <Button onClick={() => void sendNow()} loading={busy} disabled={!online || pending === 0}>
            {t("REG_SEND_NOW")}
          </Button>
        </Group>
        {items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t("REG_QUEUE_EMPTY")}
          </Text>
        )}
        {items.map((item) => (
          <Stack
            key={item.submissionId}
            gap={4}
            data-testid="queue-item"
            data-state={item.state}
            data-submission={item.submissionId}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text fz="sm" fw={600}>
                {item.label}
              </Text>
              <Badge color={STATE_COLOR[item.state]} variant="light">
                {t.code(`REG_STATE_${item.state}`)}
              </Badge>
            </Group>
            {item.state === "applied" && item.result && (
              <Text fz="xs" c="dimmed">
                {t("REG_APPLIED_AS", {
                  status: t.code(
                    `STATUS_${item.result.applicationStatus}`,
                    {},
                    item.result.applicationStatus,
                  ),
                })}
                {item.result.blocked ? ` — ${item.result.blocked.message}` : ""}
              </Text>
            )}
            {item.state === "error" && item.error && (
              <Text fz="xs" c="red.8">
                {item.error.message}
              </Text>
            )}
            {item.state === "conflict" && <ConflictView item={item} />}
          </Stack>
        ))}
        {items.some((item) => item.state === "applied") && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              for (const item of items) if (item.state === "applied") void removeQueued(item.submissionId);
            }}
          >
            {t("REG_CLEAR_SENT")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Both versions side by side, so the officer decides with the server's record in view, never blind. */
function ConflictView({ item }: { item: QueuedSubmission }) {
  const t = useT();
  const conflict = item.conflict;
  if (!conflict) return null;
  const applicant = item.payload.applicant;
  const device: Record<string, unknown> =
    applicant.kind === "existing" ? { ...(applicant.changes ?? {}) } : { ...applicant.person };
  const fields = conflict.fields.length > 0 ? conflict.fields : Object.keys(device);
  return (
    <Card withBorder padding="xs" bg="orange.0" data-testid="conflict">
      <Stack gap={6}>
        <Text fz="sm" fw={600}>
          {t("REG_CONFLICT_TITLE")}
        </Text>
        <Text fz="sm">{t.code(`REG_CONFLICT_KIND_${conflict.kind}`)}</Text>
        <Table.ScrollContainer minWidth={280}>
          <Table fz="xs" withTableBorder data-testid="conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("REG_CONFLICT_FIELD")}</Table.Th>
                <Table.Th>{t("REG_CONFLICT_SERVER")}</Table.Th>
                <Table.Th>{t("REG_CONFLICT_DEVICE")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td>{t.code(`FIELD_${field}`, {}, field)}</Table.Td>
                  <Table.Td>{show(conflict.server[field])}</Table.Td>
                  <Table.Td>{show(device[field])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="xs">
          {conflict.kind !== "already_enrolled" && (
            <Button
              size="xs"
              onClick={() => void resolveWithServerVersion(item).then(() => syncQueue())}
              data-testid="resolve-keep-mine"
            >
              {t("REG_RESOLVE_KEEP_MINE")}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => void removeQueued(item.submissionId)}>
            {t("REG_RESOLVE_DISCARD")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
