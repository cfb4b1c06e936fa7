/**
 * The civil registry's online verification service, one NIK at a time (a data-access cooperation with the
 * regency's Disdukcapil or Kemendagri). Off unless SALUR_DUKCAPIL_URL is set. The adapter is an interface so a
 * regency can plug its own gateway; `httpVerifier` speaks a small JSON protocol: POST {nik} with Basic
 * credentials, answer {status, request_id, nama?, tgl_lahir?, jk?, no_kk?, alamat?}.
 */
import { z } from "zod";
import type { DukcapilSettings } from "../config.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { VerificationStatus } from "./codes.ts";
import { type RegistryValues, statusOfWord } from "./results.ts";

export interface OnlineAnswer {
  status: VerificationStatus;
  values: RegistryValues;
  /** The service's id of this check: the verification's source reference. */
  requestId: string;
}

export interface OnlineVerifier {
  verify(nik: string): Promise<OnlineAnswer>;
}

const answerSchema = z.object({
  status: z.string().min(1),
  request_id: z.string().min(1).max(100),
  nama: z.string().max(200).optional(),
  tgl_lahir: z.iso.date().optional(),
  jk: z.enum(["L", "P"]).optional(),
  no_kk: z
    .string()
    .regex(/^\d{16}$/)
    .optional(),
  alamat: z.string().max(500).optional(),
});

const unavailable = (why: string) => new DomainError("CIVIL_REGISTRY_ONLINE_UNAVAILABLE", { why }, 502);

export function httpVerifier(settings: DukcapilSettings, fetchImpl: typeof fetch = fetch): OnlineVerifier {
  return {
    async verify(nik) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "application/json",
      };
      if (settings.user)
        headers.authorization = `Basic ${Buffer.from(`${settings.user}:${settings.password ?? ""}`).toString("base64")}`;
      let response: Response;
      try {
        response = await fetchImpl(settings.url, {
          method: "POST",
          headers,
          body: JSON.stringify({ nik }),
          signal: AbortSignal.timeout(settings.timeoutMs),
          redirect: "error",
        });
      } catch (error) {
        throw unavailable(error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network");
      }
      if (response.status === 401 || response.status === 403)
        throw new DomainError("CIVIL_REGISTRY_ONLINE_REFUSED", { status: response.status }, 502);
      if (!response.ok) throw unavailable(`status ${response.status}`);
      const parsed = answerSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw unavailable("answer");
      const status = statusOfWord(parsed.data.status);
      if (!status) throw unavailable("status");
      const values: RegistryValues = {};
      if (parsed.data.nama) values.name = parsed.data.nama.trim().replace(/\s+/g, " ");
      if (parsed.data.tgl_lahir) values.birthDate = parsed.data.tgl_lahir;
      if (parsed.data.jk) values.sex = parsed.data.jk;
      if (parsed.data.no_kk) values.kk = parsed.data.no_kk;
      if (parsed.data.alamat) values.address = parsed.data.alamat.trim().replace(/\s+/g, " ");
      return { status, values, requestId: parsed.data.request_id };
    },
  };
}
