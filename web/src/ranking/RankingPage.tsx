// The stylesheets of the components only this page uses; they load with its chunk.
import "@mantine/core/styles/Accordion.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/Slider.css";
import { Alert, Badge, Card, Grid, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import type { Judgment } from "../../../src/ranking/ahp.ts";
import { rescaledWeights } from "../../../src/ranking/rating.ts";
import type { SimulationTableView } from "../../../src/ranking/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { usePeriods, usePrograms } from "../registry/api.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { NearCutoffCard, SensitivityCard } from "./AnalysisCards.tsx";
import { useSimulationTable } from "./api.ts";
import { formatDecimal } from "./format.ts";
import { JudgmentsCard } from "./JudgmentsCard.tsx";
import { ModelActions } from "./ModelActions.tsx";
import { RankingTable, type TableView } from "./RankingTable.tsx";
import {
  analyseModel,
  consistencyReport,
  type Draft,
  type DraftAnalysis,
  initialDraft,
  isPristine,
  prepareSimulation,
  runDraft,
  withPairJudgment,
} from "./simulation.ts";
import { WeightsCard } from "./WeightsCard.tsx";

/** Sensitivity and the near-cut-off list wait until the officer pauses, so dragging a slider stays fluid. */
const ANALYSIS_DELAY_MS = 250;

function Workspace({ view }: { view: SimulationTableView }) {
  const t = useT();
  const { user } = useAuth();
  const prepared = useMemo(() => prepareSimulation(view), [view]);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(prepared));
  const [tableView, setTableView] = useState<TableView>("all");
  const [page, setPage] = useState(1);
  const result = useMemo(() => runDraft(prepared, draft), [prepared, draft]);
  const report = useMemo(
    () => consistencyReport(prepared.model, draft.judgments),
    [prepared, draft.judgments],
  );
  const pristine = isPristine(prepared, draft);

  const [analysis, setAnalysis] = useState<{ model: unknown; value: DraftAnalysis } | null>(null);
  useEffect(() => {
    const timer = setTimeout(
      () => setAnalysis({ model: result.model, value: analyseModel(prepared, result.model) }),
      ANALYSIS_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [prepared, result.model]);
  const current = analysis && analysis.model === result.model ? analysis.value : null;

  const onWeight = useCallback(
    (criterion: number, weight: number) =>
      setDraft((d) => ({ ...d, weights: rescaledWeights(d.weights ?? result.weights, criterion, weight) })),
    [result.weights],
  );
  const onJudgment = useCallback(
    (first: number, second: number, judgment: Judgment) =>
      setDraft((d) => ({
        judgments: withPairJudgment(prepared.model.criteria.length, d.judgments, first, second, judgment),
        weights: null,
      })),
    [prepared],
  );
  const onReset = useCallback(() => setDraft(initialDraft(prepared)), [prepared]);
  const changeView = (next: TableView) => {
    setTableView(next);
    setPage(1);
  };

  const { rules } = view;
  const eligible = useMemo(() => prepared.table.eligible.reduce((s, e) => s + e, 0), [prepared]);
  const role = user?.role;
  const canEdit = role ? roleCan(role, "ranking.model.manage") : false;
  const canSelect = role ? roleCan(role, "ranking.select") : false;

  return (
    <Stack>
      <Card withBorder>
        <Stack gap={4}>
          <Text fz="sm" data-testid="ranking-summary">
            {t("RANKING_SUMMARY", {
              applicants: formatNumber(view.count, t.language),
              eligible: formatNumber(eligible, t.language),
              quota: formatNumber(rules.quota, t.language),
              budget: formatRupiah(rules.budget),
              amount: formatRupiah(rules.amountPerRecipient),
            })}
          </Text>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {view.modelVersion > 0
                ? t("RANKING_MODEL_VERSION", { version: view.modelVersion })
                : t("RANKING_MODEL_DEFAULT")}
            </Badge>
            <Text fz="xs" c="dimmed">
              {t("SELECTION_TIE_BREAK")}
            </Text>
          </Group>
        </Stack>
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <WeightsCard
              model={prepared.model}
              result={result}
              override={draft.weights !== null}
              pristine={pristine}
              report={report}
              onWeight={onWeight}
              onApplyHint={onJudgment}
              onReset={onReset}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder component="section" aria-labelledby="ranking-impact">
              <Text fw={700} id="ranking-impact" mb={4}>
                {t("RANKING_IMPACT")}
              </Text>
              <Group gap="xs" data-testid="ranking-impact">
                {result.entering.length === 0 && result.leaving.length === 0 ? (
                  <Text fz="sm">{t("RANKING_UNCHANGED")}</Text>
                ) : (
                  <>
                    <Badge color="teal" variant="light" size="lg">
                      {t("RANKING_ENTERING", { count: formatNumber(result.entering.length, t.language) })}
                    </Badge>
                    <Badge color="red" variant="light" size="lg">
                      {t("RANKING_LEAVING", { count: formatNumber(result.leaving.length, t.language) })}
                    </Badge>
                  </>
                )}
                <Text fz="sm" c="dimmed">
                  {t("RANKING_SELECTED_OF", {
                    selected: formatNumber(result.selected.length, t.language),
                    eligible: formatNumber(eligible, t.language),
                  })}
                  {result.cutoffScore !== null &&
                    ` · ${t("RANKING_CUTOFF", { score: formatDecimal(result.cutoffScore, 4, t.language) })}`}
                </Text>
              </Group>
              {result.selected.length >= eligible && eligible > 0 && (
                <Alert color="orange" mt="xs" data-testid="quota-not-binding-page">
                  {t("RANKING_QUOTA_NOT_BINDING", { eligible: formatNumber(eligible, t.language) })}
                </Alert>
              )}
            </Card>
            <RankingTable
              prepared={prepared}
              result={result}
              analysis={current}
              view={tableView}
              page={page}
              onView={changeView}
              onPage={setPage}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <JudgmentsCard model={prepared.model} judgments={draft.judgments} onJudgment={onJudgment} />
      <ModelActions
        prepared={prepared}
        draft={draft}
        pristine={pristine}
        canEdit={canEdit}
        canSelect={canSelect}
        consistencyRatio={result.criteriaAnalysis.consistencyRatio}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SensitivityCard model={prepared.model} analysis={current} />
        <NearCutoffCard prepared={prepared} analysis={current} />
      </SimpleGrid>
    </Stack>
  );
}

export default function RankingPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const programId = params.get("program") ?? "";
  const periodId = params.get("period") ?? "";
  const programs = usePrograms();
  const periods = usePeriods(programId || undefined);
  const simulation = useSimulationTable(periodId || undefined);
  const programPeriods = (periods.data ?? []).filter((p) => p.programId === programId);

  const choose = (next: { program?: string; period?: string }) => {
    const program = next.program ?? programId;
    const period = next.program !== undefined ? "" : (next.period ?? periodId);
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of [
          ["program", program],
          ["period", period],
        ] as const) {
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  };

  // With one period (the usual case: the current tahap), it is chosen for the officer.
  useEffect(() => {
    const only = programPeriods.length === 1 ? programPeriods[0] : undefined;
    if (programId && !periodId && only) choose({ period: only.id });
  });

  return (
    <>
      <PageHeader title={t("RANKING_TITLE")} />
      <Stack>
        <Text fz="sm" c="dimmed">
          {t("RANKING_INTRO")}
        </Text>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("RANKING_PROGRAM")}
              value={programId}
              onChange={(event) => choose({ program: event.currentTarget.value })}
              data={[
                { value: "", label: t("CHOOSE") },
                ...(programs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <NativeSelect
              label={t("RANKING_PERIOD")}
              value={periodId}
              disabled={!programId}
              onChange={(event) => choose({ period: event.currentTarget.value })}
              data={[
                { value: "", label: t("CHOOSE") },
                ...programPeriods.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          </SimpleGrid>
          {programId && periods.isSuccess && programPeriods.length === 0 && (
            <Text fz="sm" c="dimmed" mt="xs">
              {t("RANKING_NO_PERIODS")}
            </Text>
          )}
        </Card>
        {programs.isError ? (
          <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
        ) : !periodId ? (
          <Text c="dimmed">{t("RANKING_CHOOSE_PROGRAM")}</Text>
        ) : simulation.isPending ? (
          <LoadingState />
        ) : simulation.isError ? (
          <ErrorState error={simulation.error} onRetry={() => void simulation.refetch()} />
        ) : (
          <Workspace
            key={`${simulation.data.periodId}:${simulation.data.modelVersion}`}
            view={simulation.data}
          />
        )}
      </Stack>
    </>
  );
}
