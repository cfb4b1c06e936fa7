import { Badge, Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type ImportView, useImportIssues } from "./import-api.ts";
import { wholeRows } from "./import-rules.ts";

const ISSUES_PAGE = 100;

/** The findings by row and column, as the officer will look for them in the spreadsheet. */
export function ImportIssues({ record }: { record: ImportView }) {
  const t = useT();
  // Each page starts after a row; the stack holds where the earlier pages started, for "previous".
  const [starts, setStarts] = useState<number[]>([0]);
  const afterRow = starts[starts.length - 1] ?? 0;
  const issues = useImportIssues(record.id, afterRow, ISSUES_PAGE);
  const total = record.issueCounts.reduce((sum, c) => sum + c.count, 0);
  const page = issues.data ? wholeRows(issues.data, ISSUES_PAGE) : null;
  const firstRow = page?.shown[0]?.row;
  const lastRow = page?.shown[page.shown.length - 1]?.row;

  return (
    <Card withBorder component="section" aria-labelledby="import-issues-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="h4" id="import-issues-heading">
          {t("IMPORT_ISSUES_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed" data-testid="import-issues-total">
          {t("IMPORT_ISSUES_TOTAL", { count: formatNumber(total, t.language) })}
        </Text>
      </Group>
      {issues.isPending ? (
        <LoadingState />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
      ) : page && page.shown.length === 0 && starts.length === 1 ? (
        <EmptyView title={t("IMPORT_ISSUES_EMPTY")} description={t("IMPORT_ISSUES_EMPTY_HINT")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={340}>
            <Table
              fz="sm"
              verticalSpacing={6}
              data-testid="import-issues"
              aria-labelledby="import-issues-heading"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: "4.5rem" }}>{t("IMPORT_ISSUE_ROW")}</Table.Th>
                  <Table.Th style={{ width: "30%" }}>{t("IMPORT_ISSUE_COLUMN")}</Table.Th>
                  <Table.Th>{t("IMPORT_ISSUE_FINDING")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page?.shown.map((issue) => (
                  <Table.Tr
                    key={`${issue.row}-${issue.column}-${issue.code}-${JSON.stringify(issue.params)}`}
                    data-testid="import-issue"
                    data-row={issue.row}
                    data-severity={issue.severity}
                  >
                    <Table.Td>{formatNumber(issue.row, t.language)}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>
                      {issue.columnLabel ?? t("IMPORT_ISSUE_WHOLE_ROW")}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        radius="sm"
                        color={issue.severity === "error" ? "red" : "yellow"}
                        variant={issue.severity === "error" ? "light" : "filled"}
                        mr={6}
                      >
                        {t(`IMPORT_SEVERITY_${issue.severity}`)}
                      </Badge>
                      {t.code(issue.code, issue.params as Record<string, string>, issue.message)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="sm" gap="xs">
            <Text fz="sm" c="dimmed" aria-live="polite">
              {firstRow !== undefined && lastRow !== undefined
                ? t("IMPORT_ISSUES_ROWS", {
                    from: formatNumber(firstRow, t.language),
                    to: formatNumber(lastRow, t.language),
                  })
                : null}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                disabled={starts.length <= 1}
                onClick={() => setStarts((s) => s.slice(0, -1))}
              >
                {t("IMPORT_ISSUES_PREVIOUS")}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={
                  page?.nextAfter === null || page?.nextAfter === undefined || issues.isPlaceholderData
                }
                onClick={() => {
                  const next = page?.nextAfter;
                  if (next !== null && next !== undefined) setStarts((s) => [...s, next]);
                }}
              >
                {t("IMPORT_ISSUES_NEXT")}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Card>
  );
}
