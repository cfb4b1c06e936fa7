import { Alert, Button, Group, Loader, Tabs, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState } from "../ui/states.tsx";
import { overlapAbilities } from "./abilities.ts";
import { useStartRun } from "./api.ts";
import { OverlapRules } from "./OverlapRules.tsx";
import { QualityReport } from "./QualityReport.tsx";
import { ReviewQueue } from "./ReviewQueue.tsx";
import { ViolationsReport } from "./ViolationsReport.tsx";

const TABS = ["pemeriksaan", "pelanggaran", "aturan", "mutu"] as const;
type Tab = (typeof TABS)[number];

/** Overlap detection for the coordination meeting: review queue, violations report, rules and quality. */
export default function OverlapPage() {
  const t = useT();
  const { user } = useAuth();
  const can = overlapAbilities(user);
  const [params, setParams] = useSearchParams();
  const visible: Record<Tab, boolean> = {
    pemeriksaan: can.readReviews,
    pelanggaran: can.report,
    aturan: can.readRules,
    mutu: can.readReviews,
  };
  const requested = params.get("tab") as Tab | null;
  const tab = requested && visible[requested] ? requested : (TABS.find((name) => visible[name]) ?? "aturan");
  const run = useStartRun();

  return (
    <>
      <PageHeader
        title={t("OVERLAP_TITLE")}
        actions={
          can.run ? (
            <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="matching-run">
              {t("MATCH_RUN_START")}
            </Button>
          ) : undefined
        }
      />
      {run.isPending && (
        <Alert color="blue" mb="md" role="status" data-testid="matching-run-progress">
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" aria-hidden />
            <Text fz="sm">{t("MATCH_RUN_RUNNING")}</Text>
          </Group>
        </Alert>
      )}
      {run.isError && (
        <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>
          <ErrorState error={run.error} />
        </div>
      )}
      {run.isSuccess && (
        <Alert
          color="teal"
          mb="md"
          role="status"
          data-testid="matching-run-done"
          withCloseButton
          onClose={() => run.reset()}
        >
          {t("MATCH_RUN_DONE", {
            persons: formatNumber(run.data.persons, t.language),
            linkedPairs: formatNumber(run.data.linkedPairs, t.language),
            reviewPairs: formatNumber(run.data.reviewPairs, t.language),
            newReviewPairs: formatNumber(run.data.newReviewPairs, t.language),
            clusters: formatNumber(run.data.clusters, t.language),
          })}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md" style={{ flexWrap: "wrap" }}>
          {visible.pemeriksaan && <Tabs.Tab value="pemeriksaan">{t("OVERLAP_TAB_REVIEWS")}</Tabs.Tab>}
          {visible.pelanggaran && <Tabs.Tab value="pelanggaran">{t("OVERLAP_TAB_VIOLATIONS")}</Tabs.Tab>}
          {visible.aturan && <Tabs.Tab value="aturan">{t("OVERLAP_TAB_RULES")}</Tabs.Tab>}
          {visible.mutu && <Tabs.Tab value="mutu">{t("OVERLAP_TAB_QUALITY")}</Tabs.Tab>}
        </Tabs.List>
        {visible.pemeriksaan && (
          <Tabs.Panel value="pemeriksaan">
            <ReviewQueue canDecide={can.decide} />
          </Tabs.Panel>
        )}
        {visible.pelanggaran && (
          <Tabs.Panel value="pelanggaran">
            <ViolationsReport />
          </Tabs.Panel>
        )}
        {visible.aturan && (
          <Tabs.Panel value="aturan">
            <OverlapRules canManage={can.manageRules} />
          </Tabs.Panel>
        )}
        {visible.mutu && (
          <Tabs.Panel value="mutu">
            <QualityReport />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
