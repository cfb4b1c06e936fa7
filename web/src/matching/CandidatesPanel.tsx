import { Alert, Anchor, Badge, Card, Group, List, Loader, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo } from "react";
import { Link } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { formatBirth } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { ErrorState } from "../ui/states.tsx";
import { overlapAbilities } from "./abilities.ts";
import { type Candidate, type EnrollmentSummary, useCandidates } from "./api.ts";
import { candidateQuery, type TypedPerson } from "./candidate-query.ts";

export const percent = (p: number, language: string) =>
  `${(p * 100).toLocaleString(language === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 })}%`;

const DECISION_COLOR = { link: "red", review: "orange", different: "gray" } as const;

export function EnrollmentLines({ enrollments }: { enrollments: EnrollmentSummary[] }) {
  const t = useT();
  if (enrollments.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {enrollments.map((e) => (
        <List.Item key={e.enrollmentId}>
          {t("MATCH_ENROLLMENT_LINE", {
            agency: e.agencyCode,
            program: e.programName,
            period: e.periodName,
            status: t.code(`STATUS_${e.status}`, {}, e.status),
          })}
        </List.Item>
      ))}
    </List>
  );
}

function CandidateCard({ candidate, t }: { candidate: Candidate; t: Translate }) {
  return (
    <Card withBorder padding="sm" data-testid="match-candidate">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/penduduk/${candidate.personId}`} fw={600} target="_blank">
              {candidate.name}
            </Anchor>
            <Text fz="sm" c="dimmed">
              {[
                candidate.birthDate || candidate.birthYear
                  ? t("MATCH_BORN", { date: formatBirth(candidate, t.language) })
                  : null,
                candidate.village.name,
                candidate.rt ? t("MATCH_RT_LABEL", { rt: candidate.rt }) : null,
                candidate.district.name,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </div>
          <Stack gap={2} align="flex-end">
            <Badge color={DECISION_COLOR[candidate.decision]} variant="light">
              {t.code(`MATCH_CANDIDATE_DECISION_${candidate.decision}`, {}, candidate.decision)}
            </Badge>
            <Text fz="xs" c="dimmed">
              {t("MATCH_CANDIDATE_PROBABILITY", { probability: percent(candidate.probability, t.language) })}
            </Text>
          </Stack>
        </Group>
        <List size="sm" spacing={2}>
          {candidate.explanation.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        {candidate.enrollments.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>
              {t("MATCH_CANDIDATE_ENROLLMENTS")}
            </Text>
            <EnrollmentLines enrollments={candidate.enrollments} />
          </div>
        )}
        {candidate.otherAgencyEnrollments > 0 && (
          <Text fz="sm" c="orange.8">
            {t("MATCH_CANDIDATE_OTHER_AGENCIES", { count: candidate.otherAgencyEnrollments })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * Possible existing persons for the one being typed, shown before saving so the officer opens the existing
 * record instead of registering the same person twice.
 */
export function CandidatesPanel({
  person,
  excludePersonId,
}: {
  person: TypedPerson;
  excludePersonId?: string;
}) {
  const t = useT();
  const { user } = useAuth();
  const allowed = overlapAbilities(user).check;
  const query = useMemo(
    () => (allowed ? candidateQuery(person, excludePersonId) : null),
    [allowed, person, excludePersonId],
  );
  // Waits for a pause in typing: one request per pause, not one per key.
  const [debounced] = useDebouncedValue(query, 400);
  const candidates = useCandidates(debounced);
  const found = debounced ? (candidates.data?.candidates ?? []) : [];
  const outside = debounced ? candidates.data?.outsideArea : undefined;

  if (!allowed) return null;
  return (
    <section aria-labelledby="match-candidates-title" aria-live="polite" data-testid="match-candidates">
      <Alert
        color={found.length > 0 ? "orange" : "gray"}
        variant={found.length > 0 ? "light" : "outline"}
        title={
          <Group gap="xs">
            <span id="match-candidates-title">{t("MATCH_CANDIDATES_TITLE")}</span>
            {candidates.isFetching && <Loader size="xs" aria-label={t("MATCH_CANDIDATES_CHECKING")} />}
          </Group>
        }
      >
        <Stack gap="sm">
          {!debounced && <Text fz="sm">{t("MATCH_CANDIDATES_WAITING")}</Text>}
          {debounced && candidates.isError && <ErrorState error={candidates.error} />}
          {debounced && candidates.isPending && <Text fz="sm">{t("MATCH_CANDIDATES_CHECKING")}</Text>}
          {debounced && candidates.isSuccess && found.length === 0 && (
            <Text fz="sm" data-testid="match-candidates-none">
              {t("MATCH_CANDIDATES_NONE")}
            </Text>
          )}
          {found.length > 0 && <Text fz="sm">{t("MATCH_CANDIDATES_HINT")}</Text>}
          {found.map((candidate) => (
            <CandidateCard key={candidate.personId} candidate={candidate} t={t} />
          ))}
          {outside && outside.count > 0 && (
            <Text fz="sm" c="dimmed">
              {t("MATCH_CANDIDATES_OUTSIDE", {
                count: outside.count,
                districts: [...new Set(outside.candidates.map((c) => c.district.name))].join(", "),
              })}
            </Text>
          )}
        </Stack>
      </Alert>
    </section>
  );
}
