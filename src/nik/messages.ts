import type { MessageTemplate } from "../i18n/index.ts";
import type { IdNumberIssueCode } from "./types.ts";

const RETYPE_ID = "Ketik ulang dari KTP atau KK asli, dan format kolomnya sebagai Teks di Excel.";
const RETYPE_EN = "Retype it from the original KTP or KK, and format the column as Text in Excel.";

/** Indonesian and English text for every NIK and KK issue code; `{name}` is filled from the issue's params. */
export const NIK_MESSAGES: Record<IdNumberIssueCode, MessageTemplate> = {
  NIK_EMPTY: {
    id: "NIK belum diisi. NIK adalah 16 digit angka di KTP atau di baris orang ini pada KK.",
    en: "The NIK is missing. The NIK is the 16-digit number on the KTP or on this person's row of the KK.",
  },
  NIK_SCIENTIFIC_NOTATION: {
    id: `NIK tertulis "{raw}": spreadsheet mengubahnya menjadi notasi ilmiah dan digit-digit terakhirnya sudah hilang, jadi NIK tidak bisa dipulihkan dari berkas ini. ${RETYPE_ID}`,
    en: `The NIK reads "{raw}": a spreadsheet turned it into scientific notation and its last digits are lost, so it cannot be recovered from this file. ${RETYPE_EN}`,
  },
  NIK_NOT_DIGITS: {
    id: "NIK hanya boleh berisi angka, tetapi ada karakter: {characters}. Periksa huruf yang mirip angka (O dan 0, I atau l dan 1, S dan 5, B dan 8).",
    en: "A NIK contains digits only, but it has: {characters}. Check for letters that look like digits (O and 0, I or l and 1, S and 5, B and 8).",
  },
  NIK_LENGTH: {
    id: "NIK harus {expected} digit, yang diisi {length} digit. Periksa apakah ada digit yang terlewat atau terketik dua kali.",
    en: "A NIK has {expected} digits; this one has {length}. Check for a digit left out or typed twice.",
  },
  NIK_PROVINCE_UNKNOWN: {
    id: "Kode provinsi {provinceCode} (digit 1–2 NIK) tidak ada dalam daftar wilayah Kemendagri. Periksa dua digit pertama dengan KTP.",
    en: "Province code {provinceCode} (NIK digits 1–2) is not in the Kemendagri region list. Check the first two digits against the KTP.",
  },
  NIK_REGENCY_UNKNOWN: {
    id: "Kode kabupaten/kota {regencyCode} (digit 3–4 NIK: {digits}) tidak ada di {provinceName} menurut daftar wilayah Kemendagri saat ini. Periksa dengan KTP; NIK lama dari daerah yang sudah dimekarkan bisa memakai kode yang kini tidak berlaku.",
    en: "Regency/city code {regencyCode} (NIK digits 3–4: {digits}) does not exist in {provinceName} in the current Kemendagri region list. Check the KTP; an old NIK from a region that has since been split may carry a code no longer in use.",
  },
  NIK_DISTRICT_UNKNOWN: {
    id: "Kode kecamatan {districtCode} (digit 5–6 NIK: {digits}) tidak ada di {regencyName} menurut daftar wilayah Kemendagri saat ini. Periksa dengan KTP.",
    en: "Kecamatan code {districtCode} (NIK digits 5–6: {digits}) does not exist in {regencyName} in the current Kemendagri region list. Check the KTP.",
  },
  NIK_BIRTHDATE_DAY_INVALID: {
    id: "Tanggal lahir di NIK (digit 7–8: {day}) tidak mungkin: laki-laki ditulis 01–31, perempuan 41–71 (tanggal lahir ditambah 40).",
    en: "The birth day in the NIK (digits 7–8: {day}) is impossible: men are written 01–31, women 41–71 (the birth day plus 40).",
  },
  NIK_BIRTHDATE_MONTH_INVALID: {
    id: "Bulan lahir di NIK (digit 9–10: {month}) tidak ada: bulan harus 01 sampai 12.",
    en: "The birth month in the NIK (digits 9–10: {month}) does not exist: the month must be 01 to 12.",
  },
  NIK_BIRTHDATE_INVALID: {
    id: "Tanggal lahir di NIK ({date}) tidak valid: {monthNameId} tidak punya tanggal {day} (paling akhir tanggal {daysInMonth}).",
    en: "The birth date in the NIK ({date}) is invalid: {monthNameEn} has no day {day} (its last day is {daysInMonth}).",
  },
  NIK_BIRTHDATE_NOT_LEAP_YEAR: {
    id: "Tanggal lahir di NIK ({date}) tidak valid: {year} bukan tahun kabisat, jadi Februari hanya sampai tanggal 28.",
    en: "The birth date in the NIK ({date}) is invalid: {year} is not a leap year, so February ends on the 28th.",
  },
  NIK_SERIAL_ZERO: {
    id: `Nomor urut NIK (4 digit terakhir) 0000 tidak pernah diterbitkan; nomor urut dimulai dari 0001. Jika data berasal dari Excel, digit terakhir kemungkinan diubah menjadi 0. ${RETYPE_ID}`,
    en: `The NIK serial (last 4 digits) 0000 is never issued; serials start at 0001. If the data came from Excel, its last digit was probably turned into 0. ${RETYPE_EN}`,
  },
  NIK_IS_KK: {
    id: "Yang diisi sebagai NIK sama dengan nomor KK orang ini. Isi NIK dari KTP atau dari baris orang ini di KK, bukan nomor KK di bagian atas kartu.",
    en: "The number entered as NIK is this person's KK number. Enter the NIK from the KTP or from this person's row of the KK, not the KK number at the top of the card.",
  },
  NIK_LAST_DIGIT_ZEROED: {
    id: "Digit terakhir NIK adalah 0. Itu bisa benar, tetapi juga tanda khas kerusakan oleh Excel, yang hanya menyimpan 15 digit dan mengganti digit ke-16 dengan 0. Cocokkan dengan KTP.",
    en: "The NIK ends in 0. That can be right, but it is also the mark Excel leaves when it keeps only 15 digits and turns the 16th into 0. Check against the KTP.",
  },
  NIK_MAYBE_KK: {
    id: "Angka ini mungkin nomor KK, bukan NIK: bagian tanggalnya ({nikDate}) terbaca sebagai laki-laki dan tidak cocok dengan tanggal lahir {recordDate}, padahal data mencatat perempuan. Pada nomor KK, bagian itu adalah tanggal terbit KK.",
    en: "This may be a KK number rather than a NIK: its date part ({nikDate}) reads as male and does not match the birth date {recordDate}, while the record says female. In a KK number that part is the date the KK was issued.",
  },
  NIK_SEX_MISMATCH: {
    id: "Menurut NIK (tanggal {day}) pemegangnya {nikSexId}, tetapi data mencatat {recordSexId}. Pada NIK perempuan tanggal lahir ditambah 40. Periksa mana yang benar.",
    en: "According to the NIK (day {day}) the holder is {nikSexEn}, but the record says {recordSexEn}. A woman's NIK adds 40 to the birth day. Check which is right.",
  },
  NIK_BIRTHDATE_MISMATCH: {
    id: "Tanggal lahir menurut NIK ({nikDate}) berbeda dengan tanggal lahir di data ({recordDate}). Periksa mana yang salah ketik.",
    en: "The birth date in the NIK ({nikDate}) differs from the recorded birth date ({recordDate}). Check which one was mistyped.",
  },

  KK_EMPTY: {
    id: "Nomor KK belum diisi. Nomor KK adalah 16 digit di bagian atas Kartu Keluarga.",
    en: "The KK number is missing. It is the 16-digit number at the top of the family card (Kartu Keluarga).",
  },
  KK_SCIENTIFIC_NOTATION: {
    id: `Nomor KK tertulis "{raw}": spreadsheet mengubahnya menjadi notasi ilmiah dan digit-digit terakhirnya sudah hilang, jadi nomor KK tidak bisa dipulihkan dari berkas ini. ${RETYPE_ID}`,
    en: `The KK number reads "{raw}": a spreadsheet turned it into scientific notation and its last digits are lost, so it cannot be recovered from this file. ${RETYPE_EN}`,
  },
  KK_NOT_DIGITS: {
    id: "Nomor KK hanya boleh berisi angka, tetapi ada karakter: {characters}. Periksa huruf yang mirip angka (O dan 0, I atau l dan 1, S dan 5, B dan 8).",
    en: "A KK number contains digits only, but it has: {characters}. Check for letters that look like digits (O and 0, I or l and 1, S and 5, B and 8).",
  },
  KK_LENGTH: {
    id: "Nomor KK harus {expected} digit, yang diisi {length} digit. Periksa apakah ada digit yang terlewat atau terketik dua kali.",
    en: "A KK number has {expected} digits; this one has {length}. Check for a digit left out or typed twice.",
  },
  KK_PROVINCE_UNKNOWN: {
    id: "Kode provinsi {provinceCode} (digit 1–2 nomor KK) tidak ada dalam daftar wilayah Kemendagri. Periksa dua digit pertama dengan Kartu Keluarga.",
    en: "Province code {provinceCode} (KK digits 1–2) is not in the Kemendagri region list. Check the first two digits against the family card.",
  },
  KK_REGENCY_UNKNOWN: {
    id: "Kode kabupaten/kota {regencyCode} (digit 3–4 nomor KK: {digits}) tidak ada di {provinceName} menurut daftar wilayah Kemendagri saat ini. Periksa dengan Kartu Keluarga; KK lama dari daerah yang sudah dimekarkan bisa memakai kode yang kini tidak berlaku.",
    en: "Regency/city code {regencyCode} (KK digits 3–4: {digits}) does not exist in {provinceName} in the current Kemendagri region list. Check the family card; an old KK from a region that has since been split may carry a code no longer in use.",
  },
  KK_DISTRICT_UNKNOWN: {
    id: "Kode kecamatan {districtCode} (digit 5–6 nomor KK: {digits}) tidak ada di {regencyName} menurut daftar wilayah Kemendagri saat ini. Periksa dengan Kartu Keluarga.",
    en: "Kecamatan code {districtCode} (KK digits 5–6: {digits}) does not exist in {regencyName} in the current Kemendagri region list. Check the family card.",
  },
  KK_ISSUE_DAY_INVALID: {
    id: "Tanggal terbit di nomor KK (digit 7–8: {day}) tidak mungkin: tanggal harus 01 sampai 31.",
    en: "The issue day in the KK number (digits 7–8: {day}) is impossible: the day must be 01 to 31.",
  },
  KK_LOOKS_LIKE_FEMALE_NIK: {
    id: "Digit 7–8 nomor ini ({day}) adalah cara NIK perempuan menulis tanggal lahir (tanggal ditambah 40); nomor KK tidak pernah memakainya. Tampaknya yang diisi adalah NIK, bukan nomor KK.",
    en: "Digits 7–8 of this number ({day}) are how a woman's NIK writes her birth day (the day plus 40); a KK number never does. This looks like a NIK entered in place of the KK number.",
  },
  KK_ISSUE_MONTH_INVALID: {
    id: "Bulan terbit di nomor KK (digit 9–10: {month}) tidak ada: bulan harus 01 sampai 12.",
    en: "The issue month in the KK number (digits 9–10: {month}) does not exist: the month must be 01 to 12.",
  },
  KK_ISSUE_DATE_INVALID: {
    id: "Tanggal terbit di nomor KK ({date}) tidak valid: {monthNameId} tidak punya tanggal {day} (paling akhir tanggal {daysInMonth}).",
    en: "The issue date in the KK number ({date}) is invalid: {monthNameEn} has no day {day} (its last day is {daysInMonth}).",
  },
  KK_ISSUE_DATE_NOT_LEAP_YEAR: {
    id: "Tanggal terbit di nomor KK ({date}) tidak valid: {year} bukan tahun kabisat, jadi Februari hanya sampai tanggal 28.",
    en: "The issue date in the KK number ({date}) is invalid: {year} is not a leap year, so February ends on the 28th.",
  },
  KK_SERIAL_ZERO: {
    id: `Nomor urut KK (4 digit terakhir) 0000 tidak pernah diterbitkan; nomor urut dimulai dari 0001. Jika data berasal dari Excel, digit terakhir kemungkinan diubah menjadi 0. ${RETYPE_ID}`,
    en: `The KK serial (last 4 digits) 0000 is never issued; serials start at 0001. If the data came from Excel, its last digit was probably turned into 0. ${RETYPE_EN}`,
  },
  KK_IS_NIK: {
    id: "Yang diisi sebagai nomor KK sama dengan NIK orang ini. Nomor KK ada di bagian atas Kartu Keluarga dan berbeda dari NIK setiap anggota.",
    en: "The number entered as KK is this person's NIK. The KK number is at the top of the family card and differs from every member's NIK.",
  },
  KK_LAST_DIGIT_ZEROED: {
    id: "Digit terakhir nomor KK adalah 0. Itu bisa benar, tetapi juga tanda khas kerusakan oleh Excel, yang hanya menyimpan 15 digit dan mengganti digit ke-16 dengan 0. Cocokkan dengan Kartu Keluarga.",
    en: "The KK number ends in 0. That can be right, but it is also the mark Excel leaves when it keeps only 15 digits and turns the 16th into 0. Check against the family card.",
  },
};
