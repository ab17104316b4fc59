// The task pane's text in Bahasa Indonesia, the pane's default language. English beside it in ui.en.ts, with the
// same shape (UiMessages). Numbers arrive already formatted (formatNumber.ts, id-ID: 95,71).
import type { GatewayErrorCode } from "../app/gatewayError";
import type { CellActionKind } from "../app/workbookActions";
import type { Criterion, Target } from "../domain/gaps/predicates";
import type { Severity } from "../domain/validation/finding";

export type PaneTab = "summary" | "findings" | "gaps" | "guide" | "review" | "rekap";

export interface UiMessages {
  appTitle: string;
  languageLabel: string;
  languages: Record<"id" | "en", string>;
  tabs: Record<PaneTab, string>;
  status: {
    reading: string;
    updating: string;
    updatedAt: (time: string) => string;
    watching: (sheet: string) => string;
    layout: (sheet: string, matched: number, expected: number) => string;
  };
  errors: Record<GatewayErrorCode, string> & { unknown: string; title: string };
  actions: {
    toolbar: string;
    annotate: string;
    annotateHint: string;
    annotating: string;
    annotated: string;
    annotateFailed: string;
    refresh: string;
    openFile: string;
    download: string;
    downloadHint: string;
    downloaded: (file: string) => string;
    dismiss: string;
    cell: Record<CellActionKind, { label: string; hint: string; done: (changed: number, kept: number) => string }>;
    cellRunning: string;
    cellFailed: string;
  };
  standalone: {
    title: string;
    intro: string;
    privacy: string;
    opened: (file: string) => string;
  };
  summary: {
    total: string;
    pengungkit: string;
    hasil: string;
    outOf: (max: string) => string;
    predicates: string;
    target: Record<Target, string>;
    eligible: string;
    notEligible: string;
    areas: string;
    areaLabel: (no: number, name: string) => string;
    areaValue: (value: string, max: string, percent: string) => string;
    marks: (wbk: string, wbbm: string) => string;
    completeness: string;
    answered: (n: number, total: number) => string;
    evidence: (n: number, total: number) => string;
    workbookTotal: (value: string) => string;
  };
  findings: {
    severityFilter: string;
    areaFilter: string;
    allAreas: string;
    severity: Record<Severity, string>;
    area: (no: number, name: string) => string;
    hasil: string;
    general: string;
    count: (n: number) => string;
    shown: (n: number, total: number) => string;
    none: string;
    noneFiltered: string;
    cell: (cell: string) => string;
    goToCell: (cell: string) => string;
    showItem: string;
  };
  gaps: {
    targetLabel: string;
    eligible: (target: string) => string;
    unmet: string;
    criterion: Record<Criterion, string>;
    areaCriterion: (no: number, name: string) => string;
    requiredLine: (actual: string, required: string, gap: string) => string;
    priorWbk: string;
    recommendations: string;
    steps: (steps: number) => string;
    unreachable: string;
    noRecommendations: string;
    change: (from: string, to: string) => string;
    gain: (gain: string) => string;
    tryOne: string;
    tried: string;
    tryAll: string;
    hasilNeeds: string;
    hasilNeed: (current: string, required: string) => string;
    notMeasured: string;
  };
  whatIf: {
    title: string;
    changes: (n: number) => string;
    totalChange: (from: string, to: string) => string;
    verdict: (target: string, eligible: boolean) => string;
    clear: string;
    note: string;
  };
  guide: {
    pick: string;
    pickPlaceholder: string;
    followsSelection: string;
    empty: string;
    indicatorWeight: (weight: string) => string;
    criteria: string;
    answerType: string;
    current: string;
    notAnswered: string;
    invalid: (value: string) => string;
    value: string;
    options: string;
    option: string;
    optionText: string;
    optionValue: string;
    effect: string;
    currentOption: string;
    tryOption: (key: string) => string;
    counts: string;
    reachFull: (label: string, value: string, effect: string) => string;
    survey: (current: string) => string;
    evidence: string;
    evidenceExpected: string;
    evidenceLinks: string;
    evidenceNone: string;
    evidenceNotNeeded: string;
    itemFindings: string;
    cell: (cell: string) => string;
  };
}

export const uiId: UiMessages = {
  appTitle: "LKE Zona Integritas",
  languageLabel: "Bahasa",
  languages: { id: "Bahasa Indonesia", en: "English" },
  tabs: { summary: "Ringkasan", findings: "Temuan", gaps: "Kesenjangan", guide: "Panduan", review: "Tinjauan", rekap: "Rekap" },
  status: {
    reading: "Membaca workbook…",
    updating: "Memperbarui nilai…",
    updatedAt: (time) => `Diperbarui pukul ${time}`,
    watching: (sheet) => `Mengikuti perubahan lembar “${sheet}”`,
    layout: (sheet, matched, expected) => `Lembar “${sheet}”: ${matched} dari ${expected} butir dikenali`,
  },
  errors: {
    title: "Workbook tidak dapat dinilai",
    unknown: "Terjadi kesalahan yang tidak terduga.",
    "not-a-file": "Yang dipilih bukan berkas.",
    "not-xlsx": "Berkas ini bukan workbook Excel (.xlsx).",
    "legacy-xls": "Berkas .xls lama tidak didukung; simpan ulang sebagai .xlsx di Excel.",
    encrypted: "Workbook ini dilindungi kata sandi; buka proteksinya lalu coba lagi.",
    corrupt: "Workbook ini rusak atau tidak lengkap.",
    "too-large": "Workbook ini terlalu besar untuk dibaca.",
    "no-lke-sheet": "Tidak ditemukan lembar LKE Zona Integritas di workbook ini.",
    "role-not-in-sheet": "Lembar LKE tidak memiliki kolom jawaban yang dinilai.",
    unreadable: "Workbook tidak dapat dibaca.",
    unwritable: "Workbook tidak dapat ditulisi.",
    "not-in-excel": "Panel ini tidak berjalan di dalam Excel.",
    "requirement-missing": "Versi Excel ini terlalu lama (perlu ExcelApi 1.9 atau lebih baru).",
    "cell-edit-mode": "Excel sedang menyunting sel; tekan Enter atau Esc lalu coba lagi.",
    "read-only": "Workbook terbuka hanya-baca; simpan salinannya lalu coba lagi.",
    "manual-calculation": "Perhitungan Excel diatur manual; aktifkan perhitungan otomatis (Rumus → Opsi Perhitungan).",
    "sheet-protected": "Lembar yang perlu ditulis diproteksi (Tinjau → Buka Proteksi Lembar); buka proteksinya lalu coba lagi.",
    "workbook-protected": "Struktur workbook diproteksi sehingga lembar baru tidak dapat ditambahkan.",
    "sheet-name-taken": "Workbook ini sudah memiliki lembar milik Anda sendiri dengan nama yang dipakai add-in (“Rekap ZI”, “Rekap Unit” atau “Catatan Evaluasi”); ganti nama lembar itu lalu coba lagi.",
  },
  actions: {
    toolbar: "Tindakan pada workbook",
    annotate: "Hitung di workbook",
    annotateHint: "Menulis lembar Rekap ZI dan nama ZI_* berisi rumus Excel yang ikut berubah setiap kali jawaban diubah.",
    annotating: "Menulis lembar Rekap ZI…",
    annotated: "Lembar Rekap ZI dan nama ZI_* telah ditulis.",
    annotateFailed: "Rekap ZI tidak dapat ditulis",
    refresh: "Baca ulang",
    openFile: "Buka LKE (.xlsx)",
    download: "Unduh salinan dengan Rekap ZI",
    downloadHint: "Salinan berkas Anda dengan lembar Rekap ZI dan nama ZI_*; berkas asli tidak diubah.",
    dismiss: "Tutup",
    downloaded: (file) => `Salinan “${file}” telah dibuat.`,
    cell: {
      flag: {
        label: "Tandai temuan",
        hint: "Memberi warna dan catatan pada setiap sel yang bermasalah; format aslinya disimpan dan dapat dipulihkan.",
        done: (changed, kept) => `${changed} sel ditandai${kept ? `; ${kept} sel dibiarkan karena sudah Anda ubah` : ""}.`,
      },
      clear: {
        label: "Hapus tanda",
        hint: "Mengembalikan warna dan catatan sel yang ditandai seperti semula.",
        done: (changed, kept) => `Tanda dihapus dari ${changed} sel${kept ? `; ${kept} sel dibiarkan karena sudah Anda ubah` : ""}.`,
      },
      repair: {
        label: "Perbaiki rumus",
        hint: "Mengembalikan rumus resmi pada sel nilai yang diketik ulang atau menyimpang; isi lama dicadangkan dulu.",
        done: (changed, kept) => `${changed} rumus diperbaiki${kept ? `; ${kept} sel dibiarkan` : ""}.`,
      },
      restore: {
        label: "Pulihkan",
        hint: "Mengembalikan setiap sel yang diubah add-in seperti semula dan menghapus lembar serta nama milik add-in.",
        done: (changed, kept) => `${changed} sel dipulihkan${kept ? `; ${kept} sel dibiarkan karena sudah Anda ubah` : ""}.`,
      },
    },
    cellRunning: "Sedang bekerja di workbook…",
    cellFailed: "Tindakan tidak dapat dijalankan",
  },
  standalone: {
    title: "Buka LKE dari komputer Anda",
    intro: "Pilih workbook LKE Zona Integritas (.xlsx) untuk melihat nilai, temuan, dan kesenjangan menuju WBK/WBBM.",
    privacy: "Berkas dibaca di peramban ini saja; tidak ada data yang dikirim ke mana pun.",
    opened: (file) => `Berkas: ${file}`,
  },
  summary: {
    total: "Nilai total",
    pengungkit: "Pengungkit",
    hasil: "Hasil",
    outOf: (max) => `dari ${max}`,
    predicates: "Predikat",
    target: { wbk: "WBK", wbbm: "WBBM" },
    eligible: "memenuhi syarat",
    notEligible: "belum memenuhi",
    areas: "Nilai per area Pengungkit",
    areaLabel: (no, name) => `${no}. ${titleCase(name)}`,
    areaValue: (value, max, percent) => `${value} dari ${max} (${percent})`,
    marks: (wbk, wbbm) => `Garis tegak: ${wbk} (batas WBK) dan ${wbbm} (batas WBBM) dari nilai maksimum area.`,
    completeness: "Kelengkapan",
    answered: (n, total) => `${n} dari ${total} butir terjawab`,
    evidence: (n, total) => `${n} dari ${total} jawaban bernilai memiliki bukti dukung`,
    workbookTotal: (value) => `Nilai total tersimpan di workbook: ${value}`,
  },
  findings: {
    severityFilter: "Tingkat",
    areaFilter: "Area",
    allAreas: "Semua area",
    severity: { error: "Galat", warning: "Peringatan", info: "Info" },
    area: (no, name) => `${no}. ${titleCase(name)}`,
    hasil: "Hasil",
    general: "Umum",
    count: (n) => `${n} temuan`,
    shown: (n, total) => `Menampilkan ${n} dari ${total} temuan`,
    none: "Tidak ada temuan. Jawaban, bukti dukung, dan rumus sesuai ketentuan.",
    noneFiltered: "Tidak ada temuan untuk saringan ini.",
    cell: (cell) => `Sel ${cell}`,
    goToCell: (cell) => `Menuju sel ${cell}`,
    showItem: "Lihat panduan butir",
  },
  gaps: {
    targetLabel: "Sasaran",
    eligible: (target) => `Semua syarat ${target} terpenuhi.`,
    unmet: "Syarat yang belum terpenuhi",
    criterion: {
      total: "Nilai total",
      pengungkit: "Nilai Pengungkit",
      area: "Area",
      bersihAkuntabel: "Birokrasi bersih dan akuntabel",
      ipak: "Indeks Persepsi Anti Korupsi (IPAK)",
      capaianKinerja: "Capaian kinerja",
      pelayananPrima: "Pelayanan publik prima",
      priorPredicate: "Predikat WBK sebelumnya",
    },
    areaCriterion: (no, name) => `Area ${no}. ${titleCase(name)}`,
    requiredLine: (actual, required, gap) => `${actual} — perlu ${required} (kurang ${gap})`,
    priorWbk: "Unit telah berpredikat WBK (syarat WBBM)",
    recommendations: "Perubahan jawaban yang disarankan",
    steps: (steps) => `Jalur termurah: ${steps} langkah jawaban.`,
    unreachable: "Syarat Pengungkit tidak dapat dicapai hanya dengan mengubah jawaban.",
    noRecommendations: "Syarat Pengungkit sudah terpenuhi; tidak ada jawaban yang perlu diubah.",
    change: (from, to) => `${from || "kosong"} → ${to}`,
    gain: (gain) => `+${gain}`,
    tryOne: "Coba",
    tried: "Dicoba",
    tryAll: "Coba semua",
    hasilNeeds: "Nilai Hasil yang diperlukan (tidak dapat dicapai lewat jawaban)",
    hasilNeed: (current, required) => `saat ini ${current}, minimal ${required}`,
    notMeasured: "belum ada",
  },
  whatIf: {
    title: "Simulasi",
    changes: (n) => `${n} jawaban dicoba`,
    totalChange: (from, to) => `Nilai total ${from} → ${to}`,
    verdict: (target, eligible) => `${target}: ${eligible ? "memenuhi syarat" : "belum memenuhi"}`,
    clear: "Hapus simulasi",
    note: "Simulasi hanya di panel ini; workbook tidak diubah.",
  },
  guide: {
    pick: "Butir LKE",
    pickPlaceholder: "Pilih butir…",
    followsSelection: "Panduan mengikuti baris yang dipilih di Excel.",
    empty: "Pilih baris pertanyaan di lembar LKE, atau pilih butir di atas.",
    indicatorWeight: (weight) => `Bobot indikator ${weight}`,
    criteria: "Kriteria",
    answerType: "Pilihan jawaban",
    current: "Jawaban saat ini",
    notAnswered: "belum diisi",
    invalid: (value) => `“${value}” (bukan pilihan yang sah)`,
    value: "Nilai butir",
    options: "Setiap pilihan dan pengaruhnya",
    option: "Pilihan",
    optionText: "Kriteria",
    optionValue: "Nilai",
    effect: "Pengaruh ke nilai total",
    currentOption: "saat ini",
    tryOption: (key) => `Coba jawaban ${key}`,
    counts: "Isian jumlah",
    reachFull: (label, value, effect) => `Bila “${label}” menjadi ${value} (100%): ${effect} pada nilai total.`,
    survey: (current) => `Indeks survei skala 0–4; saat ini ${current}.`,
    evidence: "Bukti dukung",
    evidenceExpected:
      "Diharapkan: dokumen yang menunjukkan kriteria jawaban terpenuhi, sebagai tautan https yang dapat dibuka evaluator tanpa masuk akun unit.",
    evidenceLinks: "Di lembar:",
    evidenceNone: "Belum ada bukti dukung pada baris ini.",
    evidenceNotNeeded: "Jawaban belum bernilai; bukti dukung diperlukan setelah jawaban bernilai.",
    itemFindings: "Temuan pada butir ini",
    cell: (cell) => `Sel ${cell}`,
  },
};

/** "MANAJEMEN PERUBAHAN" as "Manajemen Perubahan"; "SDM" and other short all-caps words stay as they are. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => {
      const upper = w.toUpperCase();
      if (/^(SDM|ZI|WBK|WBBM|IPAK|IPKP|LHKPN|LHKASN|SPIP|TI|SOP)$/.test(upper)) return upper;
      if (/^(dan|atau|di|ke|dari|yang|untuk)$/.test(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join("");
}
