import { Alert, Button, Group, Modal, NativeSelect, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type PersonDetail, useEnrollPerson, usePeriods, usePrograms } from "./api.ts";

/** Enrolls a person in an open period; a business program asks which of their businesses applies. */
export function EnrollForm({
  person,
  onEnrolled,
}: {
  person: PersonDetail;
  /** Called with the new draft's id, so the page can open it for papers and submission. */
  onEnrolled?: (enrollmentId: string) => void;
}) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const programs = usePrograms();
  const periods = usePeriods();
  const [periodId, setPeriodId] = useState("");
  const [businessId, setBusinessId] = useState("");
  const mutation = useEnrollPerson();
  const programById = new Map((programs.data ?? []).map((p) => [p.id, p]));
  const enrolled = new Set(person.enrollments.map((e) => e.periodId));
  const options = (periods.data ?? [])
    .filter((p) => p.status !== "closed" && !enrolled.has(p.id))
    .map((p) => ({ value: p.id, label: `${programById.get(p.programId)?.name ?? ""} — ${p.name}` }));
  const chosen = periods.data?.find((p) => p.id === periodId);
  const needsBusiness = chosen ? programById.get(chosen.programId)?.target === "business" : false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!periodId) return;
    try {
      const enrollment = await mutation.mutateAsync({
        personId: person.id,
        periodId,
        businessId: businessId || undefined,
      });
      notifications.show({
        color: "teal",
        message: t("ENROLLED", { program: enrollment.programName, period: enrollment.periodName }),
      });
      setPeriodId("");
      setBusinessId("");
      close();
      onEnrolled?.(enrollment.id);
    } catch {
      // Rendered from mutation.error.
    }
  };

  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        {t("ENROLL")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("ENROLL")} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.error != null && (
              <Alert color="red" role="alert">
                {errorText(t, mutation.error)}
              </Alert>
            )}
            <NativeSelect
              label={t("ENROLL_PERIOD")}
              value={periodId}
              onChange={(e) => setPeriodId(e.currentTarget.value)}
              required
              data={[{ value: "", label: t("CHOOSE") }, ...options]}
              data-autofocus
            />
            {needsBusiness && (
              <NativeSelect
                label={t("PERSON_BUSINESSES")}
                value={businessId}
                onChange={(e) => setBusinessId(e.currentTarget.value)}
                data={[
                  { value: "", label: t("CHOOSE") },
                  ...person.businesses.map((b) => ({ value: b.id, label: b.name })),
                ]}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("CANCEL")}
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={!periodId}>
                {t("SAVE")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
