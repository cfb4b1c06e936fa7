import { Alert } from "@mantine/core";
import { useParams } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ApplicationPanel } from "./ApplicationPanel.tsx";
import { useApplication } from "./api.ts";

/** /pengajuan/:id — one application with its decision panel, reached from a person's page or a link. */
export default function ApplicationPage() {
  const t = useT();
  const { id = "" } = useParams();
  const { user } = useAuth();
  // The bank decides in bulk from the queue; asking for the full record would only earn it a refusal.
  const canOpen = user ? roleCan(user.role, "enrollment.read") : true;
  const view = useApplication(canOpen ? id : null);
  const program = view.data?.application.programName ?? "";
  return (
    <>
      <PageHeader
        title={t("APPLICATION_TITLE", { program })}
        crumbs={[
          { label: t("QUEUE_TITLE"), to: "/antrian" },
          ...(view.data
            ? [{ label: view.data.application.personName, to: `/penduduk/${view.data.application.personId}` }]
            : []),
          { label: program || "…" },
        ]}
      />
      {canOpen ? (
        <ApplicationPanel id={id} />
      ) : (
        <Alert color="gray" role="status" data-testid="application-not-yours">
          {t("APPLICATION_NOT_YOURS")}
        </Alert>
      )}
    </>
  );
}
