// Ringkasan: the total, Pengungkit and Hasil, the WBK/WBBM verdicts, the six areas as bars with the 60%/75%
// marks, and how complete the LKE is (answers, evidence).
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, DismissCircleFilled } from "@fluentui/react-icons";
import type { Target } from "../../domain/gaps/predicates";
import { formatPercent, formatScore } from "../../i18n/ui.format";
import { useUi } from "../hooks/useUi";
import type { SummaryView } from "../state/paneSelectors";
import { AreaBar } from "./AreaBar";
import { PanelSection } from "./PanelSection";

export interface SummaryPanelProps {
  summary: SummaryView;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  scores: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingVerticalS },
  totalCard: { gridColumn: "1 / span 2" },
  card: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  big: { fontVariantNumeric: "tabular-nums" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export function SummaryPanel({ summary }: SummaryPanelProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const score = (v: number) => formatScore(v, locale);
  const targets: Target[] = ["wbk", "wbbm"];
  return (
    <div className={styles.root}>
      <div className={styles.scores}>
        <div className={`${styles.card} ${styles.totalCard}`} data-testid="total-score">
          <Text size={200}>{t.summary.total}</Text>
          <Text size={800} weight="semibold" className={styles.big} data-testid="total-value">
            {score(summary.total)}
          </Text>
          <Text size={200} className={styles.note}>
            {t.summary.outOf(score(summary.max.total))}
          </Text>
        </div>
        <div className={styles.card}>
          <Text size={200}>{t.summary.pengungkit}</Text>
          <Text size={500} weight="semibold" className={styles.big}>
            {score(summary.pengungkit)}
          </Text>
          <Text size={200} className={styles.note}>
            {t.summary.outOf(score(summary.max.pengungkit))}
          </Text>
        </div>
        <div className={styles.card}>
          <Text size={200}>{t.summary.hasil}</Text>
          <Text size={500} weight="semibold" className={styles.big}>
            {score(summary.hasil)}
          </Text>
          <Text size={200} className={styles.note}>
            {t.summary.outOf(score(summary.max.hasil))}
          </Text>
        </div>
      </div>

      <PanelSection id="summary-predicates" title={t.summary.predicates}>
        <div className={styles.badges}>
          {targets.map((target) => {
            const eligible = summary.predicates[target].eligible;
            return (
              <Badge
                key={target}
                size="large"
                appearance={eligible ? "filled" : "tint"}
                color={eligible ? "success" : "danger"}
                icon={eligible ? <CheckmarkCircleFilled /> : <DismissCircleFilled />}
                data-testid={`badge-${target}`}
              >
                {`${t.summary.target[target]}: ${eligible ? t.summary.eligible : t.summary.notEligible}`}
              </Badge>
            );
          })}
        </div>
      </PanelSection>

      <PanelSection id="summary-areas" title={t.summary.areas}>
        <ul className={styles.list}>
          {summary.areas.map((area) => (
            <li key={area.no}>
              <AreaBar area={area} marks={summary.marks} />
            </li>
          ))}
        </ul>
        <Text size={200} className={styles.note}>
          {t.summary.marks(formatPercent(summary.marks.wbk, locale), formatPercent(summary.marks.wbbm, locale))}
        </Text>
      </PanelSection>

      <PanelSection id="summary-completeness" title={t.summary.completeness}>
        <ul className={styles.list}>
          <li>
            <Text>{t.summary.answered(summary.answered.done, summary.answered.total)}</Text>
          </li>
          <li>
            <Text>{t.summary.evidence(summary.evidence.present, summary.evidence.needed)}</Text>
          </li>
          {summary.workbookTotal !== null && Math.abs(summary.workbookTotal - summary.total) >= 0.005 ? (
            <li>
              <Text className={styles.note}>{t.summary.workbookTotal(score(summary.workbookTotal))}</Text>
            </li>
          ) : null}
        </ul>
      </PanelSection>
    </div>
  );
}
