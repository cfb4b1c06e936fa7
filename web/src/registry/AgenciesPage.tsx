import { Alert, Button, Card, Group, Paper, Stack, Table, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { agencyInputSchema } from "../../../src/registry/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useAgencies, useCreateAgency } from "./api.ts";

function AgencyForm() {
  const t = useT();
  const mutation = useCreateAgency();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { code: code.trim(), name: name.trim() };
    const parsed = agencyInputSchema.safeParse(body);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, body));
      return;
    }
    setClientErrors([]);
    try {
      await mutation.mutateAsync(parsed.data);
      setCode("");
      setName("");
    } catch {
      // Rendered from mutation.error.
    }
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label={t("AGENCY_ADD")}>
      <Stack>
        {mutation.error != null && serverErrors.length === 0 && (
          <Alert color="red" role="alert">
            {errorText(t, mutation.error)}
          </Alert>
        )}
        <Group align="flex-start" grow>
          <TextInput
            label={t("AGENCY_NAME")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={messages.name}
            required
          />
          <TextInput
            label={t("AGENCY_CODE")}
            description={t("AGENCY_CODE_HINT")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={messages.code}
            required
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t("AGENCY_ADD")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function AgenciesPage() {
  const t = useT();
  const { abilities } = useAuth();
  const agencies = useAgencies();
  return (
    <>
      <PageHeader title={t("AGENCIES_TITLE")} />
      <Stack>
        {agencies.isPending ? (
          <LoadingState />
        ) : agencies.isError ? (
          <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
        ) : agencies.data.length === 0 ? (
          <EmptyView title={t("AGENCIES_EMPTY")} />
        ) : (
          <Paper withBorder>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("AGENCY_NAME")}</Table.Th>
                  <Table.Th>{t("AGENCY_CODE")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td ff="monospace">{a.code}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        {abilities.manageAgencies && <AgencyForm />}
      </Stack>
    </>
  );
}
