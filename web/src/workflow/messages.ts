import type { MessageCatalog, MessageTemplate } from "../../../src/i18n/index.ts";
import type { RuleName } from "../../../src/workflow/eligibility.ts";
import type {
  OBJECTION_REASONS,
  PAYMENT_FAILURE_REASONS,
  REJECTION_REASONS,
  WorkflowAction,
} from "../../../src/workflow/engine.ts";

type ReasonCode =
  | (typeof REJECTION_REASONS)[number]
  | (typeof OBJECTION_REASONS)[number]
  | (typeof PAYMENT_FAILURE_REASONS)[number];

function labels<P extends string, K extends string>(prefix: P, table: Record<K, MessageTemplate>) {
  return Object.fromEntries(
    Object.entries(table).map(([key, label]) => [`${prefix}_${key}`, label]),
  ) as Record<`${P}_${K}`, MessageTemplate>;
}

/** Every action of the engine has its button label (a Record over the engine's type: none can be missing). */
const ACTION_LABELS: Record<WorkflowAction, MessageTemplate> = {
  submit: { id: "Ajukan", en: "Submit" },
  return_for_correction: { id: "Kembalikan untuk perbaikan", en: "Return for correction" },
  verify: { id: "Verifikasi", en: "Verify" },
  validate: { id: "Validasi", en: "Validate" },
  reject: { id: "Tolak", en: "Reject" },
  select: { id: "Pilih", en: "Select" },
  deselect: { id: "Keluarkan dari seleksi", en: "Remove from selection" },
  publish: { id: "Umumkan", en: "Publish" },
  uphold_objection: { id: "Terima sanggahan", en: "Uphold objection" },
  approve: { id: "Tetapkan dalam SK", en: "Approve by decree" },
  record_payment: { id: "Catat tersalur", en: "Record payment" },
  record_payment_failure: { id: "Catat gagal salur", en: "Record failed payment" },
  retry_payment: { id: "Ulangi penyaluran", en: "Retry payment" },
  record_payment_return: { id: "Catat dana kembali", en: "Record returned payment" },
  confirm_receipt: { id: "Konfirmasi diterima", en: "Confirm receipt" },
  withdraw_recipient: { id: "Tarik penerima (Dukcapil)", en: "Withdraw recipient (civil registry)" },
  withdraw: { id: "Batalkan pengajuan", en: "Withdraw application" },
};

const REASON_LABELS: Record<ReasonCode, MessageTemplate> = {
  ineligible: { id: "Tidak memenuhi syarat", en: "Not eligible" },
  documents_missing: { id: "Dokumen tidak lengkap", en: "Documents missing" },
  documents_invalid: { id: "Dokumen tidak sah/tidak terbaca", en: "Documents invalid or illegible" },
  duplicate: { id: "Data ganda", en: "Duplicate" },
  not_found_at_address: { id: "Tidak ditemukan di alamat", en: "Not found at the address" },
  deceased: { id: "Meninggal dunia", en: "Deceased" },
  moved_away: { id: "Pindah domisili", en: "Moved away" },
  already_assisted: { id: "Sudah menerima bantuan lain", en: "Already assisted" },
  data_mismatch: { id: "Data tidak cocok", en: "Data mismatch" },
  other: { id: "Lainnya", en: "Other" },
  not_poor: { id: "Tidak tergolong miskin", en: "Not poor" },
  not_resident: { id: "Bukan warga setempat", en: "Not a resident" },
  civil_servant: { id: "PNS/TNI/Polri", en: "Civil servant, soldier or police" },
  account_invalid: { id: "Rekening tidak sah", en: "Invalid account" },
  account_closed: { id: "Rekening ditutup", en: "Account closed" },
  name_mismatch: { id: "Nama tidak sesuai rekening", en: "Name does not match the account" },
  recipient_not_found: { id: "Penerima tidak ditemukan", en: "Recipient not found" },
};

const RULE_LABELS: Record<RuleName, MessageTemplate> = {
  min_age: { id: "Umur minimal", en: "Minimum age" },
  has_business: { id: "Memiliki usaha", en: "Owns a business" },
  excluded_employment: { id: "Bukan PNS/TNI/Polri", en: "Not a civil servant" },
  one_per_household: { id: "Satu penerima per KK", en: "One recipient per household" },
  not_enrolled_in: { id: "Tidak menerima program lain", en: "Not in another program" },
  resides_in_regency: { id: "Warga kabupaten", en: "Resident of the regency" },
  civil_registry_padan: { id: "NIK padan Dukcapil", en: "NIK matched by the civil registry" },
};

export const WORKFLOW_UI_MESSAGES = {
  ...labels("WF_ACTION", ACTION_LABELS),
  ...labels("WF_REASON", REASON_LABELS),
  ...labels("WF_RULE", RULE_LABELS),
  NAV_QUEUE: { id: "Antrian kerja", en: "Work queue" },
  QUEUE_TITLE: { id: "Antrian kerja", en: "Work queue" },
  QUEUE_INTRO: {
    id: "Pengajuan yang menunggu tindakan Anda di wilayah Anda, yang paling lama menunggu lebih dulu.",
    en: "Applications waiting for you in your area, longest waiting first.",
  },
  QUEUE_STATUS: { id: "Status", en: "Status" },
  QUEUE_SEARCH: { id: "Nama pemohon", en: "Applicant's name" },
  QUEUE_SEARCH_GO: { id: "Cari", en: "Search" },
  QUEUE_VILLAGE: { id: "Desa", en: "Village" },
  QUEUE_ALL_VILLAGES: { id: "Semua desa", en: "All villages" },
  QUEUE_EMPTY: { id: "Tidak ada pengajuan yang menunggu di sini.", en: "No application is waiting here." },
  QUEUE_NONE_FOR_ROLE: {
    id: "Peran Anda tidak memproses pengajuan; tidak ada antrian untuk Anda.",
    en: "Your role does not process applications; there is no queue for you.",
  },
  QUEUE_TOTAL: { id: "{count} pengajuan", en: "{count} applications" },
  QUEUE_COL_APPLICANT: { id: "Pemohon", en: "Applicant" },
  QUEUE_COL_PROGRAM: { id: "Program", en: "Program" },
  QUEUE_COL_PLACE: { id: "Desa · RT", en: "Village · RT" },
  QUEUE_COL_DOCUMENTS: { id: "Dokumen", en: "Documents" },
  QUEUE_COL_ELIGIBILITY: { id: "Kelayakan", en: "Eligibility" },
  QUEUE_COL_DUPLICATES: { id: "Indikasi ganda", en: "Duplicate hints" },
  QUEUE_SELECT_ALL: { id: "Pilih semua di halaman ini", en: "Select all on this page" },
  QUEUE_SELECT_ONE: { id: "Pilih {name}", en: "Select {name}" },
  QUEUE_OPEN: { id: "Buka {name}", en: "Open {name}" },
  QUEUE_MISSING: { id: "Kurang: {kinds}", en: "Missing: {kinds}" },
  QUEUE_COMPLETE: { id: "Lengkap", en: "Complete" },
  QUEUE_ELIGIBLE: { id: "Layak", en: "Eligible" },
  QUEUE_NOT_ELIGIBLE: { id: "Tidak layak", en: "Not eligible" },
  QUEUE_NO_DUPLICATES: { id: "Tidak ada", en: "None" },
  QUEUE_PREVIOUS: { id: "Halaman sebelumnya", en: "Previous page" },
  QUEUE_NEXT: { id: "Halaman berikutnya", en: "Next page" },
  QUEUE_PAGE: { id: "Halaman {page} dari {pages}", en: "Page {page} of {pages}" },
  DUPLICATE_same_household: {
    id: "{name} (satu KK) juga mengajukan {program} · {period}: {status}",
    en: "{name} (same KK) also applied to {program} · {period}: {status}",
  },
  DUPLICATE_other_program: {
    id: "Juga terdaftar di {program} · {period}: {status}",
    en: "Also enrolled in {program} · {period}: {status}",
  },
  BULK_SELECTED: { id: "{count} dipilih", en: "{count} selected" },
  BULK_ACTION: { id: "Tindakan untuk yang dipilih", en: "Action for the selected" },
  BULK_APPLY: { id: "{action} ({count})", en: "{action} ({count})" },
  BULK_DONE: {
    id: "{applied} berhasil, {refused} ditolak.",
    en: "{applied} done, {refused} refused.",
  },
  BULK_MIXED_STATUS: {
    id: "Tindakan bersama hanya untuk pengajuan dengan status yang sama; saring menurut status dulu.",
    en: "Bulk actions need applications of one status; filter by status first.",
  },
  APPLICATION_TITLE: { id: "Pengajuan {program}", en: "Application {program}" },
  APPLICATION_APPLICANT: { id: "Pemohon", en: "Applicant" },
  APPLICATION_PERIOD: { id: "Tahap", en: "Period" },
  APPLICATION_AGENCY: { id: "Dinas", en: "Agency" },
  APPLICATION_PLACE: { id: "Desa · RT", en: "Village · RT" },
  APPLICATION_STATUS: { id: "Status", en: "Status" },
  APPLICATION_OPEN_PERSON: { id: "Buka data penduduk", en: "Open the person's record" },
  APPLICATION_NOT_YOURS: {
    id: "Peran Anda tidak membuka data lengkap pengajuan. Keputusan untuk daftar yang Anda bayar diambil dari Antrian kerja.",
    en: "Your role does not open an application's full record. Decisions on the list you pay are taken from the work queue.",
  },
  APPLICATION_OPEN_PAGE: { id: "Buka halaman pengajuan", en: "Open the application page" },
  PERSON_APPLICATION_ACTIONS: { id: "Periksa & putuskan", en: "Check & decide" },
  PERSON_APPLICATION_OPEN: {
    id: "Periksa dan putuskan pengajuan {program}",
    en: "Check and decide the {program} application",
  },
  APPLICATION_HISTORY: { id: "Riwayat pengajuan", en: "Application history" },
  DOCS_TITLE: { id: "Dokumen", en: "Documents" },
  DOCS_REQUIRED: { id: "Wajib", en: "Required" },
  DOCS_MISSING: { id: "Belum ada", en: "Missing" },
  DOCS_PRESENT: { id: "Ada", en: "Present" },
  DOCS_READ_NOTICE: {
    id: "Foto KTP/KK memuat NIK lengkap: setiap pembukaan tercatat di jejak audit.",
    en: "KTP/KK photos show the full NIK: every viewing is recorded in the audit trail.",
  },
  DOCS_SHOW: { id: "Tampilkan foto {kind}", en: "Show the {kind} photo" },
  DOCS_OPEN_FULL: { id: "Buka {kind} ukuran penuh", en: "Open {kind} full size" },
  DOCS_FULL_TITLE: { id: "{kind} · diunggah {at}", en: "{kind} · uploaded {at}" },
  DOCS_CLOSE: { id: "Tutup foto", en: "Close the photo" },
  DOCS_READ_REASON: { id: "Pemeriksaan dokumen pengajuan", en: "Checking the application's documents" },
  DOCS_ATTACH: { id: "Lampirkan {kind}", en: "Attach {kind}" },
  DOCS_REPLACE: { id: "Ganti {kind}", en: "Replace {kind}" },
  DOCS_ATTACHED: { id: "{kind} terlampir.", en: "{kind} attached." },
  DOCS_NONE: { id: "Belum ada dokumen terlampir.", en: "No document attached yet." },
  ELIGIBILITY_TITLE: { id: "Kelayakan (diperiksa {date})", en: "Eligibility (checked {date})" },
  DECISION_TITLE: { id: "Keputusan", en: "Decision" },
  DECISION_NONE: {
    id: "Tidak ada tindakan untuk peran Anda pada status ini.",
    en: "No action is open to your role at this status.",
  },
  DECISION_REASON_CODE: { id: "Kode alasan", en: "Reason code" },
  DECISION_REASON: { id: "Alasan (wajib)", en: "Reason (required)" },
  DECISION_REASON_HINT: {
    id: "Ditulis ke jejak audit dan dibaca pemohon bila ditanyakan.",
    en: "Written to the audit trail; the applicant may ask to read it.",
  },
  DECISION_REASON_SHORT: {
    id: "Tulis alasannya (minimal 3 huruf).",
    en: "Write the reason (3 letters at least).",
  },
  DECISION_REASON_CODE_MISSING: { id: "Pilih kode alasan.", en: "Choose a reason code." },
  DECISION_CONFIRM: { id: "{action}", en: "{action}" },
  DECISION_CANCEL: { id: "Batal", en: "Cancel" },
  DECISION_DONE: { id: "{action}: status kini {status}.", en: "{action}: status is now {status}." },
  DECISION_BLOCKED: { id: "Belum bisa: {message}", en: "Not yet: {message}" },
} satisfies MessageCatalog;
