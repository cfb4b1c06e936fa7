import { Accordion, Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import type { SelectionPreview } from "../../../src/ranking/schemas.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useSelectionPreview } from "./api.ts";

/** Rows shown per list; the rest are counted. A run moves hundreds at once — the counts are what matter. */
const SHOWN = 50;

type Row = SelectionPreview["entering"][number];

function People({ rows, testId }: { rows: Row[]; testId: string }) {
  const t = useT();
  return (
    <List size="sm" data-testid={testId}>
      {rows.slice(0, SHOWN).map((row) => (
        <List.Item key={row.enrollmentId}>
          {row.name ?? t("RANKING_CONFIRM_NAME_HIDDEN")}
          {row.rank ? ` · ${t("RANKING_CONFIRM_RANK", { rank: formatNumber(row.rank, t.language) })}` : ""}
        </List.Item>
      ))}
      {rows.length > SHOWN && (
        <List.Item>
          {t("RANKING_CONFIRM_MORE", { count: formatNumber(rows.length - SHOWN, t.language) })}
        </List.Item>
      )}
    </List>
  );
}

/**
 * The confirmation before "Jalankan seleksi": what the run changes against today's statuses, who is not ranked
 * and why, and whether the quota binds at all. Nothing is written until the officer confirms.
 */
export function SelectionConfirm({
  periodId,
  opened,
  reason,
  running,
  onClose,
  onConfirm,
}: {
  periodId: string;
  opened: boolean;
  reason: string;
  running: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  const preview = useSelectionPreview(periodId, opened);
  const data = preview.data;
  const n = (value: number) => formatNumber(value, t.language);
  const needsReason = Boolean(data && data.leaving.length > 0 && reason.trim().length < 3);
  return (
    <Modal opened={opened} onClose={onClose} title={t("RANKING_CONFIRM_TITLE")} size="lg">
      {preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <Stack gap="sm" data-testid="selection-preview">
          <Text fz="sm" data-testid="selection-preview-summary">
            {t("RANKING_CONFIRM_SUMMARY", {
              entering: n(data.entering.length),
              leaving: n(data.leaving.length),
              staying: n(data.staying),
              selected: n(data.selectedCount),
              eligible: n(data.eligibleCount),
            })}
          </Text>
          {!data.quotaBinding && (
            <Alert color="orange" data-testid="quota-not-binding">
              {t("RANKING_QUOTA_NOT_BINDING", { eligible: n(data.eligibleCount) })}
            </Alert>
          )}
          <Accordion multiple variant="contained">
            <Accordion.Item value="entering">
              <Accordion.Control>
                {t("RANKING_CONFIRM_ENTERING", { count: n(data.entering.length) })}
              </Accordion.Control>
              <Accordion.Panel>
                <People rows={data.entering} testId="preview-entering" />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="leaving">
              <Accordion.Control>
                {t("RANKING_CONFIRM_LEAVING", { count: n(data.leaving.length) })}
              </Accordion.Control>
              <Accordion.Panel>
                <People rows={data.leaving} testId="preview-leaving" />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="ineligible">
              <Accordion.Control>
                {t("RANKING_CONFIRM_INELIGIBLE", { count: n(data.ineligible.length) })}
              </Accordion.Control>
              <Accordion.Panel>
                <List size="sm" data-testid="preview-ineligible">
                  {data.ineligible.slice(0, SHOWN).map((row) => (
                    <List.Item key={row.enrollmentId}>
                      {row.name ?? t("RANKING_CONFIRM_NAME_HIDDEN")} (
                      {t.code(`STATUS_${row.status}`, {}, row.status)}
                      ): {row.reasons.map((r) => r.message).join(" ")}
                    </List.Item>
                  ))}
                  {data.ineligible.length > SHOWN && (
                    <List.Item>
                      {t("RANKING_CONFIRM_MORE", { count: n(data.ineligible.length - SHOWN) })}
                    </List.Item>
                  )}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          {needsReason && (
            <Text fz="sm" c="red.8" role="alert">
              {t("RANKING_CONFIRM_NEEDS_REASON")}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("RANKING_CANCEL")}
            </Button>
            <Button onClick={onConfirm} loading={running} disabled={needsReason}>
              {t("RANKING_CONFIRM_RUN")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
