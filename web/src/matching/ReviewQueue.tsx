import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  useMatches,
} from "@mantine/core";
import { type KeyboardEvent, useEffect, useState } from "react";
import { Link } from "react-router";
import { formatBirth, formatDateTime } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type PersonBrief, type ReviewStatus, type ReviewView, useDecideReview, useReviews } from "./api.ts";
import { percent } from "./CandidatesPanel.tsx";

const STATUSES: ReviewStatus[] = ["open", "same_person", "different_people"];

function PersonCell({ person, t }: { person: PersonBrief; t: Translate }) {
  return (
    <Anchor component={Link} to={`/penduduk/${person.personId}`} fw={600}>
      {person.name ?? t("MATCH_PERSON_NO_NAME")}
    </Anchor>
  );
}

/** The two records side by side, one row per field, so a difference is seen at a glance. */
function PairTable({ review, t }: { review: ReviewView; t: Translate }) {
  const { personA: a, personB: b } = review;
  const rows: [string, string, string][] = [
    [
      t("FIELD_sex"),
      a.sex ? t.code(`SEX_${a.sex}`, {}, a.sex) : "—",
      b.sex ? t.code(`SEX_${b.sex}`, {}, b.sex) : "—",
    ],
    [t("FIELD_birthDate"), formatBirth(a, t.language), formatBirth(b, t.language)],
    [t("FIELD_villageCode"), a.village?.name ?? "—", b.village?.name ?? "—"],
    [t("FIELD_rt"), a.rt ?? "—", b.rt ?? "—"],
  ];
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder layout="fixed" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%" />
            <Table.Th>{t("MATCH_REVIEW_PERSON_A")}</Table.Th>
            <Table.Th>{t("MATCH_REVIEW_PERSON_B")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" style={{ overflowWrap: "anywhere" }}>
              {t("FIELD_name")}
            </Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere" }}>
              <PersonCell person={a} t={t} />
            </Table.Td>
            <Table.Td style={{ overflowWrap: "anywhere" }}>
              <PersonCell person={b} t={t} />
            </Table.Td>
          </Table.Tr>
          {rows.map(([label, left, right]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" style={{ overflowWrap: "anywhere" }}>
                {label}
              </Table.Th>
              <Table.Td fw={left !== right ? 700 : undefined}>{left}</Table.Td>
              <Table.Td fw={left !== right ? 700 : undefined}>{right}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReviewCard({
  review,
  canDecide,
  decide,
}: {
  review: ReviewView;
  canDecide: boolean;
  decide: ReturnType<typeof useDecideReview>;
}) {
  const t = useT();
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const open = review.status === "open";

  const submit = (samePerson: boolean) => {
    if (reason.trim().length < 3) {
      setMissingReason(true);
      return;
    }
    decide.mutate({ id: review.id, samePerson, reason: reason.trim() });
  };
  // Alt+S / Alt+B decide without leaving the reason field: a coordinator working a long queue keeps both hands
  // on the keyboard.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || !canDecide || !event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "s" || key === "b") {
      event.preventDefault();
      submit(key === "s");
    }
  };

  return (
    <Card withBorder padding="md" data-testid="review-pair" onKeyDown={onKeyDown}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Badge variant="light" color={review.probability >= 0.5 ? "orange" : "gray"}>
            {t("MATCH_REVIEW_PROBABILITY", { probability: percent(review.probability, t.language) })}
          </Badge>
          <Badge variant="outline">{t.code(`MATCH_REVIEW_STATUS_${review.status}`, {}, review.status)}</Badge>
        </Group>
        <PairTable review={review} t={t} />
        <div>
          <Text fz="sm" fw={600}>
            {t("MATCH_REVIEW_WHY")}
          </Text>
          <List size="sm" spacing={2}>
            {review.explanation.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
        {!open && (
          <Text fz="sm" c="dimmed">
            {t("MATCH_REVIEW_DECIDED", {
              status: t.code(`MATCH_REVIEW_STATUS_${review.status}`, {}, review.status),
              by: `${review.decidedBy ?? "—"} ${formatDateTime(review.decidedAt, t.language)}`,
              reason: review.reason ?? "",
            })}
          </Text>
        )}
        {open && canDecide && (
          <Stack gap="xs">
            <Textarea
              label={t("MATCH_REVIEW_REASON")}
              description={t("MATCH_REVIEW_REASON_HINT")}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setMissingReason(false);
              }}
              error={missingReason ? t("MATCH_REVIEW_REASON_REQUIRED") : undefined}
              required
              autosize
              minRows={2}
              maxLength={500}
            />
            {decide.isError && decide.variables?.id === review.id && <ErrorState error={decide.error} />}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <Button color="red" variant="light" loading={decide.isPending} onClick={() => submit(true)}>
                {t("MATCH_REVIEW_SAME")}
              </Button>
              <Button color="teal" variant="light" loading={decide.isPending} onClick={() => submit(false)}>
                {t("MATCH_REVIEW_DIFFERENT")}
              </Button>
            </SimpleGrid>
            <Text fz="xs" c="dimmed">
              {t("MATCH_REVIEW_KEYS_HINT")}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The coordinator's queue: one uncertain pair at a time, with the reason the decision is remembered by. */
export function ReviewQueue({ canDecide }: { canDecide: boolean }) {
  const t = useT();
  const [status, setStatus] = useState<ReviewStatus>("open");
  // Three Indonesian labels do not fit side by side on a 360 px phone.
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", xs: "horizontal" });
  const [index, setIndex] = useState(0);
  const reviews = useReviews(status, 1);
  const items = reviews.data?.items ?? [];
  const total = reviews.data?.total ?? 0;
  const decide = useDecideReview();
  const lastCount = items.length;

  // A decided pair leaves the open queue; the next one slides into its place.
  useEffect(() => {
    if (index >= lastCount && lastCount > 0) setIndex(lastCount - 1);
  }, [index, lastCount]);

  const current = items[Math.min(index, Math.max(0, items.length - 1))];

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          aria-label={t("MATCH_REVIEW_STATUS_FILTER")}
          value={status}
          onChange={(value) => {
            setStatus(value as ReviewStatus);
            setIndex(0);
            decide.reset();
          }}
          data={STATUSES.map((s) => ({ value: s, label: t.code(`MATCH_REVIEW_STATUS_${s}`, {}, s) }))}
          size="xs"
          orientation={orientation}
          fullWidth={orientation === "vertical"}
        />
        {reviews.data && (
          <Text fz="sm" c="dimmed" data-testid="review-total">
            {t("MATCH_REVIEW_TOTAL", { total })}
          </Text>
        )}
      </Group>
      {decide.isSuccess && (
        <Alert color="teal" role="status" withCloseButton onClose={() => decide.reset()}>
          {t("MATCH_REVIEW_SAVED")}
        </Alert>
      )}
      {reviews.isPending && <LoadingState />}
      {reviews.isError && <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.isSuccess && items.length === 0 && (
        <EmptyView title={t("MATCH_REVIEW_EMPTY")} description={t("MATCH_REVIEW_EMPTY_HINT")} />
      )}
      {current && (
        <>
          <Group justify="space-between" gap="xs">
            <Button
              variant="default"
              size="xs"
              disabled={index === 0}
              onClick={() => setIndex((i) => Math.max(0, i - 1))}
            >
              {t("MATCH_REVIEW_PREV")}
            </Button>
            <Text fz="sm" aria-live="polite">
              {t("MATCH_REVIEW_PAIR_LABEL", { n: Math.min(index, items.length - 1) + 1, total })}
            </Text>
            <Button
              variant="default"
              size="xs"
              disabled={index >= items.length - 1}
              onClick={() => setIndex((i) => Math.min(items.length - 1, i + 1))}
            >
              {t("MATCH_REVIEW_NEXT")}
            </Button>
          </Group>
          <ReviewCard key={current.id} review={current} canDecide={canDecide} decide={decide} />
        </>
      )}
    </Stack>
  );
}
