import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { BUSINESS_SECTORS } from "../../../src/registry/attributes.ts";
import { businessInputSchema } from "../../../src/registry/schemas.ts";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { useT } from "../i18n/language.tsx";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { type PersonDetail, useRegisterBusiness } from "./api.ts";

/** A business (UMKM) registered for its owner, in the owner's desa unless the address says otherwise. */
export function BusinessForm({ owner }: { owner: PersonDetail }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState("");
  const [sector, setSector] = useState("");
  const [licenseNumber, setLicenseNumber] = useState("");
  const [address, setAddress] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const mutation = useRegisterBusiness();
  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ownerId: owner.id,
      name: name.trim(),
      sector: sector || undefined,
      licenseNumber: licenseNumber.trim() || undefined,
      address: address.trim() || undefined,
      villageCode: owner.village.code,
    };
    const parsed = businessInputSchema.safeParse(body);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, body));
      return;
    }
    setClientErrors([]);
    try {
      const business = await mutation.mutateAsync(parsed.data);
      notifications.show({ color: "teal", message: t("BUSINESS_SAVED", { name: business.name }) });
      setName("");
      setSector("");
      setLicenseNumber("");
      setAddress("");
      close();
    } catch {
      // Rendered from mutation.error.
    }
  };

  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        {t("BUSINESS_ADD")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("BUSINESS_ADD")} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.error != null && serverErrors.length === 0 && (
              <Alert color="red" role="alert">
                {errorText(t, mutation.error)}
              </Alert>
            )}
            <TextInput
              label={t("BUSINESS_NAME")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={messages.name}
              required
              data-autofocus
            />
            <NativeSelect
              label={t("BUSINESS_SECTOR")}
              value={sector}
              onChange={(e) => setSector(e.currentTarget.value)}
              error={messages.sector}
              required
              data={[
                { value: "", label: t("CHOOSE") },
                ...BUSINESS_SECTORS.map((s) => ({ value: s, label: t(`SECTOR_${s}`) })),
              ]}
            />
            <TextInput
              label={t("BUSINESS_LICENSE")}
              value={licenseNumber}
              onChange={(e) => setLicenseNumber(e.currentTarget.value)}
              error={messages.licenseNumber}
            />
            <TextInput
              label={t("FIELD_address")}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={messages.address}
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
