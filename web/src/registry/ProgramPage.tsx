import {
  Alert,
  Badge,
  Button,
  Card,
  DataList,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { PERIOD_STATUSES } from "../../../src/registry/codes.ts";
import { periodInputSchema } from "../../../src/registry/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { formatDate, formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { DateField } from "../ui/DateField.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { useAgencies, useCreatePeriod, usePeriods, usePrograms } from "./api.ts";

function PeriodForm({ programId }: { programId: string }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const mutation = useCreatePeriod();
  const [name, setName] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [status, setStatus] = useState("planned");
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { programId, name: name.trim(), startsOn, endsOn, status };
    const parsed = periodInputSchema.safeParse(body);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, body));
      return;
    }
    setClientErrors([]);
    try {
      await mutation.mutateAsync(parsed.data);
      setName("");
      close();
    } catch {
      // Rendered from mutation.error.
    }
  };

  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        {t("PERIOD_ADD")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("PERIOD_ADD")} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.error != null && serverErrors.length === 0 && (
              <Alert color="red" role="alert">
                {errorText(t, mutation.error)}
              </Alert>
            )}
            <TextInput
              label={t("PERIOD_NAME")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={messages.name}
              required
              data-autofocus
            />
            <SimpleGrid cols={2}>
              <DateField
                label={t("PERIOD_STARTS")}
                value={startsOn}
                onChange={(v) => setStartsOn(v)}
                error={messages.startsOn}
                required
              />
              <DateField
                label={t("PERIOD_ENDS")}
                value={endsOn}
                onChange={(v) => setEndsOn(v)}
                error={messages.endsOn}
                required
              />
            </SimpleGrid>
            <NativeSelect
              label={t("PERIOD_STATUS")}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={PERIOD_STATUSES.map((s) => ({ value: s, label: t(`PERIOD_STATUS_${s}`) }))}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("CANCEL")}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t("SAVE")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export default function ProgramPage() {
  const t = useT();
  const { id } = useParams();
  const { abilities } = useAuth();
  const programs = usePrograms();
  const agencies = useAgencies();
  const periods = usePeriods(id);
  if (programs.isPending) return <LoadingState />;
  if (programs.isError) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  const program = programs.data.find((p) => p.id === id);
  if (!program) return <ErrorState error={new ApiError(404, "PROGRAM_NOT_FOUND", "", { id: id ?? "" })} />;
  const agency = agencies.data?.find((a) => a.id === program.agencyId);
  return (
    <>
      <PageHeader
        title={program.name}
        crumbs={[{ label: t("PROGRAMS_TITLE"), to: "/program" }, { label: program.name }]}
      />
      <Stack>
        <Card withBorder>
          <DataList size="sm" labelWidth={170}>
            {[
              [t("COL_AGENCY"), agency?.name ?? ""],
              [t("PROGRAM_CODE"), program.code],
              [t("PROGRAM_KIND"), t(`PROGRAM_KIND_${program.kind}`)],
              [t("PROGRAM_TARGET"), t(`PROGRAM_TARGET_${program.target}`)],
              [t("PROGRAM_AMOUNT"), formatRupiah(program.amountPerRecipient)],
              [t("PROGRAM_QUOTA"), formatNumber(program.quota, t.language)],
              [t("PROGRAM_BUDGET"), formatRupiah(program.budget)],
            ].map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
          {program.description && (
            <Text fz="sm" mt="sm">
              {program.description}
            </Text>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="periods-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4" id="periods-heading">
              {t("PROGRAM_PERIODS")}
            </Title>
            {abilities.editPrograms && <PeriodForm programId={program.id} />}
          </Group>
          {periods.isPending ? (
            <LoadingState />
          ) : periods.isError ? (
            <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
          ) : periods.data.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t("PERIODS_EMPTY")}
            </Text>
          ) : (
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("PERIOD_NAME")}</Table.Th>
                  <Table.Th>{t("PERIOD_STARTS")}</Table.Th>
                  <Table.Th>{t("PERIOD_ENDS")}</Table.Th>
                  <Table.Th>{t("PERIOD_STATUS")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{formatDate(p.startsOn, t.language)}</Table.Td>
                    <Table.Td>{formatDate(p.endsOn, t.language)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={p.status === "open" ? "teal" : "gray"}
                        radius="sm"
                        style={{ minWidth: "max-content" }}
                      >
                        {t(`PERIOD_STATUS_${p.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </>
  );
}
