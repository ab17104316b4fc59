// The one interface between the use cases and a workbook, whether it is open in Excel or an .xlsx in memory.
import type { CellRef, NotesMode } from "../domain/actions/cellChanges";
import type { FlagPlan } from "../domain/actions/flagPlan";
import type { RepairPlan } from "../domain/actions/repairPlan";
import type { RecapTable } from "../domain/aggregate/recapTable";
import type { WritePlan } from "../domain/formulas/rekapPlan";
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";
import type { ReviewLogEntry } from "../domain/review/reviewLog";
import type { RoleColumnsPlan } from "../domain/review/roleColumnsPlan";

/** What an action on the user's cells did (flag, clear, repair, restore). */
export interface CellActionResult {
  /** Cells changed: flagged, repaired, or given back what they had. */
  changed: CellRef[];
  /** Cells left as they are: the user changed them since the add-in did (or their sheet is gone). */
  kept: CellRef[];
}

export interface FlagResult extends CellActionResult {
  /** How the notes were shown: Excel notes, threaded comments, or not at all (the highlight only). */
  notes: NotesMode;
  /** Flagged cells that got no note: the user's own threaded comment is there. */
  notesSkipped: CellRef[];
}

export interface RestoreResult extends CellActionResult {
  /** The add-in's own sheets removed (Rekap ZI, the backup sheet). */
  removedSheets: string[];
  /** The add-in's names removed (those referring to its sheets: ZI_*). */
  removedNames: string[];
}

/** What a watched sheet reports (addresses without the sheet name: "K12", "K12:K14"). */
export interface SheetWatch {
  /** Cells of the sheet changed (typed, pasted, by a co-author); a burst of edits comes as many calls. */
  changed?(address: string): void;
  /** The user selected another range of the sheet. */
  selected?(address: string): void;
}

/** What a request to protect (or unprotect) the LKE sheet during a review did. */
export type ProtectionOutcome = "protected" | "unprotected" | "already-protected" | "not-protected";

export interface WorkbookGateway {
  /** Everything the LKE core needs from the workbook, read in one go (one context.sync() in Excel). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Writes the add-in's own sheets and names; nothing the user owns is changed. */
  applyWritePlan(plan: WritePlan): Promise<void>;
  /** Where the workbook is in front of the user (Excel): shows the sheet and selects the cell. */
  selectCell?(sheet: string, address: string): Promise<void>;
  /**
   * Where the workbook can change under the pane (Excel): reports edits and selections on one sheet until
   * the returned function is called.
   */
  watchSheet?(sheet: string, watch: SheetWatch): Promise<() => Promise<void>>;

  // Actions on the user's cells (Excel). Each backs up a cell the first time it changes it (a very hidden
  // sheet of the workbook keeps the first backup), writes the backup and the change in one batch, and refuses
  // before anything is written when the workbook is read-only, calculates manually, or a sheet is protected.
  /** The flags become exactly the plan: highlight and note on each planned cell; earlier flags elsewhere undone. */
  applyFlags?(plan: FlagPlan): Promise<FlagResult>;
  /** Every flag removed: fill, font colour and note back as they were (where the user did not change them since). */
  clearFlags?(): Promise<CellActionResult>;
  /** The official formula back in the plan's cells. */
  repair?(plan: RepairPlan): Promise<CellActionResult>;
  /** Pulihkan: every cell the add-in changed back as it was, and its own sheets (Rekap ZI, the backup) and names gone. */
  restoreAll?(): Promise<RestoreResult>;

  /**
   * The coordinator's recap (Excel): the `Rekap Unit` sheet with its table and chart, replacing the add-in's own
   * sheet of that name; a sheet of the user's with that name is left alone (GatewayError "sheet-name-taken").
   */
  writeRecap?(table: RecapTable): Promise<void>;

  // The evaluator's review (Excel).
  /** Adds an evaluator's Jawaban, Nilai and Catatan beside the LKE; refuses unless every planned cell is empty. */
  addRoleColumns?(plan: RoleColumnsPlan): Promise<void>;
  /** Protects the LKE sheet with only the evaluator's input cells open (on), or lifts that protection (off). */
  setReviewProtection?(sheet: string, inputRanges: readonly string[], on: boolean): Promise<ProtectionOutcome>;
  /** Writes an evaluator's note (as text) into one cell of the role's Catatan column. */
  setEvaluatorNote?(sheet: string, cell: string, text: string): Promise<void>;
  /** Adds entries to the review log that travels with the workbook (a very hidden sheet). */
  appendReviewLog?(entries: readonly ReviewLogEntry[]): Promise<void>;
}
