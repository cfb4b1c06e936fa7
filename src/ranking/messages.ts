import type { MessageTemplate } from "../i18n/index.ts";

/** Indonesian and English text of every ranking message code; `{name}` is filled from the params. */
export const RANKING_MESSAGES: Record<string, MessageTemplate> = {
  // Saaty's scale. The odd values are Saaty's verbal anchors; the even ones lie between.
  AHP_SCALE_1: { id: "sama penting", en: "equally important" },
  AHP_SCALE_2: {
    id: "antara sama penting dan sedikit lebih penting",
    en: "between equal and moderately more important",
  },
  AHP_SCALE_3: { id: "sedikit lebih penting", en: "moderately more important" },
  AHP_SCALE_4: {
    id: "antara sedikit lebih penting dan lebih penting",
    en: "between moderately and strongly more important",
  },
  AHP_SCALE_5: { id: "lebih penting", en: "strongly more important" },
  AHP_SCALE_6: {
    id: "antara lebih penting dan sangat lebih penting",
    en: "between strongly and very strongly more important",
  },
  AHP_SCALE_7: { id: "sangat lebih penting", en: "very strongly more important" },
  AHP_SCALE_8: {
    id: "antara sangat lebih penting dan mutlak lebih penting",
    en: "between very strongly and extremely more important",
  },
  AHP_SCALE_9: { id: "mutlak lebih penting", en: "extremely more important" },

  AHP_HINT: {
    id: "Ubah perbandingan {first} terhadap {second} menjadi {suggested}; CR turun menjadi {cr}.",
    en: "Change the comparison of {first} with {second} to {suggested}; CR falls to {cr}.",
  },

  AHP_SIZE_OUT_OF_RANGE: {
    id: "Jumlah elemen yang dibandingkan harus 1 sampai {max}, bukan {size}. Kelompokkan ke dalam subkriteria.",
    en: "The number of compared elements must be 1 to {max}, not {size}. Group them into sub-criteria.",
  },
  AHP_JUDGMENT_INVALID: {
    id: "Nilai perbandingan {intensity} tidak sah: harus angka positif (intensitas 1 sampai 9 pada skala Saaty).",
    en: "Comparison value {intensity} is invalid: it must be a positive number (intensity 1 to 9 on Saaty's scale).",
  },
  AHP_JUDGMENT_COUNT_MISMATCH: {
    id: "{size} elemen memerlukan {expected} perbandingan berpasangan, yang diberikan {actual}.",
    en: "{size} elements need {expected} pairwise comparisons; {actual} were given.",
  },
  AHP_PAIR_INVALID: {
    id: "Pasangan {first} dan {second} tidak ada di antara {size} elemen.",
    en: "The pair {first} and {second} is not among the {size} elements.",
  },
  AHP_PAIR_DUPLICATE: {
    id: "Pasangan {first} dan {second} dinilai lebih dari sekali.",
    en: "The pair {first} and {second} is judged more than once.",
  },
  AHP_PAIR_MISSING: {
    id: "Pasangan {first} dan {second} belum dinilai.",
    en: "The pair {first} and {second} has not been judged.",
  },
  AHP_NOT_CONVERGED: {
    id: "Perhitungan vektor eigen untuk {size} elemen tidak konvergen setelah {iterations} iterasi. Periksa nilai perbandingan yang ekstrem.",
    en: "The eigenvector of {size} elements did not converge after {iterations} iterations. Check for extreme comparison values.",
  },
  AHP_COMPARISONS_DISCONNECTED: {
    id: "Perbandingan yang terisi tidak menghubungkan semua elemen; kelompok yang terpisah: {groups}. Isi paling sedikit satu perbandingan antarkelompok.",
    en: "The judged pairs do not connect all elements; separate groups: {groups}. Judge at least one pair across the groups.",
  },
  AHP_GROUP_EMPTY: { id: "Belum ada penilai.", en: "There are no judges yet." },
  AHP_GROUP_SIZE_MISMATCH: {
    id: "Penilai {judge} membandingkan {size} elemen, seharusnya {expected}.",
    en: "Judge {judge} compared {size} elements instead of {expected}.",
  },
  AHP_JUDGE_WEIGHT_INVALID: {
    id: "Bobot penilai {judge} ({weight}) harus angka positif.",
    en: "The weight of judge {judge} ({weight}) must be a positive number.",
  },

  // The `salur ahp FILE.json` input.
  AHP_FILE_UNREADABLE: {
    id: "Berkas {file} tidak dapat dibaca: {reason}",
    en: "File {file} cannot be read: {reason}",
  },
  AHP_FILE_NOT_JSON: {
    id: "Berkas {file} bukan JSON yang sah: {reason}",
    en: "File {file} is not valid JSON: {reason}",
  },
  AHP_INPUT_TYPE: { id: "Isian {field} harus berupa {expected}.", en: "Field {field} must be {expected}." },
  AHP_INPUT_TOO_SMALL: {
    id: "Isian {field} terlalu sedikit/kecil (minimal {minimum}).",
    en: "Field {field} is too small or short (minimum {minimum}).",
  },
  AHP_INPUT_TOO_BIG: {
    id: "Isian {field} terlalu banyak/besar (maksimal {maximum}).",
    en: "Field {field} is too big or long (maximum {maximum}).",
  },
  AHP_INPUT_INVALID: { id: "Isian {field} tidak sah.", en: "Field {field} is invalid." },
  AHP_CRITERIA_DUPLICATE: {
    id: 'Kriteria "{name}" tertulis lebih dari sekali.',
    en: 'Criterion "{name}" is listed more than once.',
  },
  AHP_MATRIX_SIZE_MISMATCH: {
    id: "Matriks memiliki {rows} baris, padahal ada {criteria} kriteria; harus sama.",
    en: "The matrix has {rows} rows but there are {criteria} criteria; they must match.",
  },
  AHP_MATRIX_NOT_SQUARE: {
    id: "Baris {row} ({name}) berisi {length} sel, seharusnya {expected} (matriks harus persegi).",
    en: "Row {row} ({name}) has {length} cells instead of {expected} (the matrix must be square).",
  },
  AHP_MATRIX_CELL_INVALID: {
    id: "Sel [{row},{column}] ({rowName} terhadap {columnName}) bernilai {value}; harus angka lebih dari 0.",
    en: "Cell [{row},{column}] ({rowName} versus {columnName}) is {value}; it must be a number above 0.",
  },
  AHP_MATRIX_DIAGONAL_NOT_ONE: {
    id: "Sel diagonal [{row},{row}] ({name} terhadap dirinya sendiri) bernilai {value}; harus 1.",
    en: "Diagonal cell [{row},{row}] ({name} versus itself) is {value}; it must be 1.",
  },
  AHP_MATRIX_NOT_RECIPROCAL: {
    id: "Sel [{row},{column}] ({rowName} terhadap {columnName}) = {value} bukan kebalikan sel [{column},{row}] = {mirror}: hasil kalinya {product}, seharusnya 1 (misalnya {value} dan {expected}).",
    en: "Cell [{row},{column}] ({rowName} versus {columnName}) = {value} is not the reciprocal of cell [{column},{row}] = {mirror}: their product is {product}, it should be 1 (e.g. {value} and {expected}).",
  },
  AHP_RI_TABLE_UNKNOWN: {
    id: 'Tabel indeks acak "{table}" tidak dikenal; pilih salah satu: {tables}.',
    en: 'Unknown random-index table "{table}"; choose one of: {tables}.',
  },
  AHP_TOLERANCE_INVALID: {
    id: "Toleransi kebalikan {value} tidak sah: harus angka antara 0 dan 0,5.",
    en: "Reciprocity tolerance {value} is invalid: it must be a number between 0 and 0.5.",
  },

  RATING_REFERENCE_DATE_INVALID: {
    id: "Tanggal acuan {date} tidak sah; gunakan format TTTT-BB-HH.",
    en: "Reference date {date} is invalid; use YYYY-MM-DD.",
  },
  RATING_CRITERIA_COUNT: {
    id: "Model harus memiliki 1 sampai {max} kriteria, bukan {count}.",
    en: "A model needs 1 to {max} criteria, not {count}.",
  },
  RATING_RANDOM_INDEX_TABLE_UNKNOWN: {
    id: 'Tabel indeks acak "{table}" tidak dikenal.',
    en: 'Unknown random-index table "{table}".',
  },
  RATING_JUDGMENT_COUNT: {
    id: "Diperlukan {expected} penilaian berpasangan, yang ada {actual}.",
    en: "{expected} pairwise judgments are needed; there are {actual}.",
  },
  RATING_CODE_EMPTY: { id: "Kode tidak boleh kosong.", en: "A code must not be empty." },
  RATING_CODE_DUPLICATE: {
    id: 'Kode "{code}" dipakai lebih dari sekali.',
    en: 'Code "{code}" is used more than once.',
  },
  RATING_LEVEL_COUNT: {
    id: "Kriteria {criterion} harus memiliki 1 sampai {max} tingkat, bukan {count}.",
    en: "Criterion {criterion} needs 1 to {max} levels, not {count}.",
  },
  RATING_LEVEL_UNKNOWN: {
    id: 'Tingkat "{level}" tidak ada pada kriteria {criterion}.',
    en: 'Level "{level}" does not exist in criterion {criterion}.',
  },
  RATING_ATTRIBUTE_UNKNOWN: {
    id: 'Atribut "{attribute}" tidak dikenal.',
    en: 'Unknown attribute "{attribute}".',
  },
  RATING_CATEGORY_UNMAPPED: {
    id: 'Kriteria {criterion}: nilai "{value}" belum dipetakan ke tingkat mana pun (atau ke "tanpa poin").',
    en: 'Criterion {criterion}: value "{value}" is not mapped to any level (or to "no points").',
  },
  RATING_CATEGORY_VALUE_UNKNOWN: {
    id: 'Nilai "{value}" bukan nilai atribut ini.',
    en: '"{value}" is not a value of this attribute.',
  },
  RATING_BANDS_NOT_ASCENDING: {
    id: "Kriteria {criterion}: batas rentang harus naik, dan rentang terakhir tanpa batas atas.",
    en: "Criterion {criterion}: band limits must ascend, and the last band has no upper limit.",
  },
  RATING_RULE_KIND_UNKNOWN: { id: 'Jenis aturan "{kind}" tidak dikenal.', en: 'Unknown rule kind "{kind}".' },
  RATING_WEIGHTS_INVALID: {
    id: "Bobot harus {expected} angka tidak negatif dengan jumlah lebih dari 0.",
    en: "Weights must be {expected} non-negative numbers with a positive sum.",
  },
  RATING_CRITERION_UNKNOWN: {
    id: 'Kriteria "{criterion}" tidak ada pada model.',
    en: 'Criterion "{criterion}" is not in the model.',
  },

  SELECTION_REGISTRATION_NUMBER_INVALID: {
    id: "Nomor pendaftaran {value} milik {id} tidak sah: harus bilangan bulat 0 sampai 4294967295.",
    en: "Registration number {value} of {id} is invalid: it must be a whole number from 0 to 4294967295.",
  },
  SELECTION_RULES_INVALID: {
    id: "Aturan seleksi tidak sah: kuota {quota} dan pagu Rp{budget} harus bilangan bulat tidak negatif, nilai bantuan Rp{amount} bilangan bulat positif.",
    en: "Invalid selection rules: quota {quota} and budget Rp{budget} must be non-negative whole numbers, the amount Rp{amount} a positive whole number.",
  },
  SELECTION_TABLE_MODEL_MISMATCH: {
    id: "Data pendaftar disusun untuk {table} kriteria, model memiliki {model}.",
    en: "The applicant data was encoded for {table} criteria; the model has {model}.",
  },
  SELECTION_APPLICANT_UNKNOWN: {
    id: "Pendaftar nomor urut {index} tidak ada.",
    en: "Applicant at position {index} does not exist.",
  },
  SELECTION_LIMITED_BY_QUOTA: {
    id: "Jumlah penerima dibatasi kuota.",
    en: "The number of recipients is limited by the quota.",
  },
  SELECTION_LIMITED_BY_BUDGET: {
    id: "Jumlah penerima dibatasi pagu anggaran.",
    en: "The number of recipients is limited by the budget.",
  },
  SELECTION_LIMITED_BY_APPLICANTS: {
    id: "Semua pendaftar yang memenuhi syarat terpilih; kuota dan pagu masih tersisa.",
    en: "Every eligible applicant is selected; quota and budget are not used up.",
  },
  RATING_MODEL_INCONSISTENT_UNJUSTIFIED: {
    id: "Rasio konsistensi {ratio} melebihi batas {limit}: perbaiki perbandingannya, atau tuliskan alasan mempertahankannya.",
    en: "Consistency ratio {ratio} exceeds the {limit} limit: revise the comparisons, or write why they are kept.",
  },
  RANKING_NOT_VALIDATED: {
    id: "Belum divalidasi: hanya pendaftaran yang sudah divalidasi yang diperingkat.",
    en: "Not validated yet: only validated applications are ranked.",
  },
  RATING_MODEL_VERSION_CONFLICT: {
    id: "Model penilaian program ini sudah diubah orang lain (versi {actual}, Anda mulai dari versi {expected}). Muat ulang, periksa perubahannya, lalu simpan lagi.",
    en: "This program's rating model was changed by someone else (version {actual}; you started from version {expected}). Reload, review the change, then save again.",
  },
  RATING_JUDGE_JUDGMENT_COUNT: {
    id: "Penilai {judge} memberikan {actual} perbandingan; {expected} kriteria memerlukan {needed} (kosongkan yang tidak dinilai).",
    en: "Judge {judge} gave {actual} comparisons; {expected} criteria need {needed} (leave unjudged pairs empty).",
  },
  SELECTION_PERIOD_FROZEN: {
    id: "Daftar tahap ini sudah diumumkan atau ditetapkan ({count} pendaftaran): seleksi tidak dapat diulang.",
    en: "This period's list has already been published or decreed ({count} enrollments): the selection cannot be run again.",
  },
  SELECTION_RUN_NOT_FOUND: {
    id: "Hasil seleksi {id} tidak ditemukan.",
    en: "Selection run {id} was not found.",
  },
  RANKING_ENROLLMENT_NOT_RANKED: {
    id: "Pendaftaran {id} tidak termasuk dalam pemeringkatan tahap ini (ditolak, mundur, atau tidak ada).",
    en: "Enrollment {id} is not in this period's ranking (rejected, withdrawn, or not found).",
  },
  SELECTION_TIE_BREAK: {
    id: "Jika nilai sama (sampai 9 desimal), yang didahulukan adalah kepala keluarga yang lebih tua, lalu nomor pendaftaran yang lebih kecil.",
    en: "On equal scores (to 9 decimals), the older household head comes first, then the lower registration number.",
  },
};
