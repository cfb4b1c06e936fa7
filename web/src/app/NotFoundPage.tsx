import { Anchor } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("PAGE_NOT_FOUND")} />
      <Anchor component={Link} to="/">
        {t("PAGE_NOT_FOUND_TEXT")}
      </Anchor>
    </>
  );
}
