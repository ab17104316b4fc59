// Why a workbook could not be used, as a code the CLI turns into exit code 2 and the pane into a message.

export type GatewayErrorCode =
  | "not-a-file"
  | "not-xlsx"
  | "legacy-xls"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "no-lke-sheet"
  | "role-not-in-sheet"
  | "unreadable"
  | "unwritable"
  // The workbook open in Excel (src/excel):
  | "not-in-excel"
  | "requirement-missing"
  | "cell-edit-mode"
  | "read-only"
  | "manual-calculation"
  | "sheet-protected"
  | "workbook-protected"
  /** A sheet the add-in would write (Rekap Unit) exists and is the user's own. */
  | "sheet-name-taken";

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "GatewayError";
  }
}

/** A gateway method this workbook has (Excel's cell actions, the evaluator's writes), or why the action cannot run. */
export function needs<T>(method: T | undefined, detail = "this action needs the workbook open in Excel"): T {
  if (!method) throw new GatewayError("not-in-excel", detail);
  return method;
}
