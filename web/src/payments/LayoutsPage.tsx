import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type LayoutView, useBatch, useDeleteLayout, useLayouts } from "./api.ts";
import { draftOf, type LayoutDraft, LayoutEditor, newDraft } from "./LayoutEditor.tsx";

/**
 * /pembayaran/tata-letak — the bank file layouts of the official's agency (or, from a batch, of the agency that
 * pays it): the built-in BRI ones first, then the saved ones; whoever exports the agency's batches edits them,
 * the others who see payment batches only read them, and any other role is told the screen is not theirs.
 */
export default function LayoutsPage() {
  const t = useT();
  const { abilities } = useAuth();
  // A role without payment.read would only earn a 403 from the list: say whose screen this is instead, and
  // send no request at all.
  if (!abilities.readPayments)
    return (
      <>
        <PageHeader title={t("PAY_LAYOUTS_TITLE")} />
        <EmptyView title={t("PAY_LAYOUTS_NOT_YOUR_ROLE")} description={t("PAY_LAYOUTS_NOT_YOUR_ROLE_HINT")} />
      </>
    );
  return <Layouts mayEdit={abilities.manageLayouts} />;
}

function Layouts({ mayEdit }: { mayEdit: boolean }) {
  const t = useT();
  const [params] = useSearchParams();
  const batchId = params.get("batch");
  const batch = useBatch(batchId ?? "", batchId !== null);
  const layouts = useLayouts({ batchId });
  const remove = useDeleteLayout();
  const [editing, setEditing] = useState<{ draft: LayoutDraft; isNew: boolean; serial: number } | null>(null);
  const [confirming, setConfirming] = useState<LayoutView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = (draft: LayoutDraft, isNew: boolean) => {
    setDone(null);
    setEditing((e) => ({ draft, isNew, serial: (e?.serial ?? 0) + 1 }));
  };
  const number = batch.data?.batch.number;
  const crumbs = [
    { label: t("PAY_TITLE"), to: "/pembayaran" },
    ...(batchId && number !== undefined
      ? [{ label: `${t("PAY_NUMBER")} ${number}`, to: `/pembayaran/${batchId}` }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t("PAY_LAYOUTS_TITLE")} crumbs={crumbs} />
      <Stack>
        <Text fz="sm" c="dimmed">
          {batchId && number !== undefined ? t("PAY_LAYOUTS_BATCH_HINT", { number }) : t("PAY_LAYOUTS_HINT")}
        </Text>
        {!mayEdit && (
          // Reading is allowed, changing is not: say so, rather than leave the missing buttons unexplained.
          <Alert color="gray" data-testid="layouts-read-only">
            {t("PAY_LAYOUTS_READ_ONLY")}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status" data-testid="layout-done">
            {done}
          </Alert>
        )}
        {remove.error != null && (
          <Alert color="red" role="alert">
            {errorText(t, remove.error)}
          </Alert>
        )}
        {layouts.isPending ? (
          <LoadingState />
        ) : layouts.error ? (
          <ErrorState error={layouts.error} onRetry={() => void layouts.refetch()} />
        ) : (
          <Card withBorder p={0}>
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" data-testid="payment-layouts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("PAY_LAYOUT_NAME")}</Table.Th>
                    <Table.Th>{t("PAY_LAYOUT_CODE")}</Table.Th>
                    <Table.Th>{t("PAY_LAYOUT_KIND")}</Table.Th>
                    <Table.Th>{t("PAY_LAYOUT_COLUMNS")}</Table.Th>
                    {mayEdit && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {layouts.data.items.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        {l.name}{" "}
                        {l.builtIn && (
                          <Badge variant="light" size="sm">
                            {t("PAY_LAYOUT_BUILT_IN")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{l.code}</Code>
                      </Table.Td>
                      <Table.Td>{t.code(`PAY_LAYOUT_KIND_${l.kind}`)}</Table.Td>
                      <Table.Td>
                        {l.layout.columns
                          .map((c) => c.header)
                          .join(l.layout.delimiter === "|" ? " | " : `${l.layout.delimiter} `)}
                      </Table.Td>
                      {mayEdit && (
                        <Table.Td>
                          {confirming?.id === l.id ? (
                            <Group gap={4} wrap="nowrap">
                              <Text fz="sm">{t("PAY_LAYOUT_DELETE_CONFIRM", { name: l.name })}</Text>
                              <Button
                                size="xs"
                                color="red"
                                loading={remove.isPending}
                                onClick={() =>
                                  remove.mutate(l.id, {
                                    onSuccess: () => {
                                      setConfirming(null);
                                      setDone(t("PAY_LAYOUT_DELETED", { name: l.name }));
                                    },
                                  })
                                }
                              >
                                {t("YES")}
                              </Button>
                              <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                                {t("NO")}
                              </Button>
                            </Group>
                          ) : (
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="xs"
                                variant="light"
                                aria-label={`${l.builtIn ? t("PAY_LAYOUT_COPY") : t("EDIT")} ${l.name}`}
                                onClick={() => open(draftOf(l, l.builtIn), l.builtIn)}
                              >
                                {l.builtIn ? t("PAY_LAYOUT_COPY") : t("EDIT")}
                              </Button>
                              {!l.builtIn && (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  aria-label={`${t("PAY_LAYOUT_DELETE")} ${l.name}`}
                                  onClick={() => setConfirming(l)}
                                >
                                  {t("PAY_LAYOUT_DELETE")}
                                </Button>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        {mayEdit && !editing && (
          <Group>
            <Button onClick={() => open(newDraft("export"), true)}>{t("PAY_LAYOUT_NEW")}</Button>
          </Group>
        )}
        {mayEdit && editing && (
          <LayoutEditor
            key={editing.serial}
            initial={editing.draft}
            isNew={editing.isNew}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setDone(t("PAY_LAYOUT_SAVED", { name: saved.name }));
            }}
          />
        )}
      </Stack>
    </>
  );
}
