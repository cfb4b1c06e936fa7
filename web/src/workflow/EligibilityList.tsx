import { List, Text, ThemeIcon } from "@mantine/core";
import { formatDate } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import type { ApplicationWorkflow } from "./api.ts";

/** Each rule of the program with whether it passed and the sentence that says why. */
export function EligibilityList({ eligibility }: { eligibility: ApplicationWorkflow["eligibility"] }) {
  const t = useT();
  return (
    <>
      <Text fz="xs" c="dimmed" mb={4}>
        {t("ELIGIBILITY_TITLE", { date: formatDate(eligibility.asOf, t.language) })}
      </Text>
      <List spacing={4} fz="sm" center data-testid="eligibility">
        {eligibility.results.map((r) => (
          <List.Item
            key={r.rule}
            icon={
              <ThemeIcon size={18} radius="xl" color={r.passed ? "teal" : "red"} aria-hidden>
                <span style={{ fontSize: 11 }}>{r.passed ? "✓" : "✕"}</span>
              </ThemeIcon>
            }
          >
            <Text span fz="sm" fw={600}>
              {t.code(`WF_RULE_${r.rule}`, {}, r.rule)}:
            </Text>{" "}
            <Text span fz="sm">
              {r.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  );
}
