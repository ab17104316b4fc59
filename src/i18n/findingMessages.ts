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

const NOT_URL_ID: Record<string, (p: Params) => string> = {
  "missing-scheme": () => "tidak diawali http:// atau https:// (skema tautan tidak ada)",
  "local-path": () => "adalah lokasi berkas di komputer sendiri, bukan tautan http(s) yang dapat dibuka evaluator",
  "relative-path": () => "adalah nama atau lokasi berkas, bukan tautan http(s)",
  "other-scheme": (p) => `memakai skema ${p.scheme}:, bukan tautan http(s)`,
  internal: () => "menunjuk ke lokasi di dalam workbook, bukan tautan http(s) ke dokumen",
  text: () => "bukan tautan http(s)",
};
const NOT_URL_EN: Record<string, (p: Params) => string> = {
  "missing-scheme": () => "lacks http:// or https:// (the link's scheme is missing)",
  "local-path": () => "is a file on one's own computer, not an http(s) link the evaluator can open",
  "relative-path": () => "is a file name or path, not an http(s) link",
  "other-scheme": (p) => `uses the ${p.scheme}: scheme, not http(s)`,
  internal: () => "points inside the workbook, not to a document over http(s)",
  text: () => "is not an http(s) link",
};
const MALFORMED_ID: Record<string, string> = {
  "no-id": "tidak menunjuk ke berkas atau folder tertentu (mis. My Drive atau Terbaru), sehingga tidak dapat dibuka orang lain",
  "short-id": "memuat ID berkas yang kosong atau terlalu pendek; tautannya terpotong",
  whitespace: "mengandung spasi atau baris baru di tengahnya sehingga terputus",
  incomplete: "tidak lengkap (mis. \"https:/\" atau tanpa nama situs)",
  host: "memuat nama situs yang tidak valid atau hanya dikenal di jaringan internal",
};
const MALFORMED_EN: Record<string, string> = {
  "no-id": "names no particular file or folder (e.g. My Drive or Recent), so others cannot open it",
  "short-id": "has an empty or too short file id; the link was cut off",
  whitespace: "has a space or line break inside it, so it is cut in two",
  incomplete: "is incomplete (e.g. \"https:/\" or no site name)",
  host: "has a site name that is invalid or only known on an internal network",
};
const STATUS_ID: Record<string, string> = {
  timeout: "tidak menjawab dalam batas waktu",
  dns: "nama situs tidak ditemukan",
  "connection-refused": "koneksi ditolak",
  "connection-reset": "koneksi terputus",
  "too-many-redirects": "terlalu banyak pengalihan",
  "bad-redirect": "pengalihan ke alamat yang tidak valid",
  login: "meminta masuk akun; dokumen belum dibagikan",
  tls: "sertifikat situs tidak valid",
  network: "jaringan ke situs tidak terjangkau",
  invalid: "alamat tautan tidak valid",
};
const STATUS_EN: Record<string, string> = {
  timeout: "no answer within the time limit",
  dns: "site name not found",
  "connection-refused": "connection refused",
  "connection-reset": "connection reset",
  "too-many-redirects": "too many redirects",
  "bad-redirect": "a redirect to an invalid address",
  login: "asks to sign in; the document is not shared",
  tls: "the site's certificate is invalid",
  network: "the site's network is unreachable",
  invalid: "the address is invalid",
};

function status(s: string | number | undefined, table: Record<string, string>): string {
  return typeof s === "number" ? `HTTP ${s}` : (table[String(s)] ?? String(s ?? ""));
}

function catalogId(): Record<RuleId, Text> {
  const n = num("id");
  return {
    "answer.missing": {
      message: (p) => (p.label ? `Jumlah "${p.label}" belum diisi.` : `Pertanyaan belum dijawab (pilihan ${p.type}).`),
      hint: () => "Isi sel ini; pertanyaan yang kosong tidak ikut dihitung sehingga nilai indikator menyesatkan.",
    },
    "answer.invalid": {
      message: (p) =>
        p.stray
          ? `Jawaban "${p.value}" memuat spasi tambahan; Excel menganggapnya belum diisi, bukan ${p.stray}.`
          : `Jawaban "${p.value}" bukan salah satu pilihan (${p.options}); Excel menganggapnya belum diisi.`,
      hint: (p) => (p.stray ? `Ketik "${p.stray}" tanpa spasi.` : "Pilih salah satu pilihan persis seperti tertulis."),
    },
    "answer.noncanonical": {
      message: (p) => `Jawaban "${p.value}" dihitung Excel sebagai ${p.key}, tetapi tidak ditulis persis seperti pilihannya.`,
      hint: (p) => `Tulis "${p.key}" agar terbaca sama oleh semua aplikasi dan evaluator.`,
    },
    "answer.type-changed": {
      message: (p) => `Sel Pilihan Jawaban berisi "${p.found}", seharusnya "${p.expected}".`,
      hint: () => "Kembalikan teks Pilihan Jawaban; rumus nilai template tidak menghitung baris ini selama teksnya berubah.",
    },
    "answer.validation-list": {
      message: (p) => `Daftar pilihan sel ini (${p.found}) tidak sama dengan pilihan jawaban (${p.expected}).`,
      hint: () => "Perbaiki validasi data sel agar hanya menawarkan pilihan yang sah.",
    },
    "count.invalid": {
      message: (p) =>
        p.asText
          ? `Jumlah "${p.value}" untuk "${p.label}" tersimpan sebagai teks, bukan angka.`
          : `Isian jumlah "${p.value}" untuk "${p.label}" bukan bilangan bulat tidak negatif.`,
      hint: () => "Tulis angka saja (misalnya 12, bukan \"12 orang\" atau \"0,5\").",
    },
    "count.inconsistent": {
      message: (p) =>
        p.kind === "parts"
          ? `"${p.label}" berisi ${p.total}, padahal rinciannya ${p.parts} = ${p.sum}.`
          : p.kind === "done-over-due"
            ? `"${p.label}" (${p.done}) lebih besar daripada jumlah yang seharusnya (${p.due}).`
            : `Yang sedang diproses (${p.process}) ditambah yang selesai (${p.done}) melebihi yang harus ditindaklanjuti (${p.due}).`,
      hint: () => "Samakan isian jumlah dengan rinciannya dan dengan data dukungnya.",
    },
    "count.zero-denominator": {
      message: (p) =>
        p.decline
          ? "Pelanggaran tahun sebelumnya 0 tetapi tahun ini ada pelanggaran: penurunan tidak dapat dihitung (#DIV/0!)."
          : `"${p.label}" bernilai 0 sehingga persentase tidak dapat dihitung (#DIV/0!).`,
      hint: () => "Isi jumlah yang benar; bila memang nol, jelaskan di kolom catatan dan konsultasikan dengan evaluator.",
    },
    "survey.out-of-range": {
      message: (p) => `Nilai survei ${p.value} berada di luar skala 0–4.`,
      hint: (p) =>
        p.scale === "0-100"
          ? "Nilai ini tampaknya indeks skala 0–100; LKE memerlukan skala 0–4 sesuai hasil survei eksternal."
          : "Masukkan indeks pada skala 0–4.",
    },
    "evidence.missing": {
      message: (p) =>
        p.answer !== undefined && p.answer !== ""
          ? `Jawaban "${n(p.answer)}" bernilai, tetapi tidak ada tautan bukti dukung.`
          : "Jawaban bernilai, tetapi tidak ada tautan bukti dukung.",
      hint: () => "Tambahkan tautan ke dokumen bukti dukung yang dapat dibuka evaluator; jawaban tanpa bukti dapat dinilai 0.",
    },
    "evidence.not-url": {
      message: (p) => `Bukti dukung "${p.value}" ${NOT_URL_ID[String(p.reason)]?.(p) ?? "bukan tautan http(s)"}.`,
      hint: (p) =>
        p.reason === "missing-scheme"
          ? "Tulis tautan lengkap dengan awalan https:// agar dapat diklik dan dibuka evaluator."
          : "Unggah dokumen ke penyimpanan daring (mis. Google Drive), lalu tempel tautan berbaginya (https://…).",
    },
    "evidence.unsafe": {
      message: (p) =>
        p.scheme === "unc" || p.scheme === "smb"
          ? `Bukti dukung "${p.value}" menunjuk ke folder jaringan (UNC) yang tidak dapat dibuka evaluator dan berisiko.`
          : `Tautan bukti dukung "${p.value}" memakai skema ${p.scheme}: yang tidak aman.`,
      hint: () => "Hapus tautan ini dan ganti dengan tautan https ke penyimpanan dokumen.",
    },
    "evidence.duplicate": {
      message: (p) => `Tautan "${p.value}" juga menjadi bukti butir lain di indikator berbeda (${p.others}).`,
      hint: () => "Berikan bukti yang spesifik untuk tiap pertanyaan; satu dokumen untuk indikator yang berbeda jarang cukup.",
    },
    "evidence.malformed": {
      message: (p) => `Tautan "${p.value}" ${MALFORMED_ID[String(p.reason)] ?? "rusak atau tidak lengkap"}.`,
      hint: (p) =>
        p.reason === "no-id" || p.reason === "short-id"
          ? "Buka dokumen atau foldernya, pilih Bagikan → Salin link, lalu tempel tautan itu."
          : "Tempel ulang tautan lengkap tanpa spasi atau baris baru di dalamnya.",
    },
    "evidence.unreachable": {
      message: (p) => `Tautan bukti dukung "${p.value}" tidak dapat dibuka (${status(p.status, STATUS_ID)}).`,
      hint: () => "Periksa tautan dan izin berbagi dokumen; evaluator harus dapat membukanya tanpa masuk akun unit.",
    },
    "formula.overwritten": {
      message: (p) => `Sel nilai berisi ketikan "${p.found}", bukan rumus.`,
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
      message: (p) =>
        p.stray
          ? `Answer "${p.value}" has a stray space; Excel treats it as blank, not as ${p.stray}.`
          : `Answer "${p.value}" is not one of the options (${p.options}); Excel treats it as blank.`,
      hint: (p) => (p.stray ? `Type "${p.stray}" without spaces.` : "Enter one option exactly as written."),
    },
    "answer.noncanonical": {
      message: (p) => `Excel counts "${p.value}" as ${p.key}, but it is not written exactly as the option.`,
      hint: (p) => `Write "${p.key}" so that every tool and evaluator reads it the same way.`,
    },
    "answer.type-changed": {
      message: (p) => `The answer-type cell reads "${p.found}" instead of "${p.expected}".`,
      hint: () => "Restore the answer-type text; the template's score formula ignores this row until then.",
    },
    "answer.validation-list": {
      message: (p) => `This cell's drop-down (${p.found}) differs from the answer options (${p.expected}).`,
      hint: () => "Fix the cell's data validation so it offers only the valid options.",
    },
    "count.invalid": {
      message: (p) =>
        p.asText ? `Count "${p.value}" for "${p.label}" is stored as text, not a number.` : `Count "${p.value}" for "${p.label}" is not a whole non-negative number.`,
      hint: () => 'Type digits only (12, not "12 orang" or "0,5").',
    },
    "count.inconsistent": {
      message: (p) =>
        p.kind === "parts"
          ? `"${p.label}" reads ${p.total}, but its parts are ${p.parts} = ${p.sum}.`
          : p.kind === "done-over-due"
            ? `"${p.label}" (${p.done}) is more than were due (${p.due}).`
            : `In process (${p.process}) plus done (${p.done}) is more than were due (${p.due}).`,
      hint: () => "Make the counts agree with their parts and with the evidence.",
    },
    "count.zero-denominator": {
      message: (p) =>
        p.decline
          ? "No violations last year but some this year: the decline cannot be computed (#DIV/0!)."
          : `"${p.label}" is 0, so the percentage cannot be computed (#DIV/0!).`,
      hint: () => "Enter the right count; if it really is zero, explain in the note and ask the evaluator.",
    },
    "survey.out-of-range": {
      message: (p) => `Survey value ${p.value} is outside the 0–4 scale.`,
      hint: (p) =>
        p.scale === "0-100" ? "This looks like a 0–100 index; the LKE needs the 0–4 survey result." : "Enter the index on the 0–4 scale.",
    },
    "evidence.missing": {
      message: (p) =>
        p.answer !== undefined && p.answer !== ""
          ? `Answer "${n(p.answer)}" scores, but there is no evidence link.`
          : "A scoring answer has no evidence link.",
      hint: () => "Add a link to evidence the evaluator can open; an answer without evidence may be scored 0.",
    },
    "evidence.not-url": {
      message: (p) => `Evidence "${p.value}" ${NOT_URL_EN[String(p.reason)]?.(p) ?? "is not an http(s) link"}.`,
      hint: (p) =>
        p.reason === "missing-scheme"
          ? "Write the full link with https:// so that it can be clicked and opened."
          : "Upload the document to online storage (e.g. Google Drive) and paste its share link (https://…).",
    },
    "evidence.unsafe": {
      message: (p) =>
        p.scheme === "unc" || p.scheme === "smb"
          ? `Evidence "${p.value}" points to a network share (UNC) the evaluator cannot open, and is unsafe.`
          : `Evidence link "${p.value}" uses the unsafe ${p.scheme}: scheme.`,
      hint: () => "Remove this link and use an https link to a document store instead.",
    },
    "evidence.duplicate": {
      message: (p) => `Link "${p.value}" is also evidence for items of other indicators (${p.others}).`,
      hint: () => "Give specific evidence for each question; one document rarely proves different indicators.",
    },
    "evidence.malformed": {
      message: (p) => `Link "${p.value}" ${MALFORMED_EN[String(p.reason)] ?? "is broken or incomplete"}.`,
      hint: (p) =>
        p.reason === "no-id" || p.reason === "short-id"
          ? "Open the document or folder, choose Share → Copy link, and paste that link."
          : "Paste the whole link again, without spaces or line breaks inside it.",
    },
    "evidence.unreachable": {
      message: (p) => `Evidence link "${p.value}" cannot be opened (${status(p.status, STATUS_EN)}).`,
      hint: () => "Check the link and its sharing settings; the evaluator must open it without the unit's account.",
    },
    "formula.overwritten": {
      message: (p) => `The score cell holds a typed "${p.found}" instead of its formula.`,
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
