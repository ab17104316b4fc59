// Tinjauan (TPI / TPN): the scores of the unit, the evaluator and the final score per part, the indicators
// and questions where they differ (largest first, each a click from its cell), and the review actions:
// Catatan Evaluasi, protecting the unit's columns. Evaluator answers are typed in Excel, in the role's column.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Toolbar, tokens } from "@fluentui/react-components";
import { DocumentTextRegular, LockClosedRegular, LockOpenRegular, TableAddRegular } from "@fluentui/react-icons";
import type { PaneError } from "../state/paneReducer";
import { formatDateTime, formatDelta, formatScore } from "../../i18n/ui.format";
import type { ReviewMessages } from "../../i18n/review.messages";
import type { ReviewController } from "../hooks/useReview";
import { useUi } from "../hooks/useUi";
import type { ReviewScoreRow, ReviewView } from "../state/reviewSelectors";
import { NoteEditor } from "./NoteEditor";
import { PanelSection } from "./PanelSection";

export interface ReviewPanelProps {
  view: ReviewView;
  r: ReviewMessages;
  review: Pick<ReviewController, "status" | "logged" | "addColumns" | "protect" | "writeCatatan" | "saveNote">;
  /** Where the workbook is open in Excel. */
  inExcel: boolean;
  onSelectCell?: (cell: string) => void;
  errorText: (error: PaneError) => string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  changed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  raised: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  difference: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  saidNote: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  note: { color: tokens.colorNeutralForeground3 },
  toolbar: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS, padding: 0 },
});

function rowLabel(row: ReviewScoreRow, r: ReviewMessages): string {
  if (row.level === "total") return r.total;
  if (row.level === "component") return row.key === "pengungkit" ? r.pengungkit : r.hasil;
  return r.area(Number(row.key), row.name);
}

export function ReviewPanel({ view, r, review, inExcel, onSelectCell, errorText }: ReviewPanelProps) {
  const styles = useStyles();
  const { locale } = useUi();
  const role = r.roles[view.role];
  const score = (v: number) => formatScore(v, locale);
  const { status } = review;
  // What the evaluator's answers take off in red, what they add in green.
  const deltaClass = (d: number) => (d < 0 ? styles.changed : d > 0 ? styles.raised : "");

  const statusBar =
    status.state === "running" ? (
      <MessageBar intent="info">
        <MessageBarBody>{status.action === "columns" ? r.adding(role) : r.running}</MessageBarBody>
      </MessageBar>
    ) : status.state === "failed" && status.error ? (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{r.failed}</MessageBarTitle>
          {errorText(status.error)}
        </MessageBarBody>
      </MessageBar>
    ) : status.state === "done" && status.action !== "columns" ? (
      <MessageBar intent="success">
        <MessageBarBody>
          {status.action === "catatan"
            ? r.catatanDone
            : status.action === "note"
              ? r.noteSaved(status.outcome ?? "")
              : r.protection[(status.outcome ?? "protected") as keyof ReviewMessages["protection"]]}
        </MessageBarBody>
      </MessageBar>
    ) : null;

  if (view.kind === "no-columns") {
    return (
      <div className={styles.root} data-testid="review-panel">
        {statusBar}
        <Text>{r.missing(role)}</Text>
        {review.addColumns ? (
          <div>
            <Button appearance="primary" icon={<TableAddRegular />} disabled={status.state === "running"} onClick={review.addColumns}>
              {r.addColumns(role)}
            </Button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className={styles.root} data-testid="review-panel">
      {statusBar}
      {status.state === "done" && status.action === "columns" && status.outcome === "added" ? (
        <MessageBar intent="success">
          <MessageBarBody>{r.added(role, view.columns)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {view.answered === 0 ? <Text>{r.notStarted(role)}</Text> : null}

      <PanelSection id="review-scores" title={r.scores}>
        <table className={styles.table} data-testid="review-scores">
          <thead>
            <tr>
              {[r.level, r.unit, role, r.diff, r.final].map((heading) => (
                <th key={heading} className={styles.th} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.scores.map((row) => (
              <tr key={`${row.level}:${row.key}`} data-testid={`review-row-${row.key}`}>
                <th className={styles.cell} scope="row">
                  {rowLabel(row, r)}
                </th>
                <td className={styles.num}>{score(row.unit)}</td>
                <td className={styles.num} data-testid={`review-evaluator-${row.key}`}>
                  {score(row.evaluator)}
                </td>
                <td className={`${styles.num} ${deltaClass(row.diff)}`}>{formatDelta(row.diff, locale)}</td>
                <td className={styles.num}>{score(row.final)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Text size={200} className={styles.note}>
          {`${r.mergedNote(role)} ${r.finalNote}`}
        </Text>
      </PanelSection>

      <PanelSection id="review-differences" title={r.differences(view.differences.length, role)}>
        {view.differences.length === 0 ? (
          <Text>{r.noDifferences(role)}</Text>
        ) : (
          <ul className={styles.list} data-testid="review-differences">
            {view.differences.map((d) => (
              <li key={d.item} className={styles.difference}>
                <div className={styles.item}>
                  <span>
                    <Text weight="semibold">{d.item}</Text> <Text>{r.answers(d.unit || r.empty, d.evaluator || r.empty)}</Text>{" "}
                    <Text className={deltaClass(d.points) || styles.note}>{r.points(formatDelta(d.points, locale))}</Text>
                  </span>
                  {onSelectCell ? (
                    <Button size="small" appearance="subtle" aria-label={r.showCell(d.cell)} onClick={() => onSelectCell(d.cell)}>
                      {d.cell}
                    </Button>
                  ) : (
                    <Text size={200}>{d.cell}</Text>
                  )}
                </div>
                {d.note ? <Text size={200} className={styles.saidNote}>{d.note}</Text> : null}
                {review.saveNote ? (
                  <NoteEditor
                    item={d.item}
                    note={d.note}
                    label={r.noteLabel(role, d.item)}
                    open={r.note}
                    save={r.noteSave}
                    cancel={r.noteCancel}
                    disabled={status.state === "running"}
                    onSave={(text) => review.saveNote!(d.item, text)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection id="review-indicators" title={r.indicators(view.indicators.length)}>
        {view.indicators.length === 0 ? (
          <Text>{r.noIndicatorDiffs}</Text>
        ) : (
          <ul className={styles.list}>
            {view.indicators.map((i) => (
              <li key={i.key} className={styles.item}>
                <Text>{`${i.key} ${i.name}`}</Text>
                <span>
                  <Text className={deltaClass(i.diff)}>{`${score(i.unit)} → ${score(i.evaluator)} (${formatDelta(i.diff, locale)})`}</Text>
                  {onSelectCell && i.cell ? (
                    <Button size="small" appearance="subtle" aria-label={r.showCell(i.cell)} onClick={() => onSelectCell(i.cell!)}>
                      {i.cell}
                    </Button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection id="review-history" title={r.history(view.history.length)}>
        {view.history.length === 0 ? (
          <Text size={200} className={styles.note}>
            {r.historyEmpty}
          </Text>
        ) : (
          <ul className={styles.list} data-testid="review-history">
            {view.history.map((e, i) => (
              <li key={`${e.time}:${e.cell}:${i}`}>
                <Text size={200}>{r.historyEntry(formatDateTime(e.time, locale), r.roles[e.role], e.item, e.cell, e.from || r.empty, e.to || r.empty)}</Text>
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      {review.writeCatatan || review.protect ? (
        <Toolbar aria-label={r.actions} className={styles.toolbar} size="small">
          {review.writeCatatan ? (
            <Button icon={<DocumentTextRegular />} title={r.catatanHint} disabled={status.state === "running"} onClick={review.writeCatatan}>
              {r.catatan}
            </Button>
          ) : null}
          {review.protect ? (
            <>
              <Button icon={<LockClosedRegular />} title={r.protectHint} disabled={status.state === "running"} onClick={() => review.protect!(true)}>
                {r.protect}
              </Button>
              <Button icon={<LockOpenRegular />} disabled={status.state === "running"} onClick={() => review.protect!(false)}>
                {r.unprotect}
              </Button>
            </>
          ) : null}
        </Toolbar>
      ) : null}
      {inExcel ? (
        <Text size={200} className={styles.note} title={r.logHint}>
          {review.logged > 0 ? r.logged(review.logged) : r.logHint}
        </Text>
      ) : null}
    </div>
  );
}
