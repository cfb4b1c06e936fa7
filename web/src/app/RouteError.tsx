import { Button, Center, Stack } from "@mantine/core";
import { useRouteError } from "react-router";
import { useT } from "../i18n/language.tsx";
import { ErrorState } from "../ui/states.tsx";

/** A page that crashed while rendering: say so, and offer a fresh start instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  return (
    <Center p="md" mih="60vh">
      <Stack maw={520} w="100%">
        <ErrorState error={error} />
        <Button variant="default" onClick={() => window.location.assign("/")}>
          {t("NAV_HOME")}
        </Button>
      </Stack>
    </Center>
  );
}
