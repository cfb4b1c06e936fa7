import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ACCESS_MESSAGES } from "../access/messages.ts";
import { ThrottledError } from "../access/sessions.ts";
import { AUDIT_MESSAGES } from "../audit/messages.ts";
import { CIVIL_REGISTRY_MESSAGES } from "../civil-registry/messages.ts";
import { COMPLAINT_MESSAGES } from "../complaints/messages.ts";
import { DECREE_MESSAGES } from "../decree/messages.ts";
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import {
  createTranslator,
  type Language,
  languageFromHeader,
  type MessageCatalog,
  type MessageParams,
} from "../i18n/index.ts";
import { IMPORT_MESSAGES } from "../imports/messages.ts";
import { MATCHING_MESSAGES } from "../matching/index.ts";
import { NIK_MESSAGES } from "../nik/index.ts";
import { OPS_MESSAGES } from "../ops/messages.ts";
import { PAYMENT_MESSAGES } from "../payments/messages.ts";
import { PORTAL_MESSAGES } from "../portal/messages.ts";
import { RANKING_MESSAGES } from "../ranking/index.ts";
import { RECEIPT_MESSAGES } from "../receipts/messages.ts";
import { REGISTRY_MESSAGES } from "../registry/messages.ts";
import { REPORT_MESSAGES } from "../reports/messages.ts";
import { WORKFLOW_MESSAGES } from "../workflow/messages.ts";
import { HTTP_MESSAGES } from "./messages.ts";

/** Every server message, merged once: the HTTP layer, the CLI and the web app read the same texts. */
export const SERVER_MESSAGES: MessageCatalog = Object.assign(
  {},
  HTTP_MESSAGES,
  REGISTRY_MESSAGES,
  NIK_MESSAGES,
  ACCESS_MESSAGES,
  AUDIT_MESSAGES,
  RANKING_MESSAGES,
  MATCHING_MESSAGES,
  WORKFLOW_MESSAGES,
  IMPORT_MESSAGES,
  DECREE_MESSAGES,
  PAYMENT_MESSAGES,
  PORTAL_MESSAGES,
  OPS_MESSAGES,
  COMPLAINT_MESSAGES,
  CIVIL_REGISTRY_MESSAGES,
  REPORT_MESSAGES,
  RECEIPT_MESSAGES,
);

export const translate = createTranslator(SERVER_MESSAGES);

export interface ErrorBody {
  code: string;
  message: string;
  params?: MessageParams;
  errors?: { field: string; code: string; message: string; params?: MessageParams }[];
  /** AUTH_THROTTLED only: also sent as the Retry-After header. */
  retryAfterSeconds?: number;
  requestId: string;
}

/**
 * The language of the answer: `?lang=id|en` first — a download link cannot set headers, and the file should
 * read in the language chosen in the app, not the browser's — then Accept-Language.
 */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.url.indexOf("?");
  const lang = query === -1 ? null : new URLSearchParams(request.url.slice(query + 1)).get("lang");
  if (lang === "id" || lang === "en") return lang;
  return languageFromHeader(request.headers["accept-language"]);
}

/** zod's issue codes mapped onto our field messages, so a 400 reads the same language as every other error. */
function zodIssue(issue: {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}): FieldIssue {
  const field = issue.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(body)";
  const p = issue.params;
  const origin = String(p.origin ?? "");
  const lengthLike = origin === "string" || origin === "array";
  switch (issue.keyword) {
    case "invalid_type":
      return p.input === undefined
        ? { field, code: "FIELD_REQUIRED" }
        : { field, code: "FIELD_INVALID_TYPE", params: { expected: String(p.expected) } };
    case "too_small":
      return {
        field,
        code: lengthLike ? "FIELD_TOO_SHORT" : "FIELD_TOO_SMALL",
        params: { minimum: String(p.minimum) },
      };
    case "too_big":
      return {
        field,
        code: lengthLike ? "FIELD_TOO_LONG" : "FIELD_TOO_BIG",
        params: { maximum: String(p.maximum) },
      };
    case "invalid_format":
      return {
        field,
        code: "FIELD_INVALID_FORMAT",
        params: { format: String(p.format === "regex" ? p.pattern : p.format) },
      };
    case "invalid_value":
      return {
        field,
        code: "FIELD_INVALID_VALUE",
        params: { options: (p.values as unknown[] | undefined)?.join(", ") ?? "" },
      };
    case "unrecognized_keys":
      return {
        field,
        code: "FIELD_UNKNOWN_KEY",
        params: { keys: (p.keys as string[] | undefined)?.join(", ") ?? "" },
      };
    case "custom":
      // Our refinements carry a message code as their message.
      return { field, code: /^[A-Z_]+$/.test(issue.message) ? issue.message : "FIELD_INVALID" };
    default:
      return { field, code: "FIELD_INVALID" };
  }
}

export function errorBody(
  error: unknown,
  request: FastifyRequest,
  language: Language,
): { status: number; body: ErrorBody } {
  const requestId = request.id;
  const fields = (issues: FieldIssue[]) =>
    issues.map((i) => ({
      field: i.field,
      code: i.code,
      message: translate(i.code, i.params, language),
      ...(i.params ? { params: i.params } : {}),
    }));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => zodIssue(v as unknown as Parameters<typeof zodIssue>[0]));
    return {
      status: 400,
      body: {
        code: "VALIDATION_FAILED",
        message: translate("VALIDATION_FAILED", { count: issues.length }, language),
        errors: fields(issues),
        requestId,
      },
    };
  }
  if (error instanceof ValidationFailed) {
    return {
      status: error.status,
      body: {
        code: error.code,
        message: translate(error.code, error.params, language),
        errors: fields(error.issues),
        requestId,
      },
    };
  }
  if (error instanceof DomainError) {
    return {
      status: error.status,
      body: {
        code: error.code,
        message: translate(error.code, error.params, language),
        params: error.params,
        requestId,
      },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 413) {
    return {
      status: 413,
      body: { code: "BODY_TOO_LARGE", message: translate("BODY_TOO_LARGE", {}, language), requestId },
    };
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: { code: fastifyError.code ?? "BAD_REQUEST", message: fastifyError.message, requestId },
    };
  }
  return {
    status: 500,
    body: {
      code: "INTERNAL_ERROR",
      message: translate("INTERNAL_ERROR", { requestId }, language),
      requestId,
    },
  };
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorBody(error, request, requestLanguage(request));
  if (status >= 500) request.log.error({ err: error }, "request failed");
  if (error instanceof ThrottledError) {
    reply.header("retry-after", String(error.retryAfterSeconds));
    return reply.status(status).send({ ...body, retryAfterSeconds: error.retryAfterSeconds });
  }
  return reply.status(status).send(body);
}
