import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useAuth } from "../access/auth.tsx";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type CivilReview, useApproveReview, useCivilReviews, useDecideReview } from "./api.ts";

/** Each value the civil registry holds differently, ours beside theirs: one decides, another approves. */
export function ReviewQueue() {
  const t = useT();
  const [state, setState] = useState<"open" | "proposed" | null>(null);
  const [page, setPage] = useState(1);
  const reviews = useCivilReviews(state, page);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t("CR_REVIEWS")}
        </Title>
        <NativeSelect
          aria-label={t("CR_REVIEW_FILTER")}
          value={state ?? ""}
          onChange={(e) => {
            setPage(1);
            setState((e.currentTarget.value || null) as typeof state);
          }}
          data={[
            { value: "", label: t("CR_REVIEW_ALL") },
            { value: "open", label: t("CR_STATE_open") },
            { value: "proposed", label: t("CR_STATE_proposed") },
          ]}
        />
      </Group>
      {reviews.isPending ? (
        <LoadingState />
      ) : reviews.error ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <EmptyView title={t("CR_REVIEWS_EMPTY")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="cr-reviews" fz="sm" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("CR_PERSON")}</Table.Th>
                  <Table.Th>{t("CR_FIELD")}</Table.Th>
                  <Table.Th>{t("CR_OURS")}</Table.Th>
                  <Table.Th>{t("CR_THEIRS")}</Table.Th>
                  <Table.Th>{t("CR_STATE")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data.items.map((r) => (
                  <ReviewRow key={r.id} review={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {reviews.data.total > 25 && (
            <Pagination
              mt="sm"
              total={Math.ceil(reviews.data.total / 25)}
              value={page}
              onChange={setPage}
              size="sm"
            />
          )}
        </>
      )}
    </Card>
  );
}

function ReviewRow({ review }: { review: CivilReview }) {
  const t = useT();
  const { user } = useAuth();
  const decide = useDecideReview();
  const approve = useApproveReview();
  const [reason, setReason] = useState("");
  const mine = review.decidedBy !== null && review.decidedBy === user?.id;
  const error = decide.error ?? approve.error;
  return (
    <Table.Tr data-testid="cr-review" data-person={review.person.name} data-state={review.state}>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {review.person.name}
        </Text>
        <Text fz="xs" c="dimmed">
          {review.person.village}
        </Text>
      </Table.Td>
      <Table.Td>{t.code(`CR_FIELD_${review.field}`, {}, review.field)}</Table.Td>
      <Table.Td data-testid="cr-ours">{review.ours ?? "–"}</Table.Td>
      <Table.Td data-testid="cr-theirs">
        <Text fz="sm" fw={600}>
          {review.registry ?? "–"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          <Badge variant="light">{t(`CR_STATE_${review.state}`)}</Badge>
          {review.state === "open" && (
            <>
              <TextInput
                size="xs"
                label={t("CR_REASON")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
              />
              <Group gap="xs">
                {(["accept_registry", "keep_ours"] as const).map((decision) => (
                  <Button
                    key={decision}
                    size="xs"
                    variant={decision === "accept_registry" ? "filled" : "light"}
                    disabled={reason.trim().length < 3}
                    loading={decide.isPending && decide.variables?.decision === decision}
                    onClick={() =>
                      decide.mutate({ id: review.id, decision, reason, version: review.version })
                    }
                  >
                    {t(decision === "accept_registry" ? "CR_ACCEPT" : "CR_KEEP")}
                  </Button>
                ))}
              </Group>
            </>
          )}
          {review.state === "proposed" && (
            <>
              <Text fz="xs">
                {t(review.decision === "accept_registry" ? "CR_ACCEPT" : "CR_KEEP")} · {review.reason}
              </Text>
              {mine ? (
                <Text fz="xs" c="dimmed">
                  {t("CR_DECIDED_BY_YOU")}
                </Text>
              ) : (
                <Button
                  size="xs"
                  loading={approve.isPending}
                  onClick={() => approve.mutate({ id: review.id, version: review.version })}
                >
                  {t("CR_APPROVE")}
                </Button>
              )}
            </>
          )}
          {error && (
            <Alert color="red" role="alert" p="xs">
              {errorText(t, error)}
            </Alert>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
