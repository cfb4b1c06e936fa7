/**
 * The default text of a program's decree (pure): what a program manager starts from and edits per program.
 * Decisions may name {jumlah}, {total}, {total_terbilang} and {program}; the PDF fills them in.
 */
export interface DecreeTemplate {
  subject: string;
  considering: string[];
  legalBasis: string[];
  decisions: string[];
}

export function defaultTemplate(programName: string, regencyName: string): DecreeTemplate {
  return {
    subject: `Penetapan Penerima ${programName}`,
    considering: [
      `bahwa dalam rangka membantu masyarakat yang terdampak, Pemerintah ${regencyName} menyalurkan ${programName};`,
      "bahwa calon penerima telah didata, diverifikasi oleh desa, divalidasi oleh perangkat daerah, diperiksa tumpang tindihnya dan diumumkan untuk masa sanggah;",
      "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan Bupati tentang penetapan penerima bantuan tersebut;",
    ],
    legalBasis: [
      "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
      "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi;",
      "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah;",
    ],
    decisions: [
      "Menetapkan {jumlah} penerima {program} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
      "Jumlah bantuan seluruhnya sebesar {total} ({total_terbilang}) disalurkan melalui rekening bank masing-masing penerima.",
      "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan dan Belanja Daerah.",
      "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ],
  };
}
