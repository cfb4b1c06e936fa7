import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/language.tsx";
import { errorText } from "./errors.ts";

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t("LOADING")}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const t = useT();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" title={title ?? t("ERROR_TITLE")} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorText(t, error)}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            {t("REQUEST_ID", { requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t("RETRY")}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyView({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <EmptyState py="xl" title={title} description={description}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
