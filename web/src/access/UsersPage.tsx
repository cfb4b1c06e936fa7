import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { ROLES } from "../../../src/access/roles.ts";
import { userInputSchema, userUpdateSchema } from "../../../src/access/schemas.ts";
import { ApiError, type FieldError } from "../api/client.ts";
import { zodFieldErrors } from "../api/zod-errors.ts";
import { areaLabel } from "../app/Shell.tsx";
import { useT } from "../i18n/language.tsx";
import { useRegionIndex } from "../regions/regions.ts";
import { useAgencies } from "../registry/api.ts";
import { errorText, fieldMessages } from "../ui/errors.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type UserView, useCreateUser, useUpdateUser, useUsers } from "./api.ts";
import { useAuth } from "./auth.tsx";

interface UserFormValues {
  username: string;
  name: string;
  role: string;
  districtCode: string;
  villageCode: string;
  rt: string;
  agencyId: string;
  password: string;
  active: boolean;
}

function valuesOf(user: UserView | null): UserFormValues {
  if (!user) {
    return {
      username: "",
      name: "",
      role: "",
      districtCode: "",
      villageCode: "",
      rt: "",
      agencyId: "",
      password: "",
      active: true,
    };
  }
  const parts = user.area.code.split(".");
  return {
    username: user.username,
    name: user.name,
    role: user.role,
    districtCode: parts.length >= 3 ? parts.slice(0, 3).join(".") : "",
    villageCode: parts.length >= 4 ? user.area.code : "",
    rt: user.area.rt ?? "",
    agencyId: user.agencyId ?? "",
    password: "",
    active: user.active,
  };
}

/** Create or edit an account: role, area (regency → kecamatan → desa → RT) and, for program managers, agency. */
function UserForm({ user, onDone }: { user: UserView | null; onDone(): void }) {
  const t = useT();
  const regions = useRegionIndex();
  const agencies = useAgencies();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [values, setValues] = useState<UserFormValues>(() => valuesOf(user));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const serverErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors : [];
  const messages = fieldMessages(t, [...clientErrors, ...serverErrors]);
  const set = (patch: Partial<UserFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const areaCode = values.villageCode || values.districtCode || regions?.tree.regency.code || "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: values.name.trim(),
      role: values.role || undefined,
      areaCode,
      rt: values.villageCode && values.rt.trim() ? values.rt.trim() : null,
      agencyId: values.role === "program_manager" ? values.agencyId || undefined : null,
    };
    try {
      if (user) {
        const body = {
          ...common,
          version: user.version,
          active: values.active,
          password: values.password || undefined,
        };
        const parsed = userUpdateSchema.safeParse(body);
        if (!parsed.success) return setClientErrors(zodFieldErrors(parsed.error, body));
        setClientErrors([]);
        const saved = await update.mutateAsync({ id: user.id, patch: parsed.data });
        notifications.show({ color: "teal", message: t("USER_SAVED", { username: saved.username }) });
      } else {
        const body = { ...common, username: values.username.trim(), password: values.password };
        const parsed = userInputSchema.safeParse(body);
        if (!parsed.success) return setClientErrors(zodFieldErrors(parsed.error, body));
        setClientErrors([]);
        const saved = await create.mutateAsync(parsed.data);
        notifications.show({ color: "teal", message: t("USER_SAVED", { username: saved.username }) });
      }
      onDone();
    } catch {
      // Rendered from mutation.error.
    }
  };

  const villages = values.districtCode && regions ? regions.villagesOf(values.districtCode) : [];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error != null && (
          <Alert color="red" role="alert">
            {errorText(t, mutation.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("USERNAME")}
            value={values.username}
            onChange={(e) => set({ username: e.currentTarget.value })}
            error={messages.username}
            disabled={Boolean(user)}
            required
            autoCapitalize="none"
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t("USER_NAME")}
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={messages.name}
            required
          />
          <NativeSelect
            label={t("USER_ROLE")}
            value={values.role}
            onChange={(e) => set({ role: e.currentTarget.value })}
            error={messages.role}
            required
            data={[
              { value: "", label: t("CHOOSE") },
              ...ROLES.map((r) => ({ value: r, label: t(`ROLE_${r}`) })),
            ]}
          />
          {values.role === "program_manager" && (
            <NativeSelect
              label={t("USER_AGENCY")}
              description={t("USER_AGENCY_HINT")}
              value={values.agencyId}
              onChange={(e) => set({ agencyId: e.currentTarget.value })}
              error={messages.agencyId}
              data={[
                { value: "", label: t("CHOOSE") },
                ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
          )}
        </SimpleGrid>
        <Text fz="sm" fw={600} mb={-8}>
          {t("USER_AREA")}
        </Text>
        <Text fz="xs" c="dimmed">
          {t("USER_AREA_HINT")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("DISTRICT")}
            value={values.districtCode}
            onChange={(e) => set({ districtCode: e.currentTarget.value, villageCode: "", rt: "" })}
            error={messages.areaCode}
            data={[
              { value: "", label: t("AREA_REGENCY") },
              ...(regions?.tree.districts ?? []).map((d) => ({ value: d.code, label: d.name })),
            ]}
          />
          <NativeSelect
            label={t("VILLAGE")}
            value={values.villageCode}
            disabled={!values.districtCode}
            onChange={(e) => set({ villageCode: e.currentTarget.value, rt: "" })}
            data={[
              { value: "", label: t("ALL_VILLAGES") },
              ...villages.map((v) => ({ value: v.code, label: v.name })),
            ]}
          />
          <TextInput
            label={t("RT")}
            value={values.rt}
            disabled={!values.villageCode}
            onChange={(e) => set({ rt: e.currentTarget.value })}
            error={messages.rt}
            inputMode="numeric"
            maxLength={3}
          />
        </SimpleGrid>
        <PasswordInput
          label={user ? t("USER_PASSWORD_RESET") : t("USER_PASSWORD_NEW")}
          description={t("USER_PASSWORD_HINT")}
          value={values.password}
          onChange={(e) => set({ password: e.currentTarget.value })}
          error={messages.password}
          required={!user}
          autoComplete="new-password"
        />
        {user && (
          <Switch
            label={t("USER_ACTIVE")}
            checked={values.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("CANCEL")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("SAVE")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function UsersPage() {
  const t = useT();
  const { abilities, session } = useAuth();
  const available = session.status === "signed-in" && abilities.readUsers;
  const users = useUsers(available);
  const [editing, setEditing] = useState<UserView | "new" | null>(null);

  if (!available) {
    return (
      <>
        <PageHeader title={t("USERS_TITLE")} />
        <Alert color="gray">{t("USERS_UNAVAILABLE")}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("USERS_TITLE")}
        actions={abilities.manageUsers && <Button onClick={() => setEditing("new")}>{t("USER_ADD")}</Button>}
      />
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyView title={t("USERS_EMPTY")} />
      ) : (
        <Paper withBorder style={{ overflowX: "auto" }}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("USER_NAME")}</Table.Th>
                <Table.Th>{t("USER_ROLE")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("USER_AREA")}</Table.Th>
                <Table.Th visibleFrom="md">{t("USER_AGENCY")}</Table.Th>
                <Table.Th>{t("USER_STATUS")}</Table.Th>
                <Table.Th>
                  <span className="sr-only">{t("EDIT")}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {u.name}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {u.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`ROLE_${u.role}`)}</Table.Td>
                  <Table.Td visibleFrom="sm">{areaLabel(t, u)}</Table.Td>
                  <Table.Td visibleFrom="md">{u.agencyName ?? "–"}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={u.active ? "teal" : "gray"}
                      radius="sm"
                      style={{ minWidth: "max-content" }}
                    >
                      {u.active ? t("USER_ACTIVE") : t("USER_INACTIVE")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {abilities.manageUsers && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(u)}
                        aria-label={t("USER_EDIT", { username: u.username })}
                      >
                        {t("EDIT")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === "new" ? t("USER_ADD") : editing ? t("USER_EDIT", { username: editing.username }) : ""
        }
        size="lg"
      >
        {editing !== null && (
          <UserForm user={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}
