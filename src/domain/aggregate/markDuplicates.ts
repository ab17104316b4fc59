// The same workbook twice, or two workbooks of the same unit: the later ones are listed, not counted.
import type { RecapFile } from "./recapFile";

export function markDuplicates<T extends RecapFile>(results: readonly T[]): RecapFile[] {
  const seenHash = new Map<string, string>();
  const seenUnit = new Map<string, string>();
  return results.map((r): RecapFile => {
    if (!r.summary) return r;
    const unitKey = r.summary.unit.trim().toLowerCase();
    const first = (r.hash && seenHash.get(r.hash)) ?? seenUnit.get(unitKey);
    if (first) {
      return { file: r.file, error: `duplikat dari ${first} (unit "${r.summary.unit}")`, reason: { kind: "duplicate", of: first, unit: r.summary.unit } };
    }
    if (r.hash) seenHash.set(r.hash, r.file);
    seenUnit.set(unitKey, r.file);
    return r;
  });
}
