import { Anchor, Card, DataList, Group, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { HistoryTimeline } from "../audit/HistoryTimeline.tsx";
import { useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { EnrollmentStatusBadge } from "../registry/badges.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useApplication } from "./api.ts";
import { DecisionPanel } from "./DecisionPanel.tsx";
import { DocumentGallery } from "./DocumentGallery.tsx";
import { EligibilityList } from "./EligibilityList.tsx";

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Title order={3} fz="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * One application as its officer decides on it: who and which program, the papers in view, eligibility rule by
 * rule, the decisions open to the caller, and the application's own history.
 */
export function ApplicationPanel({ id, showPageLink = false }: { id: string; showPageLink?: boolean }) {
  const t = useT();
  const { user } = useAuth();
  const view = useApplication(id);
  const regions = useRegionIndex();
  if (view.isPending) return <LoadingState />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const app = view.data;
  const a = app.application;
  const village = regions?.name(a.villageCode) ?? a.villageCode;
  const canUpload = user ? roleCan(user.role, "document.upload") : true;
  const canReadPerson = user ? roleCan(user.role, "person.read") : true;
  return (
    <Stack gap="sm" data-testid="application-panel">
      <DataList size="sm" labelWidth={120}>
        <DataList.Item>
          <DataList.ItemLabel>{t("APPLICATION_APPLICANT")}</DataList.ItemLabel>
          <DataList.ItemValue>
            {canReadPerson ? (
              <Anchor component={Link} to={`/penduduk/${a.personId}`} fz="sm">
                {a.personName}
              </Anchor>
            ) : (
              a.personName
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("APPLICATION_PERIOD")}</DataList.ItemLabel>
          <DataList.ItemValue>
            {a.programName} · {a.periodName}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("APPLICATION_AGENCY")}</DataList.ItemLabel>
          <DataList.ItemValue>{a.agencyName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("APPLICATION_PLACE")}</DataList.ItemLabel>
          <DataList.ItemValue>
            {village}
            {a.rt ? ` · RT ${a.rt}` : ""}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("APPLICATION_STATUS")}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap="xs">
              <span data-testid="application-status">
                <EnrollmentStatusBadge status={a.status} />
              </span>
              {showPageLink && (
                <Anchor component={Link} to={`/pengajuan/${a.id}`} fz="sm">
                  {t("APPLICATION_OPEN_PAGE")}
                </Anchor>
              )}
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Part title={t("DECISION_TITLE")}>
        <DecisionPanel app={app} />
      </Part>
      <Part title={t("DOCS_TITLE")}>
        <DocumentGallery app={app} canUpload={canUpload} />
      </Part>
      <Part title={t("QUEUE_COL_ELIGIBILITY")}>
        <EligibilityList eligibility={app.eligibility} />
      </Part>
      <Part title={t("APPLICATION_HISTORY")}>
        <HistoryTimeline entries={app.history} />
      </Part>
    </Stack>
  );
}
