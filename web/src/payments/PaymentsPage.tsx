import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { useDecrees } from "../decree/api.ts";
import { formatNumber, formatRupiah } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { useAgencies, usePrograms } from "../registry/api.ts";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { useBatches, usePrepare } from "./api.ts";

/** /pembayaran: the agency prepares batches from a decree; everyone entitled sees the batches of their agency or bank. */
export default function PaymentsPage() {
  const t = useT();
  const { user, abilities } = useAuth();
  return (
    <>
      <PageHeader
        title={t("PAY_TITLE")}
        actions={
          // The layouts screen is where the agency keeps its bank's file formats; only those who may change them
          // are sent there (the server refuses everyone else's writes anyway).
          abilities.manageLayouts && (
            <Button component={Link} to="/pembayaran/tata-letak" variant="light" size="xs">
              {t("PAY_LAYOUTS_OPEN")}
            </Button>
          )
        }
      />
      <Stack>
        {user && roleCan(user.role, "payment.prepare") && <PrepareForm />}
        <BatchList />
      </Stack>
    </>
  );
}

function PrepareForm() {
  const t = useT();
  // Only a decree in force is paid: an amended one names its successor, which is the one to pay.
  const decrees = useDecrees();
  const programs = usePrograms();
  const agencies = useAgencies();
  const prepare = usePrepare();
  const [decreeId, setDecreeId] = useState("");
  const [bankId, setBankId] = useState("");
  const [deadline, setDeadline] = useState("");
  const [split, setSplit] = useState<string>("none");
  const programName = (id: string) => programs.data?.find((p) => p.id === id)?.name ?? "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decreeId || !bankId || !deadline) return;
    prepare.mutate({ decreeId, bankAgencyId: bankId, claimDeadline: deadline, split: split as "none" });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="pay-prepare-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="pay-prepare-title">
          {t("PAY_PREPARE_TITLE")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("PAY_PREPARE_HINT")}
        </Text>
        <Group grow align="flex-end">
          <NativeSelect
            label={t("PAY_DECREE")}
            required
            value={decreeId}
            onChange={(e) => setDecreeId(e.currentTarget.value)}
            data={[
              { value: "", label: "–" },
              ...(decrees.data ?? [])
                .filter((d) => d.status === "approved")
                .map((d) => ({ value: d.id, label: `${d.number ?? ""} · ${programName(d.programId)}` })),
            ]}
          />
          <NativeSelect
            label={t("PAY_BANK")}
            required
            value={bankId}
            onChange={(e) => setBankId(e.currentTarget.value)}
            data={[
              { value: "", label: "–" },
              ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
        </Group>
        <Group grow align="flex-end">
          <TextInput
            type="date"
            label={t("PAY_DEADLINE")}
            required
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("PAY_SPLIT")}
            value={split}
            onChange={(e) => setSplit(e.currentTarget.value)}
            data={(["none", "branch", "district"] as const).map((s) => ({
              value: s,
              label: t(`PAY_SPLIT_${s}`),
            }))}
          />
        </Group>
        {prepare.error && (
          <Alert color="red" role="alert">
            {errorText(t, prepare.error)}
          </Alert>
        )}
        {prepare.data && (
          <Alert color="green" role="status">
            {t("PAY_PREPARED", { count: prepare.data.items.length })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={prepare.isPending}>
            {t("PAY_PREPARE")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function BatchList() {
  const t = useT();
  const batches = useBatches();
  if (batches.isPending) return <LoadingState />;
  if (batches.error) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.items.length === 0) return <EmptyView title={t("PAY_EMPTY")} />;
  return (
    <Card withBorder>
      <Title order={2} fz="h4" mb="sm">
        {t("PAY_LIST_TITLE")}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table data-testid="payment-batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("PAY_NUMBER")}</Table.Th>
              <Table.Th>{t("PAY_PROGRAM")}</Table.Th>
              <Table.Th>{t("PAY_STATUS")}</Table.Th>
              <Table.Th ta="right">{t("PAY_COUNT")}</Table.Th>
              <Table.Th ta="right">{t("PAY_TOTAL")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.data.items.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/pembayaran/${b.id}`}>
                    {t("PAY_NUMBER")} {b.number}
                    {b.splitValue ? ` · ${b.splitValue}` : ""}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {b.programName} · {b.periodName}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t.code(`PAY_STATUS_${b.status}`)}</Badge>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(b.lineCount, t.language)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(b.totalAmount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
