// The research files in ../shared (the real example workbook, the model sources). They are not part of the
// project; a test that needs them skips with a visible notice where they are absent.
import * as fs from "node:fs";
import * as path from "node:path";

export const SHARED_DOMAIN = process.env.LKE_ZI_SHARED
  ? path.resolve(process.env.LKE_ZI_SHARED, "domain")
  : path.resolve(__dirname, "../../../shared/domain");

export const REAL_EXAMPLE = path.join(SHARED_DOMAIN, "lke-zi-lampiran-iii-contoh.xlsx");

export function sharedFile(name: string): string | undefined {
  const file = path.join(SHARED_DOMAIN, name);
  if (fs.existsSync(file)) return file;
  console.warn(`NOTICE: ${file} is absent: tests that need it are skipped.`);
  return undefined;
}
