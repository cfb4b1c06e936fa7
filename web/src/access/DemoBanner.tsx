import { Alert } from "@mantine/core";
import { useT } from "../i18n/language.tsx";
import { useDemoStatus } from "./api.ts";

/** Shown on every page, the sign-in page included, while demo accounts (published password) are active. */
export function DemoBanner() {
  const t = useT();
  const { data } = useDemoStatus();
  if (!data || data.demoAccounts === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      // Dark text on the light orange: the filled variant's white on orange fails WCAG AA contrast.
      styles={{
        title: { color: "var(--mantine-color-dark-9)" },
        message: { color: "var(--mantine-color-dark-9)" },
      }}
      title={t("DEMO_BANNER_TITLE")}
      data-testid="demo-banner"
      mb="md"
    >
      {t("DEMO_BANNER", { count: data.demoAccounts })}
    </Alert>
  );
}
