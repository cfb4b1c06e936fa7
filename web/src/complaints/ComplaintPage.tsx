import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { CATEGORY_LABELS, type ComplaintStage, STAGE_LABELS } from "../../../src/complaints/codes.ts";
import { type ComplaintAction, STEPS } from "../../../src/complaints/lifecycle.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useComplaint, useComplaintStep, useRevealIdentity } from "./api.ts";
import { SlaBadge } from "./ComplaintsPage.tsx";

export default function ComplaintPage() {
  const t = useT();
  const { id = "" } = useParams();
  const complaint = useComplaint(id);
  const step = useComplaintStep(id);
  const identity = useRevealIdentity(id);
  const [reason, setReason] = useState("");
  const [reply, setReply] = useState("");
  if (complaint.isPending) return <LoadingState />;
  if (complaint.error) return <ErrorState error={complaint.error} onRetry={() => complaint.refetch()} />;
  const c = complaint.data;
  const actions = (Object.keys(STEPS) as ComplaintAction[]).filter(
    (a) => STEPS[a].from.includes(c.stage) && a !== "answer",
  );
  return (
    <Stack>
      <PageHeader
        title={`${t("COMPLAINTS_TITLE")} ${c.code}`}
        crumbs={[{ label: t("COMPLAINTS_TITLE"), to: "/pengaduan" }]}
      />
      <Card withBorder>
        <Group gap="xs">
          <Badge data-testid="complaint-stage">{STAGE_LABELS[c.stage][t.language]}</Badge>
          <SlaBadge colour={c.colour} t={t} />
          <Text fz="sm">
            {t("COMPLAINTS_LEVEL")}: {c.level}
          </Text>
          {c.sensitive && <Badge color="grape">{t("COMPLAINTS_SENSITIVE")}</Badge>}
        </Group>
        <Text mt="xs" fw={600}>
          {CATEGORY_LABELS[c.category][t.language]} · {c.villageName ?? "—"}
        </Text>
        <Text mt="xs" style={{ whiteSpace: "pre-wrap" }}>
          {c.description}
        </Text>
        {c.dueAt && (
          <Text fz="sm" c="dimmed" mt="xs">
            {t("COMPLAINTS_DUE")}: {formatDateTime(c.dueAt, t.language)}
          </Text>
        )}
        {c.slaPaused && (
          <Text fz="sm" c="dimmed" mt="xs" data-testid="sla-paused">
            {t("COMPLAINTS_SLA_PAUSED")}
          </Text>
        )}
        {c.person && (
          <Text fz="sm" mt="xs">
            {t("COMPLAINTS_PERSON")}: {c.person.name}
          </Text>
        )}
        {c.laporNumber && <Text fz="sm">SP4N-LAPOR!: {c.laporNumber}</Text>}
        {c.photos.map((p) => (
          <img
            key={p.id}
            src={`/api/complaints/${c.id}/photos/${p.id}`}
            alt=""
            style={{ maxWidth: 200, marginTop: 8 }}
          />
        ))}
      </Card>
      {c.handling ? (
        <Card withBorder>
          <Title order={3}>{t("COMPLAINTS_STEPS")}</Title>
          <Stack gap="xs" mt="xs">
            <Textarea
              label={t("COMPLAINTS_PUBLIC_REPLY")}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
            />
            <Textarea
              label={t("COMPLAINTS_REASON")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {step.error && <Alert color="red">{errorText(t, step.error)}</Alert>}
            <Group>
              {actions.map((action) => (
                <Button
                  key={action}
                  variant={action === "escalate" ? "outline" : "filled"}
                  loading={step.isPending && step.variables?.action === action}
                  onClick={() =>
                    step.mutate(
                      { action, version: c.version, reason: reason || null, publicReply: reply || null },
                      {
                        onSuccess: () => {
                          setReason("");
                          setReply("");
                        },
                      },
                    )
                  }
                >
                  {t(`COMPLAINT_ACTION_${action}` as "COMPLAINT_ACTION_acknowledge")}
                </Button>
              ))}
            </Group>
          </Stack>
          <Title order={4} mt="md">
            {t("COMPLAINTS_IDENTITY")}
          </Title>
          {identity.data ? (
            <Text data-testid="identity">
              {identity.data.anonymous
                ? t("COMPLAINTS_ANONYMOUS")
                : `${identity.data.name} · ${identity.data.phone}`}
            </Text>
          ) : (
            <Button
              variant="light"
              mt="xs"
              onClick={() => identity.mutate(reason || null)}
              loading={identity.isPending}
            >
              {t("COMPLAINTS_IDENTITY_SHOW")}
            </Button>
          )}
          {identity.error && <Alert color="red">{errorText(t, identity.error)}</Alert>}
        </Card>
      ) : (
        <Alert>{t("COMPLAINTS_NOT_HANDLER")}</Alert>
      )}
      <Card withBorder>
        <Title order={3}>{t("COMPLAINTS_HISTORY")}</Title>
        <Timeline mt="xs" bulletSize={14}>
          {c.events.map((e) => (
            <Timeline.Item
              key={`${e.at}-${e.action}`}
              title={`${STAGE_LABELS[e.toStage as ComplaintStage]?.[t.language] ?? e.toStage} · ${e.action}`}
            >
              <Text fz="xs" c="dimmed">
                {formatDateTime(e.at, t.language)} · {e.actorName}
              </Text>
              {e.publicReply && <Text fz="sm">“{e.publicReply}”</Text>}
              {e.reason && (
                <Text fz="sm" c="dimmed">
                  {e.reason}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}
