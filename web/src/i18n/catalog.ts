import { ACCESS_MESSAGES } from "../../../src/access/messages.ts";
import { AUDIT_MESSAGES as AUDIT_SERVER_MESSAGES } from "../../../src/audit/messages.ts";
import { CIVIL_REGISTRY_MESSAGES } from "../../../src/civil-registry/messages.ts";
import { COMPLAINT_MESSAGES } from "../../../src/complaints/messages.ts";
import { DECREE_MESSAGES } from "../../../src/decree/messages.ts";
import { HTTP_MESSAGES } from "../../../src/http/messages.ts";
import { createTranslator, type MessageCatalog } from "../../../src/i18n/index.ts";
import { IMPORT_MESSAGES } from "../../../src/imports/messages.ts";
import { NIK_MESSAGES } from "../../../src/nik/index.ts";
import { PAYMENT_MESSAGES } from "../../../src/payments/messages.ts";
import { PORTAL_MESSAGES } from "../../../src/portal/messages.ts";
import { RECEIPT_MESSAGES } from "../../../src/receipts/messages.ts";
import { REGISTRY_MESSAGES } from "../../../src/registry/messages.ts";
import { REPORT_MESSAGES } from "../../../src/reports/messages.ts";
import { ACCESS_UI_MESSAGES } from "../access/messages.ts";
import { APP_MESSAGES } from "../app/messages.ts";
import { AUDIT_MESSAGES } from "../audit/messages.ts";
import { CIVIL_REGISTRY_UI_MESSAGES } from "../civil-registry/messages.ts";
import { COMPLAINT_UI_MESSAGES } from "../complaints/messages.ts";
import { DECREE_UI_MESSAGES } from "../decree/messages.ts";
import { HOME_MESSAGES } from "../home/messages.ts";
import { IMPORT_UI_MESSAGES } from "../imports/import-messages.ts";
import { RECONCILIATION_UI_MESSAGES } from "../imports/reconciliation-messages.ts";
import { JOBS_UI_MESSAGES } from "../jobs/messages.ts";
import { MATCHING_UI_MESSAGES } from "../matching/messages.ts";
import { PAYMENT_UI_MESSAGES } from "../payments/messages.ts";
import { PORTAL_UI_MESSAGES } from "../portal/messages.ts";
import { RANKING_UI_MESSAGES } from "../ranking/messages.ts";
import { RECEIPT_UI_MESSAGES } from "../receipts/messages.ts";
import { REGIONS_MESSAGES } from "../regions/messages.ts";
import { REGISTRATION_UI_MESSAGES } from "../registration/messages.ts";
import { REGISTRY_UI_MESSAGES } from "../registry/messages.ts";
import { REPORT_UI_MESSAGES } from "../reports/messages.ts";
import { UI_MESSAGES } from "../ui/messages.ts";
import { WORKFLOW_UI_MESSAGES } from "../workflow/messages.ts";

/** The server's catalogs, so an error code from the API (or a NIK issue found while typing) reads exactly as the
 * server would word it. */
export const SERVER_CATALOGS = {
  HTTP_MESSAGES,
  REGISTRY_MESSAGES,
  NIK_MESSAGES,
  ACCESS_MESSAGES,
  AUDIT_SERVER_MESSAGES,
  IMPORT_MESSAGES,
  DECREE_MESSAGES,
  PAYMENT_MESSAGES,
  PORTAL_MESSAGES,
  COMPLAINT_MESSAGES,
  CIVIL_REGISTRY_MESSAGES,
  REPORT_MESSAGES,
  RECEIPT_MESSAGES,
} satisfies Record<string, MessageCatalog>;

/** The web app's own catalogs, one per capability folder; a new folder registers its catalog here. */
export const WEB_CATALOGS = {
  UI_MESSAGES,
  APP_MESSAGES,
  ACCESS_UI_MESSAGES,
  HOME_MESSAGES,
  REGIONS_MESSAGES,
  REGISTRY_UI_MESSAGES,
  REGISTRATION_UI_MESSAGES,
  AUDIT_MESSAGES,
  RANKING_UI_MESSAGES,
  MATCHING_UI_MESSAGES,
  JOBS_UI_MESSAGES,
  IMPORT_UI_MESSAGES,
  RECONCILIATION_UI_MESSAGES,
  WORKFLOW_UI_MESSAGES,
  DECREE_UI_MESSAGES,
  PAYMENT_UI_MESSAGES,
  PORTAL_UI_MESSAGES,
  COMPLAINT_UI_MESSAGES,
  CIVIL_REGISTRY_UI_MESSAGES,
  REPORT_UI_MESSAGES,
  RECEIPT_UI_MESSAGES,
} satisfies Record<string, MessageCatalog>;

type Merged<T> = (T extends unknown ? (whole: T) => void : never) extends (whole: infer I) => void
  ? I
  : never;

/** The codes the interface itself uses: a typo is a compile error, not a raw code on screen. */
export type MessageCode = keyof Merged<(typeof WEB_CATALOGS)[keyof typeof WEB_CATALOGS]>;

export const translate = createTranslator(...Object.values(SERVER_CATALOGS), ...Object.values(WEB_CATALOGS));
