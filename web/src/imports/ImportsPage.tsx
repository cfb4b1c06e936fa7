import { Stack } from "@mantine/core";
import { roleCan } from "../../../src/access/permissions.ts";
import { useAuth } from "../access/auth.tsx";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ImportForm } from "./ImportForm.tsx";
import { ImportList } from "./ImportList.tsx";

/** /impor: send a list (roles that may import) and the recent imports (everyone who may read them). */
export default function ImportsPage() {
  const t = useT();
  const { user } = useAuth();
  // Without an access module on the server nothing is hidden; the server still decides.
  const mayRun = user ? roleCan(user.role, "import.run") : true;
  return (
    <>
      <PageHeader title={t("IMPORTS_TITLE")} />
      <Stack>
        {mayRun && <ImportForm />}
        <ImportList />
      </Stack>
    </>
  );
}
