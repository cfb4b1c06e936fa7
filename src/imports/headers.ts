/**
 * Column headers as Indonesian agencies write them ("NO. KK", "TGL LAHIR", "DESA/KEL", "L/P", "TTL") mapped to
 * the fields Salur imports; a title block above the header row ("DAFTAR PENERIMA BLT UMKM …") is skipped.
 */
export const IMPORT_FIELDS = [
  "nik",
  "kk",
  "name",
  "birthPlace",
  "birthDate",
  "birthPlaceDate",
  "sex",
  "address",
  "rt",
  "rw",
  "rtRw",
  "villageCode",
  "villageName",
  "districtCode",
  "districtName",
  "phone",
  "occupation",
  "monthlyIncome",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What a column is taken as: a field, or deliberately ignored. */
export type ColumnTarget = ImportField | "ignore";

/** Upper case, punctuation as spaces, spaces collapsed: "Tgl. Lahir" and "TGL_LAHIR" are one header. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}

const SYNONYMS: Record<ImportField, readonly string[]> = {
  nik: [
    "NIK",
    "NO NIK",
    "NOMOR NIK",
    "NIK KTP",
    "NO KTP",
    "NOMOR KTP",
    "NOMOR INDUK KEPENDUDUKAN",
    "NIK PENERIMA",
    "NIK KRT",
    "NIK PEMILIK",
    "NIK PEMOHON",
    "NIK KEPALA KELUARGA",
    "NIK PEMILIK USAHA",
  ],
  kk: [
    "KK",
    "NO KK",
    "NOMOR KK",
    "NKK",
    "NO NKK",
    "NO KARTU KELUARGA",
    "NOMOR KARTU KELUARGA",
    "NOMOR KK KRT",
  ],
  name: [
    "NAMA",
    "NAMA LENGKAP",
    "NAMA PENERIMA",
    "NAMA KRT",
    "NAMA KEPALA KELUARGA",
    "NAMA KEPALA RUMAH TANGGA",
    "NAMA PEMILIK",
    "NAMA PEMILIK USAHA",
    "NAMA SESUAI KTP",
    "NAMA PENERIMA MANFAAT",
    "NAMA PEMOHON",
    "NAMA PENDUDUK",
    "NAME",
    "FULL NAME",
  ],
  birthPlace: [
    "TEMPAT LAHIR",
    "TMPT LAHIR",
    "TMP LAHIR",
    "TPT LAHIR",
    "TEMPAT LHR",
    "BIRTH PLACE",
    "PLACE OF BIRTH",
  ],
  birthDate: [
    "TGL LAHIR",
    "TANGGAL LAHIR",
    "TGL LHR",
    "TANGGAL LHR",
    "TGLLAHIR",
    "TANGGAL LAHIR DD MM YYYY",
    "TGL LAHIR DD MM YYYY",
    "BIRTH DATE",
    "DATE OF BIRTH",
    "DOB",
  ],
  birthPlaceDate: [
    "TTL",
    "TEMPAT TANGGAL LAHIR",
    "TEMPAT TGL LAHIR",
    "TEMPAT DAN TANGGAL LAHIR",
    "TEMPAT TGL LHR",
  ],
  sex: ["JENIS KELAMIN", "JK", "J K", "L P", "KELAMIN", "GENDER", "SEX", "JNS KELAMIN", "JENIS KEL"],
  address: [
    "ALAMAT",
    "ALAMAT LENGKAP",
    "ALAMAT KTP",
    "ALAMAT RUMAH",
    "ALAMAT DOMISILI",
    "ALAMAT TINGGAL",
    "ADDRESS",
  ],
  rt: ["RT", "NO RT", "NOMOR RT"],
  rw: ["RW", "NO RW", "NOMOR RW"],
  rtRw: ["RT RW", "RT DAN RW"],
  villageCode: [
    "KODE DESA",
    "KODE KELURAHAN",
    "KODE DESA KELURAHAN",
    "KODE DESA KEL",
    "KODE WILAYAH",
    "KD DESA",
    "KODE KEMENDAGRI",
    "VILLAGE CODE",
  ],
  villageName: [
    "DESA",
    "KELURAHAN",
    "DESA KELURAHAN",
    "DESA KEL",
    "KEL DESA",
    "KELURAHAN DESA",
    "NAMA DESA",
    "NAMA KELURAHAN",
    "NAMA DESA KELURAHAN",
    "VILLAGE",
  ],
  districtCode: ["KODE KECAMATAN", "KODE KEC", "KD KEC", "DISTRICT CODE"],
  districtName: ["KECAMATAN", "KEC", "NAMA KECAMATAN", "DISTRICT"],
  phone: [
    "NO HP",
    "NOMOR HP",
    "HP",
    "NO TELP",
    "NO TELEPON",
    "NOMOR TELEPON",
    "TELEPON",
    "TELP",
    "NO WA",
    "NOMOR WA",
    "NO HANDPHONE",
    "NOMOR HANDPHONE",
    "HANDPHONE",
    "NO TELP HP",
    "PHONE",
  ],
  occupation: ["PEKERJAAN", "JENIS PEKERJAAN", "MATA PENCAHARIAN", "OCCUPATION"],
  monthlyIncome: [
    "PENGHASILAN",
    "PENGHASILAN PER BULAN",
    "PENGHASILAN BULANAN",
    "PENDAPATAN",
    "PENDAPATAN PER BULAN",
    "PENGHASILAN RP",
    "MONTHLY INCOME",
  ],
};

const FIELD_BY_KEY = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((s) => [s, field] as const)),
);

export function fieldOfHeader(header: string): ImportField | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

/** Column index (0-based) of each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface HeaderDetection {
  /** 1-based row number of the header within the rows looked at. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Headers no rule or template recognised, with their 0-based column. */
  unmapped: { column: number; header: string }[];
  /** Columns that two headers claimed: the first is kept. */
  duplicates: { column: number; header: string; field: ImportField }[];
}

/** Rows looked at for a header: title blocks of agency lists are rarely longer. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * A saved mapping (an agency's template or the officer's choice): header key → field or "ignore". It wins over
 * the built-in synonyms.
 */
export type MappingTemplate = Record<string, ColumnTarget>;

export function mapHeaders(
  headers: readonly string[],
  template: MappingTemplate = {},
): Omit<HeaderDetection, "headerRow"> {
  const mapping: ColumnMapping = {};
  const unmapped: HeaderDetection["unmapped"] = [];
  const duplicates: HeaderDetection["duplicates"] = [];
  const templateByKey = new Map(Object.entries(template).map(([k, v]) => [headerKey(k), v] as const));
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key === "") return;
    const chosen = templateByKey.get(key);
    if (chosen === "ignore") return;
    const field = chosen ?? FIELD_BY_KEY.get(key) ?? null;
    if (!field) {
      unmapped.push({ column, header });
      return;
    }
    if (mapping[field] !== undefined) {
      duplicates.push({ column, header, field });
      return;
    }
    mapping[field] = column;
  });
  return { headers: [...headers], mapping, unmapped, duplicates };
}

/**
 * Finds the header among the first rows: the row naming most known fields, which must include the name.
 * Null when no row names at least two fields.
 */
export function detectHeader(
  rows: readonly { number: number; cells: readonly string[] }[],
  template: MappingTemplate = {},
): HeaderDetection | null {
  let best: HeaderDetection | null = null;
  let bestScore = 1;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const mapped = mapHeaders(row.cells, template);
    const score = Object.keys(mapped.mapping).length;
    if (score > bestScore && mapped.mapping.name !== undefined) {
      best = { headerRow: row.number, ...mapped };
      bestScore = score;
    }
  }
  return best;
}

/** "A", "B", … "Z", "AA": how a spreadsheet names a 0-based column. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
