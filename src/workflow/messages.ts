import { DOCUMENT_MESSAGES } from "../documents/messages.ts";
import type { MessageCatalog } from "../i18n/index.ts";
import { REGISTRATION_MESSAGES } from "../registration/messages.ts";

const TRANSITION_MESSAGES: MessageCatalog = {
  WORKFLOW_TRANSITION_ILLEGAL: {
    id: "Tindakan '{action}' tidak dapat dilakukan pada pengajuan berstatus '{status}'.",
    en: "Action '{action}' is not possible on an application with status '{status}'.",
  },
  WORKFLOW_ROLE_FORBIDDEN: {
    id: "Peran {role} tidak berwenang melakukan '{action}'.",
    en: "Role {role} may not perform '{action}'.",
  },
  WORKFLOW_AREA_TOO_BROAD: {
    id: "'{action}' hanya dapat dilakukan petugas tingkat {level} yang mengenal wilayahnya.",
    en: "'{action}' can only be done by an officer at {level} level who knows the area.",
  },
  WORKFLOW_DOCUMENTS_MISSING: {
    id: "Dokumen wajib belum dilampirkan: {missing}.",
    en: "Required documents are not attached yet: {missing}.",
  },
  REASON_CODE_REQUIRED: {
    id: "Pilih kode alasan ({options}).",
    en: "Choose a reason code ({options}).",
  },
  REASON_CODE_INVALID: {
    id: "Kode alasan '{code}' tidak dikenal; pilih salah satu: {options}.",
    en: "Reason code '{code}' is unknown; choose one of: {options}.",
  },
  ELIGIBILITY_NOT_EVALUATED: {
    id: "Kelayakan belum diperiksa.",
    en: "Eligibility has not been checked.",
  },
  ELIGIBILITY_FAILED: {
    id: "Pengajuan tidak memenuhi syarat: {rules}. Lihat rincian kelayakan.",
    en: "The application does not meet the rules: {rules}. See the eligibility details.",
  },
  QUEUE_STATUS_FORBIDDEN: {
    id: "Antrian Anda tidak memuat pengajuan berstatus '{status}'.",
    en: "Your queue does not hold applications with status '{status}'.",
  },
  ENROLLMENT_NOT_FOUND: { id: "Pengajuan {id} tidak ditemukan.", en: "Application {id} was not found." },
  ENROLLMENT_VERSION_CONFLICT: {
    id: "Pengajuan ini baru saja diubah petugas lain (versi Anda {expected}, kini {actual}, status '{status}'). Muat ulang lalu putuskan lagi.",
    en: "This application was just changed by another officer (your version {expected}, now {actual}, status '{status}'). Reload and decide again.",
  },
  WORKFLOW_STATUS_GUARD: {
    id: "Basis data menolak perubahan status yang tidak sah.",
    en: "The database refused an illegal status change.",
  },
  POLICY_DUPLICATE_RULE: { id: "Aturan yang sama tercantum dua kali.", en: "The same rule is listed twice." },
  POLICY_DUPLICATE_DOCUMENT: {
    id: "Dokumen yang sama tercantum dua kali.",
    en: "The same document is listed twice.",
  },
  POLICY_VERSION_CONFLICT: {
    id: "Aturan program ini baru saja diubah orang lain (versi {actual}). Muat ulang lalu ulangi.",
    en: "This program's rules were just changed by someone else (version {actual}). Reload and try again.",
  },
};

/** Each code names the rule and its outcome; parameters carry the figures that explain it. */
const ELIGIBILITY_MESSAGES: MessageCatalog = {
  ELIG_AGE_MET: { id: "Umur {age} tahun (minimal {minimum}).", en: "Aged {age} (minimum {minimum})." },
  ELIG_AGE_BELOW: {
    id: "Umur {age} tahun, kurang dari batas minimal {minimum} tahun.",
    en: "Aged {age}, below the minimum age of {minimum}.",
  },
  ELIG_AGE_UNKNOWN: {
    id: "Tanggal lahir belum dicatat, sehingga umur minimal {minimum} tahun tidak dapat dipastikan.",
    en: "No birth date is recorded, so the minimum age of {minimum} cannot be confirmed.",
  },
  ELIG_BUSINESS_PRESENT: {
    id: "Memiliki {count} usaha terdaftar.",
    en: "Owns {count} registered business(es).",
  },
  ELIG_BUSINESS_MISSING: {
    id: "Program UMKM: pemohon belum memiliki usaha terdaftar.",
    en: "UMKM program: the applicant has no registered business.",
  },
  ELIG_EMPLOYMENT_ALLOWED: {
    id: "Pekerjaan ({employment}) bukan PNS/TNI/Polri.",
    en: "Work ({employment}) is not civil service, military or police.",
  },
  ELIG_EMPLOYMENT_EXCLUDED: {
    id: "Pemohon tercatat sebagai PNS/TNI/Polri ({employment}), yang tidak berhak menerima bansos ini.",
    en: "The applicant is recorded as a civil servant, soldier or police officer ({employment}), who may not receive this aid.",
  },
  ELIG_EMPLOYMENT_UNKNOWN: {
    id: "Pekerjaan belum dicatat, sehingga tidak dapat dipastikan bukan {excluded}.",
    en: "No work is recorded, so it cannot be confirmed that the applicant is not {excluded}.",
  },
  ELIG_HOUSEHOLD_ALONE: {
    id: "Tidak ada anggota KK lain yang mengajukan pada tahap ini.",
    en: "No other member of the KK applies in this period.",
  },
  ELIG_HOUSEHOLD_TAKEN: {
    id: "Satu KK satu penerima: {name} dari KK yang sama sudah mengajukan {program} {period} (status {status}).",
    en: "One recipient per KK: {name} of the same KK already applies for {program} {period} (status {status}).",
  },
  ELIG_HOUSEHOLD_UNKNOWN: {
    id: "Nomor KK belum dicatat, sehingga aturan satu KK satu penerima tidak dapat diperiksa.",
    en: "No KK number is recorded, so one recipient per KK cannot be checked.",
  },
  ELIG_OTHER_PROGRAM_NONE: {
    id: "Tidak menerima program {programs} pada periode yang sama.",
    en: "Not receiving {programs} in the same period.",
  },
  ELIG_OTHER_PROGRAM_ENROLLED: {
    id: "Sudah terdaftar pada {program} {period} (status {status}) di periode yang sama.",
    en: "Already enrolled in {program} {period} (status {status}) in the same period.",
  },
  ELIG_RESIDENT: {
    id: "Berdomisili di kabupaten ini (desa {village}).",
    en: "Lives in this regency (desa {village}).",
  },
  ELIG_NOT_RESIDENT: {
    id: "Desa {village} berada di luar kabupaten {regency}.",
    en: "Desa {village} lies outside regency {regency}.",
  },
  ELIG_DUKCAPIL_UNVERIFIED: {
    id: "NIK belum pernah diverifikasi ke Dukcapil.",
    en: "The NIK was never verified with the civil registry.",
  },
  ELIG_DUKCAPIL_NOT_PADAN: {
    id: "Hasil verifikasi Dukcapil tanggal {date}: {status}, bukan padan.",
    en: "Civil registry verification of {date}: {status}, not matched.",
  },
  ELIG_DUKCAPIL_STALE: {
    id: "NIK padan Dukcapil pada {date}, lebih dari {months} bulan yang lalu.",
    en: "NIK matched by the civil registry on {date}, more than {months} months ago.",
  },
  ELIG_DUKCAPIL_PADAN: {
    id: "NIK padan Dukcapil pada {date}.",
    en: "NIK matched by the civil registry on {date}.",
  },
};

/** The workflow's catalog with those of documents and field registration: one entry for the HTTP layer. */
export const WORKFLOW_MESSAGES: MessageCatalog = {
  ...TRANSITION_MESSAGES,
  ...ELIGIBILITY_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...REGISTRATION_MESSAGES,
};
