// One finding as a button: severity (icon and word), cell, message and hint. Choosing it shows the cell in
// Excel (where the pane can select cells) and the item in Panduan.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/validation/finding";
import { describeFinding } from "../../i18n/findingMessages";
import { useUi } from "../hooks/useUi";
import { SeverityBadge } from "./SeverityBadge";

export interface FindingButtonProps {
  finding: Finding;
  onShowFinding(finding: Finding): void;
  canSelectCells: boolean;
}

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  rowHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export function FindingButton({ finding, onShowFinding, canSelectCells }: FindingButtonProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { message, hint } = describeFinding(finding, locale);
  const action = finding.cell && canSelectCells ? t.findings.goToCell(finding.cell) : t.findings.showItem;
  return (
    <button type="button" className={styles.row} onClick={() => onShowFinding(finding)} title={action} data-cell={finding.cell} data-rule={finding.rule}>
      <span className={styles.rowHead}>
        <SeverityBadge severity={finding.severity} />
        {finding.cell ? <span className={styles.cell}>{t.findings.cell(finding.cell)}</span> : null}
      </span>
      <span>{message}</span>
      <span className={styles.hint}>{hint}</span>
    </button>
  );
}
