// The workbook the bench reads: the real example from ../shared when present, else a generated Lampiran III
// workbook (seeded, so every run reads the same bytes). Also: which zip entries hold its LKE sheet.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadModel } from "../src/domain/model/loadModel";
import { findEntry, openZip, readEntry } from "../src/xlsx/zipArchive";
import { generateWorkbook } from "../test/support/generator/generateWorkbook";
import { seededRandom } from "../test/support/generator/random";
import { randomAnswers } from "../test/support/generator/randomAnswers";
import type { FloorParts } from "./floor";

export interface BenchInput {
  /** What the numbers were measured on: a path, or "generated:…". */
  file: string;
  bytes: Uint8Array;
}

const SHARED_DOMAIN = process.env.LKE_ZI_SHARED
  ? path.resolve(process.env.LKE_ZI_SHARED, "domain")
  : path.resolve(__dirname, "../../shared/domain");

export const REAL_EXAMPLE = path.join(SHARED_DOMAIN, "lke-zi-lampiran-iii-contoh.xlsx");

export async function generatedInput(seed = 1): Promise<BenchInput> {
  const model = loadModel();
  const rnd = seededRandom(seed);
  const { bytes } = await generateWorkbook(model, {
    layout: "lampiran-iii",
    answers: randomAnswers(model, rnd),
    unitName: "Unit Bench",
    evidence: (code) => (rnd.chance(0.8) ? { link: `https://drive.example.go.id/bukti/${code}` } : undefined),
    notes: (code) => (rnd.chance(0.3) ? `Catatan untuk ${code}` : undefined),
  });
  return { file: `generated:lampiran-iii(seed=${seed})`, bytes };
}

export async function benchInput(): Promise<BenchInput> {
  if (fs.existsSync(REAL_EXAMPLE)) {
    return { file: path.relative(process.cwd(), REAL_EXAMPLE), bytes: new Uint8Array(fs.readFileSync(REAL_EXAMPLE)) };
  }
  return generatedInput();
}

function text(bytes: Uint8Array, name: string): string | undefined {
  const zip = openZip(bytes);
  const entry = findEntry(zip, name);
  return entry ? new TextDecoder().decode(readEntry(zip, entry)) : undefined;
}

function targets(rels: string): Array<{ id: string; type: string; target: string }> {
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? "",
    type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? "",
    target: (/\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/^\/?(xl\/)?/, "xl/"),
  }));
}

/** The zip entries of the named sheet and of the shared strings (set-up for the floor, not timed). */
export function floorParts(bytes: Uint8Array, sheetName: string): FloorParts {
  const workbook = text(bytes, "xl/workbook.xml") ?? "";
  const rels = targets(text(bytes, "xl/_rels/workbook.xml.rels") ?? "");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escaped}"`));
  const rid = sheetTag && /\br:id="([^"]*)"/.exec(sheetTag)?.[1];
  const sheet = rels.find((r) => r.id === rid)?.target;
  if (!sheet) throw new Error(`sheet "${sheetName}" not found in the workbook part`);
  return { sheet, sharedStrings: rels.find((r) => r.type.endsWith("/sharedStrings"))?.target };
}
