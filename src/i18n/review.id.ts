// The evaluator mode's text (role switch and the Tinjauan panel) in Bahasa Indonesia; English in review.en.ts.
// Numbers arrive formatted (id-ID: 0,67).
import type { ProtectionOutcome } from "../app/workbookGateway";

export type PaneRole = "unit" | "tpi" | "tpn";

export interface ReviewMessages {
  roleLabel: string;
  roles: Record<PaneRole, string>;
  roleHint: string;
  title: (role: string) => string;
  adding: (role: string) => string;
  added: (role: string, columns: string) => string;
  missing: (role: string) => string;
  addColumns: (role: string) => string;
  notStarted: (role: string) => string;
  scores: string;
  level: string;
  unit: string;
  final: string;
  diff: string;
  total: string;
  pengungkit: string;
  hasil: string;
  area: (no: number, name: string) => string;
  indicators: (n: number) => string;
  noIndicatorDiffs: string;
  differences: (n: number, role: string) => string;
  noDifferences: (role: string) => string;
  answers: (unit: string, evaluator: string) => string;
  empty: string;
  points: (points: string) => string;
  showCell: (cell: string) => string;
  mergedNote: (role: string) => string;
  finalNote: string;
  actions: string;
  catatan: string;
  catatanHint: string;
  catatanDone: string;
  protect: string;
  unprotect: string;
  protectHint: string;
  protection: Record<ProtectionOutcome, string>;
  running: string;
  failed: string;
  logged: (n: number) => string;
  logHint: string;
  history: (n: number) => string;
  historyEmpty: string;
  historyEntry: (time: string, role: string, item: string, cell: string, from: string, to: string) => string;
  note: string;
  noteLabel: (role: string, item: string) => string;
  noteSave: string;
  noteCancel: string;
  noteSaved: (cell: string) => string;
}

export const reviewId: ReviewMessages = {
  roleLabel: "Peran",
  roles: { unit: "Unit", tpi: "TPI", tpn: "TPN" },
  roleHint: "TPI dan TPN menilai di kolom sendiri di samping kolom unit; kolom unit tidak pernah diubah.",
  title: (role) => `Tinjauan ${role}`,
  adding: (role) => `Menambahkan kolom ${role}…`,
  added: (role, columns) => `Kolom Jawaban, Nilai dan Catatan ${role} ditambahkan di ${columns}; jawabannya masih kosong.`,
  missing: (role) => `Lembar LKE belum memiliki kolom ${role}.`,
  addColumns: (role) => `Tambah kolom ${role}`,
  notStarted: (role) => `${role} belum menjawab satu butir pun.`,
  scores: "Nilai per peran",
  level: "Bagian",
  unit: "Unit",
  final: "Akhir",
  diff: "Selisih",
  total: "Total",
  pengungkit: "Pengungkit",
  hasil: "Hasil",
  area: (no, name) => `Area ${no} ${name}`,
  indicators: (n) => `Indikator yang berbeda (${n})`,
  noIndicatorDiffs: "Tidak ada indikator yang nilainya berbeda.",
  differences: (n, role) => `Jawaban ${role} yang berbeda dari unit (${n})`,
  noDifferences: (role) => `Belum ada jawaban ${role} yang berbeda dari jawaban unit.`,
  answers: (unit, evaluator) => `Unit: ${unit} → ${evaluator}`,
  empty: "(kosong)",
  points: (points) => `${points} poin`,
  showCell: (cell) => `Tampilkan sel ${cell}`,
  mergedNote: (role) => `Kolom ${role}: jawaban ${role}, dan jawaban unit pada butir yang belum dinilai ${role}.`,
  finalNote: "Nilai akhir mengikuti aturan: per butir jawaban TPN, bila tidak ada TPI, bila tidak ada unit.",
  actions: "Tindakan tinjauan",
  catatan: "Tulis Catatan Evaluasi",
  catatanHint: "Menulis lembar Catatan Evaluasi: per area perbedaan jawaban, temuan dan catatan evaluator, siap dicetak.",
  catatanDone: "Lembar Catatan Evaluasi telah ditulis.",
  protect: "Lindungi kolom unit",
  unprotect: "Buka perlindungan",
  protectHint: "Memproteksi lembar LKE (tanpa kata sandi) sehingga hanya kolom jawaban dan catatan evaluator yang dapat diisi.",
  protection: {
    protected: "Lembar LKE diproteksi; hanya kolom evaluator yang dapat diisi.",
    unprotected: "Proteksi lembar LKE dibuka.",
    "already-protected": "Lembar LKE sudah diproteksi oleh pengguna lain; proteksinya tidak diubah.",
    "not-protected": "Lembar LKE tidak diproteksi.",
  },
  running: "Sedang diproses…",
  failed: "Tindakan tinjauan gagal",
  logged: (n) => `${n} perubahan jawaban dicatat di log tinjauan workbook.`,
  note: "Catatan",
  noteLabel: (role, item) => `Catatan ${role} untuk ${item}`,
  noteSave: "Simpan catatan",
  noteCancel: "Batal",
  noteSaved: (cell) => `Catatan disimpan di sel ${cell}.`,
  history: (n) => `Riwayat tinjauan (${n})`,
  historyEmpty: "Log tinjauan workbook ini masih kosong.",
  historyEntry: (time, role, item, cell, from, to) => `${time} · ${role} · ${item} (${cell}): ${from} → ${to}`,
  logHint: "Setiap perubahan jawaban dan catatan dicatat (peran, butir, dari, ke, waktu) di lembar tersembunyi yang ikut tersimpan di workbook.",
};
