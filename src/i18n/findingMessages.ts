// Message and hint of every finding rule, Bahasa Indonesia first, English beside it.
import type { Finding, RuleId } from "../domain/validation/finding";
import { formatNumber, type Locale } from "./formatNumber";

type Params = Finding["params"];
interface Text {
  message: (p: Params) => string;
  hint: (p: Params) => string;
}

const num = (locale: Locale) => (v: string | number | undefined) =>
  typeof v === "number" ? formatNumber(v, locale, 4) : String(v ?? "");

const REASONS_ID: Record<string, string> = {
  "question-not-found": "pertanyaan ini tidak ditemukan di lembar",
  "row-not-recognized": "baris ini tidak cocok dengan butir mana pun di LKE",
};
const REASONS_EN: Record<string, string> = {
  "question-not-found": "this question was not found in the sheet",
  "row-not-recognized": "this row matches no item of the LKE",
};

function reason(p: Params, table: Record<string, string>, countText: (key: string) => string): string {
  const r = String(p.reason ?? "");
  if (r.startsWith("count-not-found:")) return countText(r.slice("count-not-found:".length));
  return table[r] ?? r;
}

function catalogId(): Record<RuleId, Text> {
  const n = num("id");
  return {
    "answer.missing": {
      message: (p) => (p.label ? `Jumlah "${p.label}" belum diisi.` : `Pertanyaan belum dijawab (pilihan ${p.type}).`),
      hint: () => "Isi sel ini; pertanyaan yang kosong tidak ikut dihitung sehingga nilai indikator menyesatkan.",
    },
    "answer.invalid": {
      message: (p) => `Jawaban "${p.value}" bukan salah satu pilihan (${p.options}).`,
      hint: () => "Pilih salah satu pilihan persis seperti tertulis, tanpa spasi tambahan; template menganggap jawaban lain sebagai belum diisi.",
    },
    "answer.type-changed": {
      message: (p) => `Sel Pilihan Jawaban berisi "${p.found}", seharusnya "${p.expected}".`,
      hint: () => "Kembalikan teks Pilihan Jawaban; rumus nilai template tidak menghitung baris ini selama teksnya berubah.",
    },
    "count.invalid": {
      message: (p) => `Isian jumlah "${p.value}" untuk "${p.label}" bukan bilangan bulat tidak negatif.`,
      hint: () => "Tulis angka saja (misalnya 12, bukan \"12 orang\" atau \"0,5\").",
    },
    "count.inconsistent": {
      message: (p) => String(p.detail ?? "Isian jumlah saling bertentangan."),
      hint: () => "Periksa kembali isian jumlah pada butir ini.",
    },
    "count.zero-denominator": {
      message: (p) => `"${p.label}" bernilai 0 sehingga persentase tidak dapat dihitung (#DIV/0!).`,
      hint: () => "Isi jumlah yang benar; bila memang nol, jelaskan di kolom catatan dan konsultasikan dengan evaluator.",
    },
    "survey.out-of-range": {
      message: (p) => `Nilai survei ${p.value} berada di luar skala 0–4.`,
      hint: () => "Masukkan indeks pada skala 0–4 (indeks 0–100 perlu dikonversi sesuai ketentuan survei).",
    },
    "evidence.missing": {
      message: () => "Jawaban bernilai tetapi tidak ada tautan bukti dukung.",
      hint: () => "Tambahkan tautan ke dokumen bukti dukung yang dapat dibuka evaluator.",
    },
    "evidence.not-url": {
      message: (p) => `Bukti dukung "${p.value}" bukan tautan http(s).`,
      hint: () => "Unggah dokumen dan tempel tautan yang dapat dibuka evaluator.",
    },
    "evidence.unsafe": {
      message: (p) => `Tautan bukti dukung "${p.value}" tidak aman.`,
      hint: () => "Gunakan tautan https ke penyimpanan dokumen.",
    },
    "evidence.duplicate": {
      message: (p) => `Tautan yang sama dipakai untuk butir lain (${p.others}).`,
      hint: () => "Berikan bukti yang spesifik untuk tiap pertanyaan.",
    },
    "evidence.malformed": {
      message: (p) => `Tautan Google Drive "${p.value}" tidak lengkap atau tidak dapat dibuka orang lain.`,
      hint: () => "Salin ulang tautan berbagi dokumen atau folder (Bagikan → Salin link).",
    },
    "evidence.unreachable": {
      message: (p) => `Tautan bukti dukung "${p.value}" tidak dapat dibuka (${p.status}).`,
      hint: () => "Periksa izin berbagi dokumen; evaluator harus dapat membukanya tanpa masuk akun unit.",
    },
    "formula.overwritten": {
      message: () => "Sel nilai berisi angka ketikan, bukan rumus.",
      hint: () => "Kembalikan rumus resmi (tombol Perbaiki rumus).",
    },
    "formula.deviation": {
      message: (p) => `Rumus menghasilkan ${n(p.found)}, aturan resmi ${n(p.expected)}.`,
      hint: () => "Ganti dengan rumus resmi (tombol Perbaiki rumus).",
    },
    "weight.changed": {
      message: (p) => `Bobot ${n(p.found)} berbeda dari ketentuan (${n(p.expected)}).`,
      hint: () => "Kembalikan bobot sesuai PermenPAN-RB 90/2021.",
    },
    "cache.mismatch": {
      message: (p) => `Nilai tersimpan di workbook ${n(p.cached)}, sedangkan jawabannya menghasilkan ${n(p.expected)}.`,
      hint: () => "Rumus sel ini atau di bawahnya berbeda dari aturan resmi, atau workbook belum dihitung ulang.",
    },
    "layout.unmatched": {
      message: (p) =>
        p.text
          ? `Baris "${p.text}" tidak dikenali: ${reason(p, REASONS_ID, () => "")}.`
          : `Butir tidak ditemukan: ${reason(p, REASONS_ID, (k) => `baris jumlah (${k}) tidak ditemukan`)}.`,
      hint: () => "Pastikan teks pertanyaan sesuai LKE; butir yang tidak ditemukan tidak ikut dinilai.",
    },
  };
}

function catalogEn(): Record<RuleId, Text> {
  const n = num("en");
  return {
    "answer.missing": {
      message: (p) => (p.label ? `Count "${p.label}" is empty.` : `Question not answered (options ${p.type}).`),
      hint: () => "Fill this cell; a blank question is skipped, which makes the indicator score misleading.",
    },
    "answer.invalid": {
      message: (p) => `Answer "${p.value}" is not one of the options (${p.options}).`,
      hint: () => "Enter one option exactly as written, without extra spaces; the template treats anything else as blank.",
    },
    "answer.type-changed": {
      message: (p) => `The answer-type cell reads "${p.found}" instead of "${p.expected}".`,
      hint: () => "Restore the answer-type text; the template's score formula ignores this row until then.",
    },
    "count.invalid": {
      message: (p) => `Count "${p.value}" for "${p.label}" is not a whole non-negative number.`,
      hint: () => 'Type digits only (12, not "12 orang" or "0,5").',
    },
    "count.inconsistent": {
      message: (p) => String(p.detailEn ?? "Counts contradict each other."),
      hint: () => "Check the counts of this item.",
    },
    "count.zero-denominator": {
      message: (p) => `"${p.label}" is 0, so the percentage cannot be computed (#DIV/0!).`,
      hint: () => "Enter the right count; if it really is zero, explain in the note and ask the evaluator.",
    },
    "survey.out-of-range": {
      message: (p) => `Survey value ${p.value} is outside the 0–4 scale.`,
      hint: () => "Enter the index on the 0–4 scale (a 0–100 index must be converted as the survey rules say).",
    },
    "evidence.missing": {
      message: () => "A scoring answer has no evidence link.",
      hint: () => "Add a link to evidence the evaluator can open.",
    },
    "evidence.not-url": {
      message: (p) => `Evidence "${p.value}" is not an http(s) link.`,
      hint: () => "Upload the document and paste a link the evaluator can open.",
    },
    "evidence.unsafe": {
      message: (p) => `Evidence link "${p.value}" is unsafe.`,
      hint: () => "Use an https link to a document store.",
    },
    "evidence.duplicate": {
      message: (p) => `The same link is evidence for other items (${p.others}).`,
      hint: () => "Give specific evidence for each question.",
    },
    "evidence.malformed": {
      message: (p) => `Google Drive link "${p.value}" is incomplete or cannot be opened by others.`,
      hint: () => "Copy the document's or folder's share link again (Share → Copy link).",
    },
    "evidence.unreachable": {
      message: (p) => `Evidence link "${p.value}" cannot be opened (${p.status}).`,
      hint: () => "Check the sharing settings; the evaluator must open it without the unit's account.",
    },
    "formula.overwritten": {
      message: () => "The score cell holds a typed number instead of its formula.",
      hint: () => "Put the official formula back (Repair formulas).",
    },
    "formula.deviation": {
      message: (p) => `The formula gives ${n(p.found)}; the official rule gives ${n(p.expected)}.`,
      hint: () => "Replace it with the official formula (Repair formulas).",
    },
    "weight.changed": {
      message: (p) => `Weight ${n(p.found)} differs from the regulation (${n(p.expected)}).`,
      hint: () => "Restore the weight of PermenPAN-RB 90/2021.",
    },
    "cache.mismatch": {
      message: (p) => `The workbook holds ${n(p.cached)}, while its answers give ${n(p.expected)}.`,
      hint: () => "This cell's formula, or one below it, differs from the official rule, or the workbook was not recalculated.",
    },
    "layout.unmatched": {
      message: (p) =>
        p.text
          ? `Row "${p.text}" not recognised: ${reason(p, REASONS_EN, () => "")}.`
          : `Item not found: ${reason(p, REASONS_EN, (k) => `count row (${k}) not found`)}.`,
      hint: () => "Make sure the question text follows the LKE; items not found are not scored.",
    },
  };
}

const catalogs: Record<Locale, Record<RuleId, Text>> = { id: catalogId(), en: catalogEn() };

export function describeFinding(f: Finding, locale: Locale = "id"): { message: string; hint: string } {
  const t = catalogs[locale][f.rule];
  return { message: t.message(f.params), hint: t.hint(f.params) };
}
