import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useState } from "react";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import { documentKindLabel } from "../audit/labels.ts";
import { formatDateTime } from "../i18n/format.ts";
import { type Translate, useT } from "../i18n/language.tsx";
import { errorText } from "../ui/errors.ts";
import { type ApplicationWorkflow, type DocumentView, useAttachDocument, useDocumentImage } from "./api.ts";

/** Papers may be added or replaced until the desa has verified them (src/documents/service.ts). */
const OPEN_FOR_DOCUMENTS = new Set(["draft", "submitted"]);

function Photo({ document, t }: { document: DocumentView; t: Translate }) {
  const kind = documentKindLabel(t, document.kind);
  const image = useDocumentImage(document.id, t("DOCS_READ_REASON"));
  const [full, setFull] = useState(false);
  return (
    <>
      {image.isPending ? (
        <Skeleton h={120} />
      ) : image.isError ? (
        <Text c="red" fz="xs" role="alert">
          {errorText(t, image.error)}
        </Text>
      ) : (
        <UnstyledButton onClick={() => setFull(true)} aria-label={t("DOCS_OPEN_FULL", { kind })}>
          <Image
            src={image.data}
            alt={kind}
            h={120}
            fit="contain"
            radius="sm"
            bg="gray.1"
            data-testid={`document-thumb-${document.kind}`}
          />
        </UnstyledButton>
      )}
      <Modal
        opened={full}
        onClose={() => setFull(false)}
        size="auto"
        closeButtonProps={{ "aria-label": t("DOCS_CLOSE") }}
        title={t("DOCS_FULL_TITLE", { kind, at: formatDateTime(document.uploadedAt, t.language) })}
      >
        {image.data && (
          <Image
            src={image.data}
            alt={kind}
            maw="90vw"
            mah="80vh"
            fit="contain"
            data-testid="document-full"
          />
        )}
        <Text fz="xs" c="dimmed" mt="xs" style={{ wordBreak: "break-all" }}>
          SHA-256 {document.sha256}
        </Text>
      </Modal>
    </>
  );
}

function Attach({
  enrollmentId,
  kind,
  replace,
  t,
}: {
  enrollmentId: string;
  kind: DocumentKind;
  replace: boolean;
  t: Translate;
}) {
  const attach = useAttachDocument(enrollmentId);
  const label = documentKindLabel(t, kind);
  return (
    <Stack gap={4}>
      <FileButton accept="image/jpeg,image/png" onChange={(file) => file && attach.mutate({ kind, file })}>
        {(props) => (
          <Button {...props} size="xs" variant={replace ? "subtle" : "light"} loading={attach.isPending}>
            {replace ? t("DOCS_REPLACE", { kind: label }) : t("DOCS_ATTACH", { kind: label })}
          </Button>
        )}
      </FileButton>
      {attach.error != null && (
        <Text c="red" fz="xs" role="alert">
          {errorText(t, attach.error)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The application's papers against its program's checklist: each required kind with its photo (opened full
 * size on a click) or marked missing, and the officer's way to attach what the applicant brought later.
 */
export function DocumentGallery({ app, canUpload }: { app: ApplicationWorkflow; canUpload: boolean }) {
  const t = useT();
  const { documents } = app;
  const kinds = [...new Set<DocumentKind>([...documents.required, ...documents.items.map((d) => d.kind)])];
  const uploadOpen = canUpload && OPEN_FOR_DOCUMENTS.has(app.application.status);
  return (
    <Stack gap="xs">
      {documents.items.length > 0 && (
        <Text fz="xs" c="dimmed">
          {t("DOCS_READ_NOTICE")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {kinds.map((kind) => {
          const document = documents.items.find((d) => d.kind === kind);
          const required = documents.required.includes(kind);
          return (
            <Card key={kind} withBorder padding="xs" data-testid={`document-${kind}`}>
              <Group justify="space-between" gap={4} mb={4} wrap="nowrap">
                <Text fz="sm" fw={600}>
                  {documentKindLabel(t, kind)}
                </Text>
                {document ? (
                  <Badge color="teal" variant="light" size="sm">
                    {t("DOCS_PRESENT")}
                  </Badge>
                ) : (
                  <Badge color={required ? "red" : "gray"} variant="light" size="sm">
                    {t("DOCS_MISSING")}
                  </Badge>
                )}
              </Group>
              <Stack gap={4}>
                {document && <Photo document={document} t={t} />}
                {uploadOpen && (
                  <Attach enrollmentId={app.application.id} kind={kind} replace={Boolean(document)} t={t} />
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {kinds.length === 0 && (
        <Alert color="gray" variant="light">
          {t("DOCS_NONE")}
        </Alert>
      )}
    </Stack>
  );
}
