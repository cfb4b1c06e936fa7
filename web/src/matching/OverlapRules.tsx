import {
  Alert,
  Button,
  Card,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client.ts";
import { formatDate } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { usePrograms } from "../registry/api.ts";
import { DateField } from "../ui/DateField.tsx";
import { fieldMessages } from "../ui/errors.ts";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type OverlapLevel, type OverlapRuleInput, useCreateOverlapRule, useOverlapRules } from "./api.ts";

const EMPTY_RULE: OverlapRuleInput = {
  programA: "",
  programB: "",
  level: "person",
  startsOn: "",
  endsOn: "",
  reason: "",
};

function NewRuleForm() {
  const t = useT();
  const programs = usePrograms();
  const create = useCreateOverlapRule();
  const [rule, setRule] = useState<OverlapRuleInput>(EMPTY_RULE);
  const set = <K extends keyof OverlapRuleInput>(field: K, value: OverlapRuleInput[K]) =>
    setRule((r) => ({ ...r, [field]: value }));
  const messages = fieldMessages(t, create.error instanceof ApiError ? create.error.fieldErrors : []);
  const options = [
    { value: "", label: t("CHOOSE") },
    ...(programs.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...rule, reason: rule.reason.trim() }, { onSuccess: () => setRule(EMPTY_RULE) });
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("MATCH_RULE_NEW")}
        </Title>
        {create.isSuccess && (
          <Alert color="teal" role="status">
            {t("MATCH_RULE_SAVED")}
          </Alert>
        )}
        {create.isError && Object.keys(messages).length === 0 && <ErrorState error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("MATCH_RULE_PROGRAM_A")}
            value={rule.programA}
            onChange={(e) => set("programA", e.currentTarget.value)}
            error={messages.programA}
            data={options}
            required
          />
          <NativeSelect
            label={t("MATCH_RULE_PROGRAM_B")}
            description={t("MATCH_RULE_PROGRAM_B_HINT")}
            value={rule.programB}
            onChange={(e) => set("programB", e.currentTarget.value)}
            error={messages.programB}
            data={options}
            required
          />
          <NativeSelect
            label={t("MATCH_VIOLATIONS_LEVEL")}
            value={rule.level}
            onChange={(e) => set("level", e.currentTarget.value as OverlapLevel)}
            data={[
              { value: "person", label: t("MATCH_LEVEL_person") },
              { value: "household", label: t("MATCH_LEVEL_household") },
            ]}
          />
          <div />
          <DateField
            label={t("MATCH_RULE_STARTS")}
            value={rule.startsOn}
            onChange={(v) => set("startsOn", v)}
            error={messages.startsOn}
            required
          />
          <DateField
            label={t("MATCH_RULE_ENDS")}
            value={rule.endsOn}
            onChange={(v) => set("endsOn", v)}
            error={messages.endsOn}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t("MATCH_RULE_REASON")}
          description={t("MATCH_RULE_REASON_HINT")}
          value={rule.reason}
          onChange={(e) => set("reason", e.currentTarget.value)}
          error={messages.reason}
          required
          autosize
          minRows={2}
          maxLength={500}
        />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t("MATCH_RULE_SAVE")}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

/** Which programs one person or household may not receive together, and (for the coordinator) a new one. */
export function OverlapRules({ canManage }: { canManage: boolean }) {
  const t = useT();
  const rules = useOverlapRules();
  return (
    <Stack gap="md">
      {rules.isPending && <LoadingState />}
      {rules.isError && <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isSuccess && rules.data.length === 0 && <EmptyView title={t("MATCH_RULES_EMPTY")} />}
      {rules.isSuccess && rules.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder data-testid="overlap-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("MATCH_RULE_COLUMN_PROGRAMS")}</Table.Th>
                <Table.Th>{t("MATCH_RULE_COLUMN_LEVEL")}</Table.Th>
                <Table.Th>{t("MATCH_RULE_COLUMN_WINDOW")}</Table.Th>
                <Table.Th>{t("MATCH_RULE_COLUMN_REASON")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {t("MATCH_RULE_PAIR", { a: rule.programA.code, b: rule.programB.code })}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {rule.programA.name} · {rule.programB.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t.code(`MATCH_LEVEL_${rule.level}`, {}, rule.level)}</Table.Td>
                  <Table.Td>
                    {t("MATCH_RULE_WINDOW", {
                      from: formatDate(rule.startsOn, t.language),
                      to: formatDate(rule.endsOn, t.language),
                    })}
                  </Table.Td>
                  <Table.Td>{rule.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && <NewRuleForm />}
    </Stack>
  );
}
