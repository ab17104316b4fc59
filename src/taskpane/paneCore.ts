// The analysis core as the pane needs it: the use cases (read and score, write Rekap ZI) and the selectors that
// turn an analysis into what the panels show. It is loaded through import() (hooks/paneCoreLoader.ts) while
// Office starts and the workbook is read, so the pane's first screen does not wait for the LKE model.
export { analyzeWorkbook } from "../app/analyzeWorkbook";
export { annotateWorkbook } from "../app/annotateWorkbook";
export { runCellAction } from "../app/workbookActions";
export { loggedState, logReviewChanges, protectUnitColumns, reviewState, startReview, writeCatatanEvaluasi, writeEvaluatorNote } from "../app/reviewWorkbook";
export { reviewView } from "./state/reviewSelectors";
export {
  findingsView,
  gapView,
  guideItems,
  guideView,
  itemAtAddress,
  summaryView,
  trialView,
} from "./state/paneSelectors";
