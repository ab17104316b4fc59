// One clear sentence for an input that cannot be used: Bahasa Indonesia, then English beneath.
import type { GatewayErrorCode } from "../app/gatewayError";

const REASONS: Record<GatewayErrorCode, [string, string]> = {
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
};

export function inputErrorMessage(file: string, code: GatewayErrorCode): string {
  const [id, en] = REASONS[code];
  return `lke-zi: berkas "${file}" ${id}.\nlke-zi: file "${file}" ${en}.\n`;
}
