import type { MessageCatalog } from "../i18n/index.ts";

/**
 * Words for explaining a pair to a coordination meeting (rapat koordinasi): what each field says, and how
 * strongly. Codes: MATCHING_FIELD_<FIELD>, MATCHING_LEVEL_<FIELD>_<LEVEL>, MATCHING_EFFECT_<EFFECT>.
 */
export const MATCHING_MESSAGES: MessageCatalog = {
  MATCHING_FIELD_NIK: { id: "NIK", en: "NIK" },
  MATCHING_FIELD_NAME: { id: "Nama", en: "Name" },
  MATCHING_FIELD_BIRTH_DATE: { id: "Tanggal lahir", en: "Date of birth" },
  MATCHING_FIELD_SEX: { id: "Jenis kelamin", en: "Sex" },
  MATCHING_FIELD_BIRTH_PLACE: { id: "Tempat lahir", en: "Place of birth" },
  MATCHING_FIELD_VILLAGE: { id: "Desa/kelurahan", en: "Village" },
  MATCHING_FIELD_RT_RW: { id: "RT/RW", en: "RT/RW" },
  MATCHING_FIELD_ADDRESS: { id: "Alamat", en: "Address" },
  MATCHING_FIELD_KK: { id: "Nomor KK", en: "Family card (KK) number" },
  MATCHING_FIELD_PHONE: { id: "Nomor HP", en: "Phone number" },
  MATCHING_FIELD_OTHER_ID: {
    id: "Nomor identitas lain (ID DTKS, rekening, nomor anggota)",
    en: "Other identifier (DTKS ID, bank account, membership number)",
  },
  MATCHING_FIELD_POSTCODE: { id: "Kode pos", en: "Postcode" },

  MATCHING_LEVEL_NIK_MISSING: {
    id: "kosong atau tidak terbaca di salah satu data",
    en: "empty or unreadable on one side",
  },
  MATCHING_LEVEL_NIK_EXACT: { id: "sama persis", en: "identical" },
  MATCHING_LEVEL_NIK_SPREADSHEET_ZEROED: {
    id: "sama kecuali digit terakhir yang menjadi 0 (rusak karena Excel)",
    en: "equal except the last digit, turned into 0 by a spreadsheet",
  },
  MATCHING_LEVEL_NIK_TYPO: {
    id: "beda satu angka atau dua angka bertukar tempat (salah ketik)",
    en: "one digit different or two digits swapped (a typing slip)",
  },
  MATCHING_LEVEL_NIK_KK_IN_NIK: {
    id: "kolom NIK berisi nomor KK yang sama — satu keluarga, belum tentu orang yang sama",
    en: "the NIK field holds the same KK number — one family, not necessarily one person",
  },
  MATCHING_LEVEL_NIK_SAME_REGION_BIRTH: {
    id: "kecamatan dan tanggal lahir dalam NIK sama, nomor urutnya berbeda",
    en: "same kecamatan and birth date inside the NIK, different serial number",
  },
  MATCHING_LEVEL_NIK_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_NAME_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_NAME_EXACT: {
    id: "sama (setelah gelar dan ejaan dibakukan)",
    en: "the same (once titles and spellings are standardised)",
  },
  MATCHING_LEVEL_NAME_PHONETIC: {
    id: "bunyinya sama, ejaan atau urutan katanya berbeda",
    en: "sounds the same; spelling or word order differs",
  },
  MATCHING_LEVEL_NAME_CLOSE: {
    id: "hampir sama (salah ketik kecil)",
    en: "nearly the same (a small typing slip)",
  },
  MATCHING_LEVEL_NAME_PARTIAL: {
    id: "sebagian sama (nama tengah hilang atau disingkat)",
    en: "partly the same (a middle name dropped or abbreviated)",
  },
  MATCHING_LEVEL_NAME_FUZZY: { id: "agak mirip", en: "somewhat alike" },
  MATCHING_LEVEL_NAME_ONE_WORD: {
    id: "satu kata sama, kata lain berbeda",
    en: "one word the same, another different",
  },
  MATCHING_LEVEL_NAME_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_BIRTH_DATE_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_BIRTH_DATE_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_BIRTH_DATE_DAY_MONTH_SWAPPED: {
    id: "tanggal dan bulannya tertukar",
    en: "day and month swapped",
  },
  MATCHING_LEVEL_BIRTH_DATE_ONE_UNIT_OFF: {
    id: "selisih satu hari, satu bulan atau satu tahun",
    en: "one day, month or year apart",
  },
  MATCHING_LEVEL_BIRTH_DATE_SAME_YEAR: { id: "hanya tahunnya yang sama", en: "only the year agrees" },
  MATCHING_LEVEL_BIRTH_DATE_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_SEX_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_SEX_SAME: { id: "sama", en: "the same" },
  MATCHING_LEVEL_SEX_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_BIRTH_PLACE_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_BIRTH_PLACE_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_BIRTH_PLACE_CLOSE: { id: "mirip", en: "alike" },
  MATCHING_LEVEL_BIRTH_PLACE_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_VILLAGE_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_VILLAGE_SAME: { id: "desa yang sama", en: "the same village" },
  MATCHING_LEVEL_VILLAGE_SAME_KECAMATAN: {
    id: "desa berbeda dalam kecamatan yang sama",
    en: "another village in the same kecamatan",
  },
  MATCHING_LEVEL_VILLAGE_DIFFERENT: { id: "kecamatan berbeda", en: "another kecamatan" },

  MATCHING_LEVEL_RT_RW_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_RT_RW_SAME: { id: "RT dan RW sama", en: "same RT and RW" },
  MATCHING_LEVEL_RT_RW_PARTIAL: {
    id: "sebagian sama (RW saja, atau RT saja)",
    en: "partly the same (RW or RT only)",
  },
  MATCHING_LEVEL_RT_RW_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_ADDRESS_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_ADDRESS_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_ADDRESS_SIMILAR: { id: "mirip", en: "alike" },
  MATCHING_LEVEL_ADDRESS_PARTIAL: { id: "sebagian sama", en: "partly the same" },
  MATCHING_LEVEL_ADDRESS_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_KK_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_KK_EXACT: { id: "sama (satu keluarga)", en: "the same (one family)" },
  MATCHING_LEVEL_KK_TYPO: { id: "beda satu angka (salah ketik)", en: "one digit different (a typing slip)" },
  MATCHING_LEVEL_KK_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_PHONE_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_PHONE_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_PHONE_TYPO: { id: "beda satu angka", en: "one digit different" },
  MATCHING_LEVEL_PHONE_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_OTHER_ID_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_OTHER_ID_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_OTHER_ID_TYPO: {
    id: "beda satu karakter (salah ketik)",
    en: "one character different (a typing slip)",
  },
  MATCHING_LEVEL_OTHER_ID_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_LEVEL_POSTCODE_MISSING: { id: "kosong di salah satu data", en: "empty on one side" },
  MATCHING_LEVEL_POSTCODE_EXACT: { id: "sama", en: "the same" },
  MATCHING_LEVEL_POSTCODE_TYPO: { id: "beda satu angka", en: "one digit different" },
  MATCHING_LEVEL_POSTCODE_DIFFERENT: { id: "berbeda", en: "different" },

  MATCHING_EFFECT_STRONG_FOR: { id: "bukti kuat orang yang sama", en: "strong evidence of the same person" },
  MATCHING_EFFECT_FOR: { id: "mendukung orang yang sama", en: "supports the same person" },
  MATCHING_EFFECT_NEUTRAL: { id: "hampir tidak berpengaruh", en: "makes little difference" },
  MATCHING_EFFECT_AGAINST: { id: "mengarah ke orang berbeda", en: "points to different people" },
  MATCHING_EFFECT_STRONG_AGAINST: {
    id: "bukti kuat orang berbeda",
    en: "strong evidence of different people",
  },
  MATCHING_EFFECT_NONE: { id: "tidak dinilai", en: "not counted" },
  MATCHING_EFFECT_COUNTED_WITH_HOUSEHOLD: {
    id: "sudah dihitung bersama {field} (satu rumah tangga berbagi data tempat tinggal)",
    en: "already counted with {field} (one household shares its residence data)",
  },
  MATCHING_EFFECT_COUNTED_WITH_POSTCODE: {
    id: "sudah dihitung bersama {field} (kode pos mengikuti desa)",
    en: "already counted with {field} (the postcode follows the village)",
  },
  MATCHING_EFFECT_COUNTED_WITH_NIK_BIRTH_DATE: {
    id: "sudah dihitung bersama {field} (tanggal lahir tercantum di dalam NIK)",
    en: "already counted with {field} (the birth date is part of the NIK)",
  },

  MATCHING_EXPLANATION_FIELD: {
    id: "{field}: {level} — {effect} ({weight})",
    en: "{field}: {level} — {effect} ({weight})",
  },
  MATCHING_EXPLANATION_COMMON_NAME: {
    id: "Nama ini umum ({count} data memakainya), jadi kecocokan nama dihitung lebih lemah ({weight})",
    en: "This name is common ({count} records carry it), so the name agreement counts for less ({weight})",
  },
  MATCHING_EXPLANATION_RARE_NAME: {
    id: "Nama ini jarang ({count} data memakainya), jadi kecocokan nama dihitung lebih kuat ({weight})",
    en: "This name is rare ({count} records carry it), so the name agreement counts for more ({weight})",
  },
  MATCHING_EXPLANATION_PRIOR: {
    id: "Titik awal: dua data acak jarang sekali orang yang sama ({weight})",
    en: "Starting point: two records taken at random are rarely the same person ({weight})",
  },
  MATCHING_EXPLANATION_REFUSED_MERGE: {
    id: "Tidak digabung otomatis: penggabungan ini akan menjadikan satu orang dua data yang jelas berbeda (bobot {weight}), jadi koordinator yang memutuskan",
    en: "Not linked automatically: this link would make one person of two records that are clearly different (weight {weight}), so a coordinator decides",
  },
  MATCHING_EXPLANATION_TOTAL: {
    id: "Peluang orang yang sama: {probability} (bobot total {weight}) — {decision}",
    en: "Probability of the same person: {probability} (total weight {weight}) — {decision}",
  },
  MATCHING_DECISION_LINK: { id: "digabung sebagai satu orang", en: "linked as one person" },
  MATCHING_DECISION_REVIEW: { id: "perlu diperiksa koordinator", en: "needs a coordinator's review" },
  MATCHING_DECISION_DIFFERENT: { id: "dianggap orang berbeda", en: "treated as different people" },

  MATCH_INPUT_NOT_FOUND: { id: "Berkas tidak ditemukan: {file}", en: "File not found: {file}" },
  MATCH_THRESHOLD_INVALID: {
    id: "--{name} harus berupa peluang di antara 0 dan 1 (bukan {value})",
    en: "--{name} must be a probability between 0 and 1 (not {value})",
  },
  MATCH_THRESHOLDS_ORDER: {
    id: "Ambang pemeriksaan ({review}) tidak boleh di atas ambang penggabungan ({match})",
    en: "The review threshold ({review}) may not be above the match threshold ({match})",
  },

  MATCH_REVIEW_NOT_FOUND: { id: "Pasangan data tidak ditemukan: {id}", en: "Pair not found: {id}" },
  MATCH_REVIEW_DECIDED: {
    id: "Pasangan ini sudah diputuskan ({status}); keputusan tidak ditanyakan dua kali",
    en: "This pair has already been decided ({status}); a pair is never asked twice",
  },
  OVERLAP_PROGRAM_NOT_FOUND: { id: "Program tidak ditemukan: {id}", en: "Program not found: {id}" },
  OVERLAP_WINDOW_INVALID: {
    id: "Tanggal mulai ({from}) harus sebelum tanggal selesai ({to})",
    en: "The start date ({from}) must come before the end date ({to})",
  },
  OVERLAP_PERIOD_NOT_FOUND: { id: "Tahap tidak ditemukan: {id}", en: "Period not found: {id}" },
  OVERLAP_SAME_PROGRAM_TWICE: {
    id: "Menerima {program} dua kali (terdaftar dengan data berbeda)",
    en: "Receives {program} twice (registered under different records)",
  },
  OVERLAP_RULE_PERSON: {
    id: "Satu orang menerima {programA} dan {programB} sekaligus",
    en: "One person receives both {programA} and {programB}",
  },
  OVERLAP_RULE_HOUSEHOLD: {
    id: "Satu keluarga (KK) menerima {programA} dan {programB} sekaligus",
    en: "One household (KK) receives both {programA} and {programB}",
  },
  OVERLAP_LINK_SAME_RECORD: { id: "data penduduk yang sama", en: "the same registry record" },
  OVERLAP_LINK_MATCH: {
    id: "dicocokkan sebagai orang yang sama (peluang terendah {probability})",
    en: "matched as the same person (lowest probability {probability})",
  },
  OVERLAP_LINK_HOUSEHOLD: { id: "nomor KK yang sama", en: "the same KK number" },
  OVERLAP_EXPORT_NUMBER: { id: "NO", en: "NO" },
  OVERLAP_EXPORT_VIOLATION: { id: "PELANGGARAN", en: "VIOLATION" },
  OVERLAP_EXPORT_LINK: { id: "DASAR PENGGABUNGAN", en: "LINKED BY" },
  OVERLAP_EXPORT_NAME: { id: "NAMA", en: "NAME" },
  OVERLAP_EXPORT_DISTRICT: { id: "KECAMATAN", en: "KECAMATAN" },
  OVERLAP_EXPORT_VILLAGE: { id: "DESA/KELURAHAN", en: "DESA/KELURAHAN" },
  OVERLAP_EXPORT_RT: { id: "RT", en: "RT" },
  OVERLAP_EXPORT_AGENCY: { id: "DINAS", en: "AGENCY" },
  OVERLAP_EXPORT_PROGRAM: { id: "PROGRAM", en: "PROGRAM" },
  OVERLAP_EXPORT_PERIOD: { id: "TAHAP", en: "PERIOD" },
  OVERLAP_EXPORT_STATUS: { id: "STATUS", en: "STATUS" },
  MATCH_UNKNOWN_COLUMNS: {
    id: "Kolom yang tidak dikenal di {file} tidak dipakai: {columns}.",
    en: "Unknown columns in {file} are not used: {columns}.",
  },
  MATCH_NIK_REJECTED: {
    id: "{records} NIK ditolak (bentuknya tidak sah); catatan itu dicocokkan tanpa NIK.",
    en: "{records} NIK values were rejected (not well-formed); those records are matched without a NIK.",
  },
  MATCH_FEW_BLOCKING_RULES: {
    id: "Hanya aturan blok {rules} yang menemukan pasangan: periksa kolom daftar, banyak pasangan bisa terlewat.",
    en: "Only the blocking rules {rules} found pairs: check the list's columns, many pairs may be missed.",
  },
};
