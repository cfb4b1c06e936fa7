import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { LanguageSwitch } from "../app/Shell.tsx";
import { useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { LoadingState } from "../ui/states.tsx";
import { useAuth } from "./auth.tsx";
import { DemoBanner } from "./DemoBanner.tsx";

export function LoginPage() {
  const t = useT();
  const { session, login, loginPending, loginError } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: { pathname: string; search: string } } | null)?.from;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const usernameInput = useRef<HTMLInputElement>(null);
  useEffect(() => usernameInput.current?.focus(), []);

  if (session.status === "loading") return <LoadingState />;
  if (session.status === "signed-in" || session.status === "open") {
    return <Navigate to={from ? `${from.pathname}${from.search}` : "/"} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await login(username.trim(), password);
      navigate(from ? `${from.pathname}${from.search}` : "/", { replace: true });
    } catch {
      // Shown from loginError below.
    }
  };

  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <Group gap="xs">
                <img src="/favicon.svg" alt="" width={32} height={32} />
                <Title order={1} fz="h3">
                  {t("LOGIN_TITLE")}
                </Title>
              </Group>
              <LanguageSwitch />
            </Group>
            <Text fz="sm" c="dimmed">
              {t("LOGIN_INTRO")}
            </Text>
            <DemoBanner />
            {loginError != null && (
              <Alert color="red" title={t("LOGIN_FAILED")} role="alert">
                {errorText(t, loginError)}
              </Alert>
            )}
            <TextInput
              ref={usernameInput}
              label={t("USERNAME")}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t("PASSWORD")}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={loginPending} disabled={!username || !password} fullWidth>
              {t("LOGIN")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
