import { Group, Text } from "@mantine/core";
import { formatDate } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { usePersonVerification } from "./api.ts";
import { VerificationStatusBadge } from "./CivilRegistryPage.tsx";

/** On the person's page: the civil registry's latest answer, its date and where it came from. */
export function VerificationSection({ personId }: { personId: string }) {
  const t = useT();
  const verification = usePersonVerification(personId);
  if (verification.isPending) return <LoadingState />;
  if (verification.error)
    return <ErrorState error={verification.error} onRetry={() => void verification.refetch()} />;
  const v = verification.data.verification;
  if (!v)
    return (
      <Text fz="sm" c="dimmed" data-testid="person-civil-registry" data-state="none">
        {t("CR_NEVER")}
      </Text>
    );
  return (
    <Group gap="xs" data-testid="person-civil-registry" data-state={v.status}>
      <VerificationStatusBadge status={v.status} />
      <Text fz="sm">
        {t("CR_CHECKED", {
          status: t.code(`CR_STATUS_${v.status}`, {}, v.status),
          date: formatDate(v.checkedOn, t.language),
          source: t(`CR_SOURCE_${v.source}`, { ref: v.sourceRef }),
        })}
      </Text>
    </Group>
  );
}
