// Why an input cannot be used, as the end of a sentence about the file: Bahasa Indonesia first, English second.
// The CLI prints both ("berkas "x.xlsx" rusak …", src/cli/inputError.ts); the Rekap panel of the task pane lists
// the reason of each file it could not count in the pane's language.
import type { GatewayErrorCode } from "../app/gatewayError";
import type { Locale } from "./formatNumber";

export const INPUT_REASONS: Record<GatewayErrorCode, readonly [id: string, en: string]> = {
  "not-a-file": ["tidak ada atau bukan berkas", "does not exist or is not a file"],
  "not-xlsx": ["bukan workbook .xlsx (mungkin berkas lain yang diganti namanya)", "is not an .xlsx workbook (perhaps another file renamed)"],
  "legacy-xls": ["berformat .xls lama; simpan ulang sebagai .xlsx di Excel", "is an old .xls file; save it as .xlsx in Excel"],
  encrypted: ["dilindungi kata sandi; buka di Excel dan simpan tanpa kata sandi", "is password-protected; open it in Excel and save it without a password"],
  corrupt: ["rusak dan tidak dapat dibaca sebagai .xlsx", "is damaged and cannot be read as .xlsx"],
  "too-large": ["terlalu besar untuk sebuah LKE (dibatasi demi keamanan)", "is too large for an LKE (a safety limit)"],
  "no-lke-sheet": ["tidak memuat lembar LKE Zona Integritas yang dikenali", "contains no recognisable LKE Zona Integritas sheet"],
  "role-not-in-sheet": ["tidak memiliki kolom jawaban untuk peran yang diminta", "has no answer column for the requested role"],
  unreadable: ["tidak dapat dibaca", "cannot be read"],
  unwritable: ["tidak dapat ditulis (periksa folder dan izinnya)", "cannot be written (check the folder and its permissions)"],
  "not-in-excel": ["hanya dapat diproses oleh add-in yang berjalan di Excel", "can only be processed by the add-in running in Excel"],
  "requirement-missing": [
    "memerlukan Excel yang lebih baru (ExcelApi 1.9 atau lebih); perbarui Office atau gunakan Excel di web",
    "needs a newer Excel (ExcelApi 1.9 or later); update Office or use Excel on the web",
  ],
  "cell-edit-mode": ["sedang dalam mode edit sel; tekan Enter atau Esc lalu coba lagi", "is in cell edit mode; press Enter or Esc and try again"],
  "read-only": ["terbuka hanya-baca; simpan salinan yang dapat diubah lalu coba lagi", "is open read-only; save an editable copy and try again"],
  "manual-calculation": [
    "memakai perhitungan manual; aktifkan perhitungan otomatis (Rumus > Opsi Perhitungan) lalu coba lagi",
    "uses manual calculation; switch to automatic calculation (Formulas > Calculation Options) and try again",
  ],
  "sheet-protected": ["memiliki lembar Rekap ZI yang diproteksi; buka proteksinya lalu coba lagi", "has a protected Rekap ZI sheet; unprotect it and try again"],
  "workbook-protected": [
    "memiliki struktur workbook yang diproteksi sehingga lembar baru tidak dapat ditambahkan",
    "has a protected workbook structure, so no sheet can be added",
  ],
  "sheet-name-taken": [
    "sudah memiliki lembar bernama sama yang bukan buatan add-in; ganti nama lembar itu lalu coba lagi",
    "already has a sheet of that name that the add-in did not make; rename that sheet and try again",
  ],
};

/** The reason alone, in one language ("rusak dan tidak dapat dibaca sebagai .xlsx"). */
export function inputReason(code: GatewayErrorCode, locale: Locale = "id"): string {
  return INPUT_REASONS[code][locale === "id" ? 0 : 1];
}
