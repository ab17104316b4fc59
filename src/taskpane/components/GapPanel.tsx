// Kesenjangan: for WBK or WBBM, the requirements not met yet with what each lacks, the cheapest answer changes
// that meet the Pengungkit requirements (each can be tried as a what-if, or all at once), and the Hasil values
// the unit needs but cannot answer its way to.
import {
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Switch,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import type { HasilNeed } from "../../domain/gaps/pathToPredicate";
import type { Target, UnmetCriterion } from "../../domain/gaps/predicates";
import type { AnswerChange } from "../../domain/gaps/whatIf";
import { formatDelta, formatNumber, formatScore } from "../../i18n/ui.format";
import { useUi, type Ui } from "../hooks/useUi";
import type { GapView, UnmetRow } from "../state/paneSelectors";
import { PanelSection } from "./PanelSection";

export interface GapPanelProps {
  view: GapView;
  priorWbk: boolean;
  onTargetChange(target: Target): void;
  onPriorWbkChange(priorWbk: boolean): void;
  onTry(change: AnswerChange): void;
  onUntry(change: AnswerChange): void;
  onTryAll(changes: AnswerChange[]): void;
  onShowItem(item: string): void;
  /** Selects a cell of the LKE sheet in Excel, where the pane can. */
  onSelectCell?: (cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  unmet: { display: "flex", flexDirection: "column" },
  numbers: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  rec: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  recText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  question: { overflow: "hidden", display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical" },
  change: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  gain: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  tryButton: { alignSelf: "start" },
  note: { color: tokens.colorNeutralForeground3 },
});

function criterionLabel(row: UnmetRow, t: Ui["t"]): string {
  const c = row.criterion;
  if (c.criterion === "area" && c.area !== undefined) return t.gaps.areaCriterion(c.area, row.areaName ?? "");
  return t.gaps.criterion[c.criterion];
}

function criterionNumbers(c: UnmetCriterion, ui: Ui): string | undefined {
  if (c.criterion === "priorPredicate") return undefined;
  const f = (v: number) => formatScore(v, ui.locale);
  return ui.t.gaps.requiredLine(f(c.actual), f(c.required), f(c.gap));
}

function hasilNeedText(n: HasilNeed, ui: Ui): string {
  const survey = n.criterion === "ipak" || n.criterion === "pelayananPrima";
  const f = (v: number) => (survey ? formatNumber(v, ui.locale, 2, 2) : formatScore(v, ui.locale));
  return ui.t.gaps.hasilNeed(n.current === null ? ui.t.gaps.notMeasured : f(n.current), f(n.required));
}

export function GapPanel(props: GapPanelProps) {
  const { view } = props;
  const styles = useStyles();
  const ui = useUi();
  const { t, locale } = ui;
  const targetName = t.summary.target[view.target];
  const untried = view.recommendations.filter((r) => !r.tried).map((r) => r.change);

  return (
    <div className={styles.root}>
      <Field label={t.gaps.targetLabel}>
        <RadioGroup layout="horizontal" value={view.target} onChange={(_e, data) => props.onTargetChange(data.value as Target)}>
          <Radio value="wbk" label={t.summary.target.wbk} />
          <Radio value="wbbm" label={t.summary.target.wbbm} />
        </RadioGroup>
      </Field>
      {view.target === "wbbm" ? <Switch checked={props.priorWbk} onChange={(_e, data) => props.onPriorWbkChange(data.checked)} label={t.gaps.priorWbk} /> : null}

      {view.eligible ? (
        <MessageBar intent="success">
          <MessageBarBody>{t.gaps.eligible(targetName)}</MessageBarBody>
        </MessageBar>
      ) : (
        <PanelSection id="gaps-unmet" title={t.gaps.unmet}>
          <ul className={styles.list}>
            {view.unmet.map((row, i) => {
              const numbers = criterionNumbers(row.criterion, ui);
              return (
                <li key={i} className={styles.unmet}>
                  <Text weight="semibold">{criterionLabel(row, t)}</Text>
                  {numbers ? <Text size={200} className={styles.numbers}>{numbers}</Text> : null}
                </li>
              );
            })}
          </ul>
        </PanelSection>
      )}

      <PanelSection id="gaps-recommendations" title={t.gaps.recommendations}>
        {!view.reachable ? (
          <Text>{t.gaps.unreachable}</Text>
        ) : view.recommendations.length === 0 ? (
          <Text>{t.gaps.noRecommendations}</Text>
        ) : (
          <>
            <Text size={200} className={styles.note}>
              {t.gaps.steps(view.steps)}
            </Text>
            <div>
              <Button size="small" disabled={untried.length === 0} onClick={() => props.onTryAll(view.recommendations.map((r) => r.change))}>
                {t.gaps.tryAll}
              </Button>
            </div>
            <ul className={styles.list}>
              {view.recommendations.map((row) => {
                const r = row.recommendation;
                return (
                  <li key={`${r.item}:${r.cell ?? ""}`} className={styles.rec}>
                    <div className={styles.recText}>
                      <Link as="button" inline onClick={() => props.onShowItem(r.item)} className={styles.question}>
                        {`${r.item} ${row.question}`}
                      </Link>
                      <span className={styles.change}>
                        {r.cell ? (
                          props.onSelectCell ? (
                            <Link as="button" className={styles.code} onClick={() => props.onSelectCell?.(r.cell!)} aria-label={t.findings.goToCell(r.cell)}>
                              {r.cell}
                            </Link>
                          ) : (
                            <span className={styles.code}>{r.cell}</span>
                          )
                        ) : null}
                        <Text size={200}>{t.gaps.change(r.from, r.to)}</Text>
                        <Text size={200} className={styles.gain}>
                          {t.gaps.gain(formatDelta(r.gain, locale).replace(/^\+/, ""))}
                        </Text>
                      </span>
                    </div>
                    <ToggleButton
                      size="small"
                      className={styles.tryButton}
                      checked={row.tried}
                      onClick={() => (row.tried ? props.onUntry(row.change) : props.onTry(row.change))}
                      aria-label={`${row.tried ? t.gaps.tried : t.gaps.tryOne}: ${r.item} ${t.gaps.change(r.from, r.to)}`}
                    >
                      {row.tried ? t.gaps.tried : t.gaps.tryOne}
                    </ToggleButton>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </PanelSection>

      {view.hasilNeeds.length > 0 ? (
        <PanelSection id="gaps-hasil" title={t.gaps.hasilNeeds}>
          <ul className={styles.list}>
            {view.hasilNeeds.map((n) => (
              <li key={n.criterion} className={styles.unmet}>
                <Text weight="semibold">{t.gaps.criterion[n.criterion]}</Text>
                <Text size={200} className={styles.numbers}>
                  {hasilNeedText(n, ui)}
                </Text>
              </li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
    </div>
  );
}
