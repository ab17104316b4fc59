// Plants one known defect at a time into a generated workbook (with exceljs), returning where it was put, so a
// test can demand that validation finds it at exactly that cell.
import ExcelJS from "exceljs";
import type { LoadedModel } from "../../../src/domain/model/loadModel";
import type { GeneratedSheet } from "./generateWorkbook";
import type { Random } from "./random";

export type DefectKind =
  | "answer.missing"
  | "answer.invalid"
  | "answer.type-changed"
  | "count.invalid"
  | "count.inconsistent"
  | "count.zero-denominator"
  | "survey.out-of-range"
  | "formula.overwritten"
  | "formula.deviation"
  | "weight.changed"
  | "cache.mismatch"
  | "layout.unmatched"
  | "evidence.missing"
  | "evidence.not-url"
  | "evidence.unsafe"
  | "evidence.duplicate"
  | "evidence.malformed";

/** A distinct, well-formed Drive link per item, as a clean workbook carries. */
export function driveLink(code: string): string {
  const id = `1${code.replace(/[^A-Za-z0-9]/g, "x")}`.padEnd(33, "Q").slice(0, 33);
  return `https://drive.google.com/file/d/${id}/view?usp=sharing`;
}

export interface PlantedDefect {
  rule: DefectKind;
  /** The cell the finding must point at (absent for an item that is gone from the sheet). */
  cell?: string;
  item: string;
}

const at = (sheet: GeneratedSheet, key: string, row: string | number) => `${sheet.columns.get(key)}${row}`;

/** Plants a defect of the given kind on a randomly chosen item; returns undefined where the layout cannot have it. */
export function plantDefect(
  ws: ExcelJS.Worksheet,
  sheet: GeneratedSheet,
  model: LoadedModel,
  kind: DefectKind,
  rnd: Random,
  used: Set<string> = new Set(),
): PlantedDefect | undefined {
  // Each defect on its own item (and, for indicators, its own indicator), so defects never mask each other.
  const fresh = <T extends { code: string }>(items: T[]): T => {
    const free = items.filter((x) => !used.has(x.code) && !used.has(model.parentOf.get(x.code)?.code ?? x.code));
    const pick = rnd.pick(free.length > 0 ? free : items);
    used.add(pick.code);
    used.add(model.parentOf.get(pick.code)?.code ?? pick.code);
    return pick;
  };
  const optionQuestions = model.questions.filter((q) => !q.percent && q.type !== "survey" && q.code.startsWith("A."));
  const ratioItems = model.questions.filter((q) => q.percent?.rule === "ratio");
  const scoreCol = sheet.columns.get("score:unit")!;
  const rowOf = (key: string) => sheet.rows.get(key)!;
  switch (kind) {
    case "answer.missing":
    case "answer.invalid": {
      const q = fresh(optionQuestions);
      const cell = sheet.answerCells.unit.get(q.code)!;
      ws.getCell(cell).value = kind === "answer.missing" ? null : rnd.pick(["X", "Ya ", "A ", "Z", "Belum"]);
      // An answer that happens to be valid-looking must not be: "Ya " in a Ya/Tidak question is still invalid.
      return { rule: kind, cell, item: q.code };
    }
    case "answer.type-changed": {
      const q = fresh(optionQuestions);
      const cell = at(sheet, "type", rowOf(q.code));
      ws.getCell(cell).value = q.type === "ya-tidak" ? "Ya" : rnd.pick(["A/B", "Pilihan", "A-B-C"]);
      return { rule: kind, cell, item: q.code };
    }
    case "count.invalid": {
      const q = fresh(ratioItems);
      const input = rnd.pick(q.percent!.inputs.filter((i) => !i.sumOfParts && i.role !== "part"));
      const cell = sheet.answerCells.unit.get(`${q.code}#${input.key}`)!;
      ws.getCell(cell).value = rnd.pick(["12 orang", "0,5", -3, 2.5, "tujuh"]) as ExcelJS.CellValue;
      return { rule: kind, cell, item: q.code };
    }
    case "count.inconsistent": {
      // Done greater than due.
      const q = fresh(ratioItems.filter((x) => !x.percent!.inputs.some((i) => i.role === "aux")));
      const den = q.percent!.inputs.find((i) => i.role === "den")!;
      const num = q.percent!.inputs.find((i) => i.role === "num")!;
      const parts = q.percent!.inputs.filter((i) => i.role === "part");
      const due = 5;
      if (den.sumOfParts === "computed" || parts.length > 0) {
        parts.forEach((p, i) => (ws.getCell(sheet.answerCells.unit.get(`${q.code}#${p.key}`)!).value = i === 0 ? due : 0));
        const denCell = sheet.answerCells.unit.get(`${q.code}#${den.key}`);
        if (denCell && den.sumOfParts === "typed" && ws.getCell(denCell).formula === undefined) ws.getCell(denCell).value = due;
      } else {
        ws.getCell(sheet.answerCells.unit.get(`${q.code}#${den.key}`)!).value = due;
      }
      const cell = sheet.answerCells.unit.get(`${q.code}#${num.key}`)!;
      ws.getCell(cell).value = due + rnd.int(1, 9);
      return { rule: kind, cell, item: q.code };
    }
    case "count.zero-denominator": {
      const q = fresh(ratioItems.filter((x) => !x.percent!.inputs.some((i) => i.sumOfParts)));
      const den = q.percent!.inputs.find((i) => i.role === "den")!;
      for (const i of q.percent!.inputs) ws.getCell(sheet.answerCells.unit.get(`${q.code}#${i.key}`)!).value = 0;
      return { rule: kind, cell: sheet.answerCells.unit.get(`${q.code}#${den.key}`)!, item: q.code };
    }
    case "survey.out-of-range": {
      const code = fresh([{ code: "B.I.a" }, { code: "B.II.a" }]).code;
      const cell = sheet.answerCells.unit.get(code)!;
      ws.getCell(cell).value = rnd.pick([87.65, 4.5, -1, 75]);
      return { rule: kind, cell, item: code };
    }
    case "formula.overwritten": {
      const node = fresh(model.scoredNodes.filter((n) => n.children.length === 0));
      const cell = `${scoreCol}${rowOf(node.code)}`;
      ws.getCell(cell).value = Math.round(node.weight * 1000) / 1000;
      return { rule: kind, cell, item: node.code };
    }
    case "formula.deviation": {
      // An indicator whose AVERAGE drops its last question (as L175 drops LHKASN).
      const node = fresh(model.scoredNodes.filter((n) => n.children.length === 0 && n.questions.length >= 2 && !n.questions.some((q) => q.percent)));
      const first = rowOf(node.questions[0]!.code);
      const cell = `${scoreCol}${rowOf(node.code)}`;
      ws.getCell(cell).value = { formula: `AVERAGE(${scoreCol}${first}:${scoreCol}${first})*${sheet.columns.get("weight")}${rowOf(node.code)}` } as ExcelJS.CellFormulaValue;
      return { rule: kind, cell, item: node.code };
    }
    case "weight.changed": {
      const node = fresh(model.scoredNodes);
      const cell = at(sheet, "weight", rowOf(node.code));
      ws.getCell(cell).value = node.weight + 0.5;
      return { rule: kind, cell, item: node.code };
    }
    case "cache.mismatch": {
      // A correct formula whose saved result is stale.
      const node = fresh(model.scoredNodes.filter((n) => n.children.length === 0));
      const cell = `${scoreCol}${rowOf(node.code)}`;
      const c = ws.getCell(cell);
      c.value = { formula: c.formula, result: node.weight * 7 + 1 } as ExcelJS.CellFormulaValue;
      return { rule: kind, cell, item: node.code };
    }
    case "evidence.missing": {
      // A best answer (worth something) whose link is gone.
      const q = fresh(optionQuestions);
      const best = (q.options ?? model.answerTypes[q.type].options!)[0]!.key;
      ws.getCell(sheet.answerCells.unit.get(q.code)!).value = best;
      const cell = at(sheet, "evidence:unit", rowOf(q.code));
      ws.getCell(cell).value = null;
      const text = sheet.columns.get("evidenceText:unit");
      if (text) ws.getCell(`${text}${rowOf(q.code)}`).value = null;
      return { rule: kind, cell: sheet.answerCells.unit.get(q.code)!, item: q.code };
    }
    case "evidence.not-url":
    case "evidence.unsafe":
    case "evidence.malformed": {
      const q = fresh(optionQuestions);
      const cell = at(sheet, "evidence:unit", rowOf(q.code));
      const value =
        kind === "evidence.not-url"
          ? rnd.pick(["terlampir", "C:\\Users\\admin\\Dokumen\\SK Tim.pdf", "lihat map arsip", "D:/bukti/sop.docx"])
          : kind === "evidence.unsafe"
            ? rnd.pick(["javascript:alert(1)", "\\\\server\\bukti\\sk.pdf", "file:///C:/bukti/sk.pdf"])
            : rnd.pick(["https://drive.google.com/drive/my-drive", "https://drive.google.com/file/d//view", "https://drive.google.com/drive/u/0/home"]);
      ws.getCell(cell).value = value;
      return { rule: kind, cell, item: q.code };
    }
    case "evidence.duplicate": {
      // One link pasted under a question of another indicator.
      const a = fresh(optionQuestions);
      const b = fresh(optionQuestions.filter((x) => model.parentOf.get(x.code) !== model.parentOf.get(a.code)));
      const cell = at(sheet, "evidence:unit", rowOf(b.code));
      ws.getCell(cell).value = { text: driveLink(a.code), hyperlink: driveLink(a.code) };
      return { rule: kind, cell, item: b.code };
    }
    case "layout.unmatched": {
      const q = fresh(optionQuestions);
      // The unit deleted the question's text (the row no longer says what it is).
      ws.getCell(at(sheet, "textG", rowOf(q.code))).value = null;
      return { rule: kind, item: q.code };
    }
  }
}

/** The workbook with `count` defects of one kind, each on its own item. */
export async function withDefects(
  bytes: Uint8Array,
  sheet: GeneratedSheet,
  model: LoadedModel,
  kind: DefectKind,
  count: number,
  rnd: Random,
): Promise<{ bytes: Uint8Array; defects: PlantedDefect[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet.sheetName)!;
  const used = new Set<string>();
  const defects: PlantedDefect[] = [];
  for (let i = 0; i < count; i++) {
    const d = plantDefect(ws, sheet, model, kind, rnd, used);
    if (d) defects.push(d);
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), defects };
}
