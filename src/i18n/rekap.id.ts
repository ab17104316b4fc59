// The Rekap panel's text in Bahasa Indonesia (the coordinator's recap of many LKE workbooks); English beside it
// in rekap.en.ts with the same shape. Numbers arrive already formatted (id-ID: 95,71).
export interface RekapMessages {
  title: string;
  intro: string;
  chooseFiles: string;
  inputLabel: string;
  privacy: string;
  progressLabel: string;
  progress: (done: number, total: number) => string;
  cancel: string;
  cancelled: string;
  units: (n: number) => string;
  noUnits: string;
  columns: { unit: string; total: string; wbk: string; wbbm: string; errors: string; gap: string };
  yes: string;
  no: string;
  gap: (label: string, gap: string) => string;
  area: (no: number) => string;
  problems: (n: number) => string;
  problemColumns: { file: string; reason: string };
  duplicate: (of: string, unit: string) => string;
  write: string;
  writeHint: string;
  writing: string;
  written: string;
  writeFailed: string;
  download: string;
  downloadHint: string;
  downloaded: (file: string) => string;
  fileName: string;
}

export const rekapId: RekapMessages = {
  title: "Rekap Unit",
  intro: "Pilih workbook LKE dari banyak unit (.xlsx). Setiap berkas dinilai di komputer ini; berkas yang tidak dapat dipakai dicatat beserta alasannya tanpa menghentikan rekap.",
  chooseFiles: "Pilih berkas LKE…",
  inputLabel: "Berkas LKE untuk rekap",
  privacy: "Berkas dibaca di peramban ini saja; tidak ada data yang dikirim ke mana pun.",
  progressLabel: "Kemajuan rekap",
  progress: (done, total) => `${done} dari ${total} berkas`,
  cancel: "Batal",
  cancelled: "Rekap dibatalkan. Hasil berkas yang sudah dinilai tidak disimpan; pilih berkas lagi untuk mengulang.",
  units: (n) => `Unit dinilai (${n})`,
  noUnits: "Tidak ada unit yang dapat dinilai.",
  columns: { unit: "Unit", total: "Nilai total", wbk: "WBK", wbbm: "WBBM", errors: "Galat", gap: "Kesenjangan terbesar" },
  yes: "Ya",
  no: "Tidak",
  gap: (label, gap) => `${label}: kurang ${gap}`,
  area: (no) => `Area ${no}`,
  problems: (n) => `Berkas bermasalah (${n})`,
  problemColumns: { file: "Berkas", reason: "Alasan" },
  duplicate: (of, unit) => `duplikat dari ${of} (unit “${unit}”)`,
  write: "Tulis Rekap Unit ke workbook",
  writeHint: "Menulis lembar Rekap Unit (tabel dan grafik nilai total dengan garis 75 dan 85) ke workbook ini; lembar Rekap Unit buatan add-in sebelumnya diganti.",
  writing: "Menulis Rekap Unit…",
  written: "Lembar Rekap Unit telah ditulis.",
  writeFailed: "Rekap Unit tidak dapat ditulis",
  download: "Unduh rekap",
  downloadHint: "Workbook baru berisi lembar Rekap Unit (tabel dan grafik) dan Berkas Bermasalah.",
  downloaded: (file) => `“${file}” telah dibuat.`,
  fileName: "Rekap Unit.xlsx",
};
