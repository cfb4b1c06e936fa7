import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { PROGRAM_KINDS, PROGRAM_TARGETS } from "../../../src/registry/codes.ts";
import { programInputSchema } from "../../../src/registry/schemas.ts";
import { useAuth } from "../access/auth.tsx";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useAgencies, useCreateProgram, usePrograms } from "./api.ts";

function ProgramForm() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const agencies = useAgencies();
  const mutation = useCreateProgram();
  const [values, setValues] = useState({
    agencyId: "",
    code: "",
    name: "",
    kind: "cash",
    target: "person",
    amountPerRecipient: "" as number | "",
    budget: "" as number | "",
    quota: "" as number | "",
    description: "",
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...values,
      code: values.code.trim(),
      name: values.name.trim(),
      agencyId: values.agencyId || undefined,
      amountPerRecipient: values.amountPerRecipient === "" ? undefined : values.amountPerRecipient,
      budget: values.budget === "" ? undefined : values.budget,
      quota: values.quota === "" ? undefined : values.quota,
      description: values.description.trim() || undefined,
    };
    const parsed = programInputSchema.safeParse(body);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, body));
      return;
    }
    setClientErrors([]);
    try {
      const program = await mutation.mutateAsync(parsed.data);
      notifications.show({ color: "teal", message: `${program.name}: ${t("SAVED")}` });
      close();
    } catch {
      // Rendered from mutation.error.
    }
  };

  return (
    <>
      <Button onClick={open}>{t("PROGRAM_ADD")}</Button>
      <Modal opened={opened} onClose={close} title={t("PROGRAM_ADD")} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.error != null && serverErrors.length === 0 && (
              <Alert color="red" role="alert">
                {errorText(t, mutation.error)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("PROGRAM_NAME")}
                value={values.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={messages.name}
                required
                data-autofocus
              />
              <TextInput
                label={t("PROGRAM_CODE")}
                description={t("AGENCY_CODE_HINT")}
                value={values.code}
                onChange={(e) => set({ code: e.currentTarget.value })}
                error={messages.code}
                required
              />
              <NativeSelect
                label={t("COL_AGENCY")}
                value={values.agencyId}
                onChange={(e) => set({ agencyId: e.currentTarget.value })}
                error={messages.agencyId}
                required
                data={[
                  { value: "", label: t("CHOOSE") },
                  ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
                ]}
              />
              <NativeSelect
                label={t("PROGRAM_KIND")}
                value={values.kind}
                onChange={(e) => set({ kind: e.currentTarget.value })}
                data={PROGRAM_KINDS.map((k) => ({ value: k, label: t(`PROGRAM_KIND_${k}`) }))}
              />
              <NativeSelect
                label={t("PROGRAM_TARGET")}
                value={values.target}
                onChange={(e) => set({ target: e.currentTarget.value })}
                data={PROGRAM_TARGETS.map((k) => ({ value: k, label: t(`PROGRAM_TARGET_${k}`) }))}
              />
              <NumberInput
                label={t("PROGRAM_AMOUNT")}
                value={values.amountPerRecipient}
                onChange={(v) => set({ amountPerRecipient: v === "" ? "" : Number(v) })}
                error={messages.amountPerRecipient}
                prefix="Rp "
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                allowNegative={false}
                hideControls
                required
              />
              <NumberInput
                label={t("PROGRAM_QUOTA")}
                value={values.quota}
                onChange={(v) => set({ quota: v === "" ? "" : Number(v) })}
                error={messages.quota}
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                allowNegative={false}
                hideControls
                required
              />
              <NumberInput
                label={t("PROGRAM_BUDGET")}
                value={values.budget}
                onChange={(v) => set({ budget: v === "" ? "" : Number(v) })}
                error={messages.budget}
                prefix="Rp "
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                allowNegative={false}
                hideControls
                required
              />
            </SimpleGrid>
            <Textarea
              label={t("PROGRAM_DESCRIPTION")}
              value={values.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
              autosize
              minRows={2}
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

export default function ProgramsPage() {
  const t = useT();
  const { abilities } = useAuth();
  const programs = usePrograms();
  const agencies = useAgencies();
  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
  return (
    <>
      <PageHeader title={t("PROGRAMS_TITLE")} actions={abilities.editPrograms && <ProgramForm />} />
      {programs.isPending ? (
        <LoadingState />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <EmptyView title={t("PROGRAMS_EMPTY")} />
      ) : (
        <Paper withBorder style={{ overflowX: "auto" }}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("PROGRAM_NAME")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("COL_AGENCY")}</Table.Th>
                <Table.Th visibleFrom="md">{t("PROGRAM_TARGET")}</Table.Th>
                <Table.Th className="salur-numeric">{t("PROGRAM_AMOUNT")}</Table.Th>
                <Table.Th className="salur-numeric" visibleFrom="sm">
                  {t("PROGRAM_QUOTA")}
                </Table.Th>
                <Table.Th className="salur-numeric" visibleFrom="md">
                  {t("PROGRAM_BUDGET")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programs.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/program/${p.id}`} fz="sm" fw={600}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{agencyName.get(p.agencyId) ?? ""}</Table.Td>
                  <Table.Td visibleFrom="md">{t(`PROGRAM_TARGET_${p.target}`)}</Table.Td>
                  <Table.Td className="salur-numeric">{formatRupiah(p.amountPerRecipient)}</Table.Td>
                  <Table.Td className="salur-numeric" visibleFrom="sm">
                    {formatNumber(p.quota, t.language)}
                  </Table.Td>
                  <Table.Td className="salur-numeric" visibleFrom="md">
                    {formatRupiah(p.budget)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
