// The actions on the user's cells (flag, clear flags, repair, Pulihkan) inside one Excel.run each, in THREE
// syncs whatever the number of cells or the size of the workbook:
//
// 1. What decides whether anything may be written, and the backup: workbook.readOnly, calculationMode,
//    structure protection, every sheet's name, visibility and protection, the backup sheet's table (through
//    worksheets.getItemOrNullObject(BACKUP_SHEET).getUsedRangeOrNullObject(): the same reliance on methods of
//    null objects as the one-sync read), the workbook's threaded comments (ExcelApi 1.10) and, for Pulihkan,
//    the names. Refusals (read-only, manual calculation, a protected sheet among those to change, a protected
//    structure where a sheet must be added or removed, a backup this version cannot read) are thrown here,
//    before anything is queued.
// 2. The target cells as they are now: per column span, `formulas`, `valueTypes` and getCellProperties
//    (hyperlink, fill colour and pattern, font colour and bold); each target's note (ExcelApi 1.18,
//    notes.getItemOrNullObject) and each comment's cell (getLocation).
// 3. Every write, in this order: the backup table with every original this batch may need (new records
//    appended; first backups kept), the changes (contents, hyperlinks, fills and font colours through RangeAreas,
//    notes, then comments, the step most likely to be refused), the final backup table (or the backup sheet
//    deleted when nothing is left to undo), and for Pulihkan the add-in's names and sheets. Excel does not
//    undo a batch that fails midway, so the order keeps what is already written restorable: a cell never
//    changes before its original is in the backup sheet.
//
// What changes is computed by src/domain/actions/cellChanges.ts from plain data; this module only moves it.
import { GatewayError } from "../app/gatewayError";
import type { CellActionResult, FlagResult, RestoreResult } from "../app/workbookGateway";
import { BACKUP_COLUMNS, BACKUP_SHEET, BackupFormatError, decodeBackup, encodeBackup, type BackupRecord } from "../domain/actions/backup";
import {
  cellKey,
  clearTargets,
  flagTargets,
  planClearFlags,
  planFlags,
  planRepair,
  planRestoreAll,
  repairTargets,
  restoreTargets,
  type CellChange,
  type CellOp,
  type CellRef,
  type NotesMode,
  type ObservedCell,
  type Stamp,
} from "../domain/actions/cellChanges";
import type { FlagPlan } from "../domain/actions/flagPlan";
import type { RepairPlan } from "../domain/actions/repairPlan";
import { REKAP_SHEET } from "../domain/formulas/rekapPlan";
import { parseA1, toA1 } from "../domain/grid/address";
import type { CommentApi, RangeApi, RequestContextApi, WorksheetApi } from "./excelApi";
import { toHeadingAreas } from "./toPlanCells";
import { assertWritable, queueWriteGuards } from "./writeGuards";
import { blockAddress, CELL_PROPERTIES, refersToSheet, toCellSpans, toFormulaEntry, toObservedCell, toTextBlock, type CellPropertiesData } from "./toCellState";
import { splitSheetAddress } from "./toSheetGrid";

export type CellAction = { kind: "flag"; plan: FlagPlan } | { kind: "clear" } | { kind: "repair"; plan: RepairPlan } | { kind: "restore" };

export interface CellActionHost {
  /** How notes are shown here (from the API sets: notes 1.18, comments 1.10, else none). */
  notes: NotesMode;
  /** Whether threaded comments can be read (ExcelApi 1.10). */
  comments: boolean;
  /** The time stamped on new backup records. */
  now: Date;
}

interface SheetInfo {
  name: string;
  visibility: string;
  protected: boolean;
}

interface ActionOutcome {
  change: CellChange;
  removedSheets: string[];
  removedNames: string[];
}

/** Sheets the add-in owns: Pulihkan removes them, with the names that refer to them. */
export const OWN_SHEETS: readonly string[] = [REKAP_SHEET, BACKUP_SHEET];

function result(outcome: ActionOutcome): CellActionResult {
  return { changed: outcome.change.changed, kept: outcome.change.kept };
}

export async function flagCells(context: RequestContextApi, plan: FlagPlan, host: CellActionHost): Promise<FlagResult> {
  const outcome = await runCellAction(context, { kind: "flag", plan }, host);
  return { ...result(outcome), notes: host.notes, notesSkipped: outcome.change.notesSkipped };
}

export async function clearFlagCells(context: RequestContextApi, host: CellActionHost): Promise<CellActionResult> {
  return result(await runCellAction(context, { kind: "clear" }, host));
}

export async function repairCells(context: RequestContextApi, plan: RepairPlan, host: CellActionHost): Promise<CellActionResult> {
  return result(await runCellAction(context, { kind: "repair", plan }, host));
}

export async function restoreCells(context: RequestContextApi, host: CellActionHost): Promise<RestoreResult> {
  const outcome = await runCellAction(context, { kind: "restore" }, host);
  return { ...result(outcome), removedSheets: outcome.removedSheets, removedNames: outcome.removedNames };
}

const EMPTY_CHANGE: CellChange = { before: [], ops: [], after: [], changed: [], kept: [], notesSkipped: [] };

function planSheets(action: CellAction): string[] {
  if (action.kind === "flag") return [...new Set(action.plan.cells.map((c) => c.sheet))];
  if (action.kind === "repair") return [...new Set(action.plan.cells.map((c) => c.sheet))];
  return [];
}

function targetsOf(action: CellAction, records: readonly BackupRecord[]): CellRef[] {
  switch (action.kind) {
    case "flag":
      return flagTargets(records, action.plan);
    case "clear":
      return clearTargets(records);
    case "repair":
      return repairTargets(action.plan);
    case "restore":
      return restoreTargets(records);
  }
}

function changeOf(action: CellAction, records: readonly BackupRecord[], observed: ReadonlyMap<string, ObservedCell>, host: CellActionHost): CellChange {
  const iso = host.now.toISOString();
  const stamp: Stamp = { actionId: `${action.kind}-${iso}`, timestamp: iso };
  switch (action.kind) {
    case "flag":
      return planFlags(records, action.plan, observed, host.notes, stamp);
    case "clear":
      return planClearFlags(records, observed);
    case "repair":
      return planRepair(records, action.plan, observed, stamp);
    case "restore":
      return planRestoreAll(records, observed);
  }
}

async function runCellAction(context: RequestContextApi, action: CellAction, host: CellActionHost): Promise<ActionOutcome> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  const names = workbook.names;

  // Batch 1: may anything be written, and what the backup holds.
  queueWriteGuards(workbook);
  worksheets.load("items/name,items/visibility,items/protection/protected");
  if (action.kind === "restore") names.load("items/name,items/formula");
  const backupUsed = worksheets.getItemOrNullObject(BACKUP_SHEET).getUsedRangeOrNullObject(true);
  backupUsed.load("address,values,rowCount,columnCount");
  const comments = host.comments ? workbook.comments : undefined;
  comments?.load("items/id,items/content");
  await context.sync();

  assertWritable(workbook);
  const sheets = new Map<string, SheetInfo>(
    worksheets.items.map((s) => [s.name.toLowerCase(), { name: s.name, visibility: s.visibility, protected: s.protection.protected }]),
  );
  const sheetInfo = (name: string) => sheets.get(name.toLowerCase());
  const structureProtected = workbook.protection.protected;
  const backupInfo = sheetInfo(BACKUP_SHEET);
  const backup = backupInfo && !backupUsed.isNullObject ? backupUsed : undefined;
  const records = readBackup(backup);

  for (const name of planSheets(action)) if (!sheetInfo(name)) throw new GatewayError("no-lke-sheet", `sheet "${name}" is not in the workbook`);
  const targets = targetsOf(action, records).filter((t) => sheetInfo(t.sheet));
  const touched = new Set([...targets.map((t) => sheetInfo(t.sheet)!.name), ...(backupInfo ? [backupInfo.name] : [])]);
  for (const name of touched) if (sheetInfo(name)!.protected) throw new GatewayError("sheet-protected", `sheet "${name}"`);

  const own = OWN_SHEETS.map(sheetInfo).filter((s): s is SheetInfo => s !== undefined);
  const ownNames = action.kind === "restore" ? names.items.filter((n) => typeof n.formula === "string" && refersToSheet(n.formula, OWN_SHEETS)).map((n) => n.name) : [];
  if (structureProtected) {
    if (action.kind === "restore" && own.length > 0) throw new GatewayError("workbook-protected", `cannot remove ${own.map((s) => `"${s.name}"`).join(", ")}`);
    if ((action.kind === "flag" || action.kind === "repair") && !backupInfo && action.plan.cells.length > 0) {
      throw new GatewayError("workbook-protected", `cannot add "${BACKUP_SHEET}"`);
    }
  }
  // Nothing to change (no flag to clear, an empty plan; for Pulihkan, nothing of the add-in's left): one sync.
  if (targets.length === 0 && (action.kind !== "restore" || (records.length === 0 && own.length === 0 && ownNames.length === 0))) {
    return { change: EMPTY_CHANGE, removedSheets: [], removedNames: [] };
  }

  // Batch 2: the target cells as they are now.
  const proxies = new Map<string, WorksheetApi>();
  const sheetProxy = (name: string) => {
    const key = name.toLowerCase();
    let ws = proxies.get(key);
    if (!ws) {
      ws = worksheets.getItem(sheetInfo(name)?.name ?? name);
      proxies.set(key, ws);
    }
    return ws;
  };
  const spans = toCellSpans(targets).map((span) => {
    const range = sheetProxy(span.sheet).getRange(span.address);
    range.load("formulas,valueTypes");
    return { span, range, properties: range.getCellProperties(CELL_PROPERTIES) };
  });
  const notes =
    host.notes === "notes"
      ? targets.map((t) => {
          const note = sheetProxy(t.sheet).notes.getItemOrNullObject(t.address);
          note.load("content");
          return { key: cellKey(sheetInfo(t.sheet)!.name, t.address), note };
        })
      : [];
  const locations: Array<{ comment: CommentApi; cell: RangeApi }> = (comments?.items ?? []).map((comment) => {
    const cell = comment.getLocation();
    cell.load("address");
    return { comment, cell };
  });
  await context.sync();

  const commentAt = new Map<string, { id: string; content: string }>();
  for (const { comment, cell } of locations) {
    const { sheet, ref } = splitSheetAddress(cell.address);
    const top = ref.split(":")[0]!.replace(/\$/g, "");
    commentAt.set(cellKey(sheetInfo(sheet ?? "")?.name ?? sheet ?? "", top), { id: comment.id, content: comment.content });
  }
  const noteAt = new Map(notes.map(({ key, note }) => [key, note.isNullObject ? null : note.content]));
  const observed = new Map<string, ObservedCell>();
  for (const { span, range, properties } of spans) {
    const name = sheetInfo(span.sheet)!.name;
    for (const row of span.rows) {
      const i = row - span.top;
      const address = toA1(row, span.col);
      const key = cellKey(name, address);
      const reading = {
        formula: range.formulas[i]?.[0],
        valueType: range.valueTypes[i]?.[0] as string | undefined,
        properties: properties.value[i]?.[0] as CellPropertiesData | undefined,
        note: host.notes === "notes" ? noteAt.get(key) : undefined,
        comment: commentAt.get(key),
      };
      observed.set(key, toObservedCell(reading, host.notes));
      if (name !== span.sheet) observed.set(cellKey(span.sheet, address), observed.get(key)!);
    }
  }
  const change = changeOf(action, records, observed, host);

  // Batch 3: the backup, the changes, the backup as it ends.
  let backupSheet = backupInfo ? sheetProxy(BACKUP_SHEET) : undefined;
  let written: readonly BackupRecord[] = records;
  let extent = { height: backup?.rowCount ?? 0, width: backup?.columnCount ?? 0 };
  const writeTable = (table: readonly BackupRecord[]) => {
    if (!backupSheet) {
      backupSheet = worksheets.add(BACKUP_SHEET);
      backupSheet.visibility = "VeryHidden";
    }
    const rows = encodeBackup(table);
    const height = Math.max(rows.length, extent.height);
    const width = Math.max(BACKUP_COLUMNS.length, extent.width);
    backupSheet.getRange(blockAddress(height, width)).formulas = toTextBlock(rows, height, width);
    extent = { height: rows.length, width: BACKUP_COLUMNS.length };
    written = table;
  };
  const sameTable = (a: readonly BackupRecord[], b: readonly BackupRecord[]) => JSON.stringify(encodeBackup(a)) === JSON.stringify(encodeBackup(b));

  if (change.before.length > 0 && !sameTable(change.before, written)) writeTable(change.before);
  queueOps(context, sheetProxy, change.ops);
  const removedSheets: string[] = [];
  if (change.after.length > 0) {
    if (!sameTable(change.after, written)) writeTable(change.after);
  } else if (backupSheet && !structureProtected) {
    backupSheet.visibility = "Hidden"; // Excel deletes no very hidden sheet
    backupSheet.delete();
    removedSheets.push(BACKUP_SHEET);
  } else if (backupSheet && written.length > 0) {
    writeTable([]);
  }
  if (action.kind === "restore") {
    for (const name of ownNames) names.getItem(name).delete();
    for (const s of own) {
      if (s.name.toLowerCase() === BACKUP_SHEET.toLowerCase()) continue;
      const ws = sheetProxy(s.name);
      if (s.visibility === "VeryHidden") ws.visibility = "Hidden";
      ws.delete();
      removedSheets.push(s.name);
    }
  }
  await context.sync();
  return { change, removedSheets, removedNames: ownNames };
}

function readBackup(used: RangeApi | undefined): BackupRecord[] {
  if (!used) return [];
  try {
    if (used.values !== null && used.values.length > 0 && !/^(?:.*!)?\$?A\$?1(?::|$)/.test(used.address)) {
      throw new BackupFormatError(`the table does not start at A1 (${used.address})`);
    }
    return decodeBackup(used.values);
  } catch (e) {
    if (e instanceof BackupFormatError) throw new GatewayError("unreadable", `${BACKUP_SHEET}: ${e.message}`);
    throw e;
  }
}

/** Queues the changes: one proxy per cell for contents, links and notes; RangeAreas per uniform fill or colour. */
function queueOps(context: RequestContextApi, sheetProxy: (name: string) => WorksheetApi, ops: readonly CellOp[]): void {
  const comments = context.workbook.comments;
  for (const op of ops) {
    switch (op.op) {
      case "content":
        sheetProxy(op.sheet).getRange(op.cell).formulas = [[toFormulaEntry(op.content)]];
        break;
      case "hyperlink":
        sheetProxy(op.sheet).getRange(op.cell).hyperlink = {
          ...(op.hyperlink.address !== undefined ? { address: op.hyperlink.address } : {}),
          ...(op.hyperlink.documentReference !== undefined ? { documentReference: op.hyperlink.documentReference } : {}),
          ...(op.hyperlink.screenTip !== undefined ? { screenTip: op.hyperlink.screenTip } : {}),
        };
        break;
      case "fill":
        for (const areas of toHeadingAreas(sortedCells(op.cells))) {
          const fill = sheetProxy(op.sheet).getRanges(areas).format.fill;
          if (op.fill.pattern === "None") {
            fill.clear();
            continue;
          }
          const { pattern, color, patternColor } = op.fill as { pattern: typeof fill.pattern; color: string; patternColor?: string };
          fill.pattern = pattern;
          fill.color = color;
          if (pattern !== "Solid" && patternColor !== undefined) fill.patternColor = patternColor;
        }
        break;
      case "fontColor":
        for (const areas of toHeadingAreas(sortedCells(op.cells))) sheetProxy(op.sheet).getRanges(areas).format.font.color = op.color;
        break;
      case "addNote":
        sheetProxy(op.sheet).notes.add(op.cell, op.text);
        break;
      case "setNote":
        sheetProxy(op.sheet).notes.getItem(op.cell).content = op.text;
        break;
      case "deleteNote":
        sheetProxy(op.sheet).notes.getItem(op.cell).delete();
        break;
      case "addComment":
        sheetProxy(op.sheet).comments.add(op.cell, op.text);
        break;
      case "setComment":
        comments.getItem(op.id).content = op.text;
        break;
      case "deleteComment":
        comments.getItem(op.id).delete();
        break;
    }
  }
}

function sortedCells(cells: readonly string[]): string[] {
  return [...cells].sort((a, b) => {
    const [p, q] = [parseA1(a), parseA1(b)];
    return p.row - q.row || p.col - q.col;
  });
}
