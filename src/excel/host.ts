// Host questions for the Office gateway: is this Excel, which API sets does it have, and what an Office.js
// failure means for the user. Outside Office `Excel` is undefined and `Office.context.requirements` too
// (addin-engineering.md 2.3), so every use here is guarded.
import { GatewayError, type GatewayErrorCode } from "../app/gatewayError";
import type { BatchRunner } from "./excelApi";

/** The one question asked of Office.context.requirements. */
export interface RequirementProbe {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The manifest's floor: getCellProperties, RangeAreas (getRanges), readOnly, calculationMode. */
export const MIN_EXCEL_API = "1.9";
/** Range.getMergedAreasOrNullObject; without it merges are not read. */
export const MERGED_AREAS_API = "1.13";
/** Worksheet.notes: flags carry their text as notes. */
export const NOTES_API = "1.18";
/** Workbook.comments: flags carry their text as threaded comments where notes are missing. */
export const COMMENTS_API = "1.10";

/** How flags carry their text on this host: notes, else threaded comments, else not at all (highlight only). */
export function notesModeOf(probe: RequirementProbe): "notes" | "comments" | "none" {
  if (probe.isSetSupported("ExcelApi", NOTES_API)) return "notes";
  return probe.isSetSupported("ExcelApi", COMMENTS_API) ? "comments" : "none";
}

/** Office.context.requirements, or undefined outside an Office host. */
export function officeRequirements(): RequirementProbe | undefined {
  if (typeof Office === "undefined") return undefined;
  const requirements: RequirementProbe | undefined = Office.context?.requirements;
  return typeof requirements?.isSetSupported === "function" ? requirements : undefined;
}

/** Excel.run, or GatewayError("not-in-excel") where there is no Excel. */
export const excelRun: BatchRunner = (batch) => {
  if (typeof Excel === "undefined") return Promise.reject(new GatewayError("not-in-excel", "Excel is not defined"));
  return Excel.run((context) => batch(context));
};

/** Throws unless the host has ExcelApi `version`; without a probe, there is no Office host at all. */
export function requireExcelApi(probe: RequirementProbe | undefined, version: string = MIN_EXCEL_API): void {
  if (!probe) throw new GatewayError("not-in-excel", "Office.context.requirements is not available");
  if (!probe.isSetSupported("ExcelApi", version)) throw new GatewayError("requirement-missing", `ExcelApi ${version}`);
}

const OFFICE_CODES: Record<string, GatewayErrorCode> = {
  InvalidOperationInCellEditMode: "cell-edit-mode",
  RequestPayloadSizeLimitExceeded: "too-large",
  ResponsePayloadSizeLimitExceeded: "too-large",
};

/**
 * A failed batch as a GatewayError: a GatewayError as it is; an OfficeExtension.Error by its code; anything
 * else as "unreadable" (reads) or "unwritable" (writes), with the original code and message as detail.
 */
export function toGatewayError(error: unknown, operation: "read" | "write"): GatewayError {
  if (error instanceof GatewayError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const detail = code ? `${code}: ${message}` : message;
  const mapped = code ? OFFICE_CODES[code] : undefined;
  return new GatewayError(mapped ?? (operation === "read" ? "unreadable" : "unwritable"), detail);
}
