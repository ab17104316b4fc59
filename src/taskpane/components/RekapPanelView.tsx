// The Rekap panel as it shows: choose many LKE files, the progress ("3 dari 10 berkas") with Batal, then the
// units scored (total, WBK/WBBM, errors, biggest gap) and the files not counted with their reason, and the
// button that writes Rekap Unit into the workbook (Excel) or downloads the recap (standalone).
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, DocumentArrowDownRegular, FolderOpenRegular, TableAddRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { RecapUnit } from "../../domain/aggregate/recapTable";
import { recapProblemText, rekapMessages } from "../../i18n/rekap.messages";
import { formatScore } from "../../i18n/ui.format";
import { useUi } from "../hooks/useUi";
import type { RecapController } from "../rekap/useRecap";
import { PanelSection } from "./PanelSection";

export interface RekapPanelViewProps {
  recap: RecapController;
  /** Where the recap goes: the open workbook (excel) or a download (standalone). */
  mode: "excel" | "standalone";
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  note: { color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "end" },
  table: { tableLayout: "auto" },
});

export function RekapPanelView({ recap, mode }: RekapPanelViewProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const r = rekapMessages(locale);
  const input = useRef<HTMLInputElement>(null);
  const { run, table, write } = recap.state;
  const running = run.status === "running";

  const gapOf = (u: RecapUnit) => {
    const g = u.summary.biggestGap;
    if (!g) return "";
    const label = g.criterion === "area" ? r.area(g.area ?? 0) : t.gaps.criterion[g.criterion];
    return r.gap(label, formatScore(g.gap, locale));
  };

  return (
    <div className={styles.root}>
      <PanelSection id="rekap-title" title={r.title}>
        <Text>{r.intro}</Text>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={r.inputLabel}
          data-testid="rekap-file-input"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = "";
            recap.choose(files);
          }}
        />
        <div className={styles.row}>
          <Button icon={<FolderOpenRegular />} disabled={running} onClick={() => input.current?.click()}>
            {r.chooseFiles}
          </Button>
        </div>
        <Text size={200} className={styles.note}>
          {r.privacy}
        </Text>
      </PanelSection>

      {running || run.status === "done" ? (
        <div className={styles.row}>
          <Field label={r.progressLabel} style={{ flexGrow: 1 }}>
            <ProgressBar value={run.total > 0 ? run.done / run.total : 0} max={1} thickness="large" />
          </Field>
          <Text data-testid="rekap-progress" aria-live="polite">
            {r.progress(run.done, run.total)}
          </Text>
          {running ? (
            <Button icon={<DismissRegular />} onClick={recap.cancel}>
              {r.cancel}
            </Button>
          ) : null}
        </div>
      ) : null}
      {run.status === "cancelled" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{r.cancelled}</MessageBarBody>
        </MessageBar>
      ) : null}
      {run.status === "failed" && run.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.errors[run.error.code] ?? t.errors.unknown}</MessageBarBody>
        </MessageBar>
      ) : null}

      {table && run.status === "done" ? (
        <>
          <PanelSection id="rekap-units" title={r.units(table.units.length)}>
            {table.units.length === 0 ? (
              <Text>{r.noUnits}</Text>
            ) : (
              <Table size="small" aria-labelledby="rekap-units" className={styles.table} data-testid="rekap-units">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{r.columns.unit}</TableHeaderCell>
                    <TableHeaderCell>{r.columns.total}</TableHeaderCell>
                    <TableHeaderCell>{r.columns.wbk}</TableHeaderCell>
                    <TableHeaderCell>{r.columns.wbbm}</TableHeaderCell>
                    <TableHeaderCell>{r.columns.errors}</TableHeaderCell>
                    <TableHeaderCell>{r.columns.gap}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.units.map((u) => (
                    <TableRow key={u.file}>
                      <TableCell title={u.file}>{u.summary.unit}</TableCell>
                      <TableCell className={styles.number}>{formatScore(u.summary.scores.total, locale)}</TableCell>
                      <TableCell>{u.summary.predicates.wbk.eligible ? r.yes : r.no}</TableCell>
                      <TableCell>{u.summary.predicates.wbbm.eligible ? r.yes : r.no}</TableCell>
                      <TableCell className={styles.number}>{u.summary.errors}</TableCell>
                      <TableCell>{gapOf(u)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </PanelSection>
          {table.problems.length > 0 ? (
            <PanelSection id="rekap-problems" title={r.problems(table.problems.length)}>
              <Table size="small" aria-labelledby="rekap-problems" className={styles.table} data-testid="rekap-problems">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{r.problemColumns.file}</TableHeaderCell>
                    <TableHeaderCell>{r.problemColumns.reason}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.problems.map((p, i) => (
                    <TableRow key={`${p.file}#${i}`}>
                      <TableCell>{p.file}</TableCell>
                      <TableCell>{recapProblemText(p, locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </PanelSection>
          ) : null}
          {recap.save && table.units.length > 0 ? (
            <div className={styles.row}>
              <Button
                appearance="primary"
                icon={mode === "excel" ? <TableAddRegular /> : <DocumentArrowDownRegular />}
                title={mode === "excel" ? r.writeHint : r.downloadHint}
                disabled={write.status === "running"}
                onClick={recap.save}
              >
                {write.status === "running" && mode === "excel" ? r.writing : mode === "excel" ? r.write : r.download}
              </Button>
            </div>
          ) : null}
          {write.status === "done" ? (
            <MessageBar intent="success">
              <MessageBarBody>{mode === "excel" ? r.written : r.downloaded(r.fileName)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {write.status === "failed" && write.error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{r.writeFailed}</MessageBarTitle>
                {t.errors[write.error.code] ?? t.errors.unknown}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
