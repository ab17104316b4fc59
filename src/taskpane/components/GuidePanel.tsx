// Panduan: for the item in focus (the row selected in Excel, a finding or a recommendation chosen in the pane,
// or an item picked here): the question, its criteria, the current answer, what each option would add to the
// total (each can be tried as a what-if), the counts of a `%` item, and the evidence expected and found.
import { Button, Field, Link, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { FindingButton } from "./FindingButton";
import type { AnswerChange } from "../../domain/gaps/whatIf";
import type { Finding } from "../../domain/validation/finding";
import { formatDelta, formatNumber, formatScore } from "../../i18n/ui.format";
import { useUi } from "../hooks/useUi";
import type { FindingArea } from "../state/paneReducer";
import type { GuideView } from "../state/paneSelectors";
import { PanelSection } from "./PanelSection";

export interface GuidePanelProps {
  items: Array<{ code: string; text: string; group: Exclude<FindingArea, "all"> }>;
  areaNames: Record<string, string>;
  selected?: string;
  view?: GuideView;
  /** The what-if answers, to mark the options tried. */
  trial: readonly AnswerChange[];
  /** The pane follows the row selected in Excel. */
  followsSelection: boolean;
  onPick(item: string): void;
  onTry(change: AnswerChange): void;
  onShowFinding(finding: Finding): void;
  onSelectCell?: (cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  picker: { width: "100%", minWidth: 0, "& select": { width: "100%", minWidth: 0, textOverflow: "ellipsis" } },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  crumbs: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  options: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  option: {
    display: "grid",
    gridTemplateColumns: "2.5em 1fr auto",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  key: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  effect: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", textAlign: "right" },
  up: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  down: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  optionActions: { gridColumn: "2 / span 2", display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  link: { wordBreak: "break-all" },
});

const GROUP_ORDER = ["1", "2", "3", "4", "5", "6", "hasil", "general"];

export function GuidePanel(props: GuidePanelProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { view } = props;
  const groups = GROUP_ORDER.map((g) => ({ g, items: props.items.filter((i) => i.group === g) })).filter((x) => x.items.length > 0);
  const groupLabel = (g: string) => (g === "hasil" ? t.findings.hasil : g === "general" ? t.findings.general : t.findings.area(Number(g), props.areaNames[g] ?? ""));
  const isTried = (c: AnswerChange) => props.trial.some((x) => x.item === c.item && x.countKey === c.countKey && String(x.value) === String(c.value));

  return (
    <div className={styles.root}>
      <Field label={t.guide.pick} hint={props.followsSelection ? t.guide.followsSelection : undefined}>
        <Select className={styles.picker} value={props.selected ?? ""} onChange={(_e, data) => data.value && props.onPick(data.value)}>
          <option value="" disabled>
            {t.guide.pickPlaceholder}
          </option>
          {groups.map(({ g, items }) => (
            <optgroup key={g} label={groupLabel(g)}>
              {items.map((i) => (
                <option key={i.code} value={i.code}>
                  {`${i.code} ${i.text.length > 70 ? `${i.text.slice(0, 69)}…` : i.text}`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>

      {!view ? (
        <Text>{t.guide.empty}</Text>
      ) : (
        <>
          <section className={styles.section} aria-labelledby="guide-question">
            {view.area || view.indicator ? (
              <Text size={200} className={styles.crumbs}>
                {[view.area ? t.findings.area(view.area.no, view.area.name) : undefined, view.indicator?.name].filter(Boolean).join(" › ")}
              </Text>
            ) : null}
            <Text as="h2" id="guide-question" weight="semibold" size={400} className={styles.heading}>
              <span className={styles.code}>{view.code}</span> {view.text}
            </Text>
            <dl className={styles.facts}>
              <dt className={styles.dt}>{t.guide.answerType}</dt>
              <dd className={styles.dd}>{view.typeLabel}</dd>
              <dt className={styles.dt}>{t.guide.current}</dt>
              <dd className={styles.dd} data-testid="guide-current">
                {view.answer.status === "answered" || view.answer.status === "error"
                  ? view.answer.text
                  : view.answer.status === "invalid"
                    ? t.guide.invalid(view.answer.text)
                    : t.guide.notAnswered}
                {view.cell ? (
                  <>
                    {" · "}
                    {props.onSelectCell ? (
                      <Link as="button" inline className={styles.code} onClick={() => props.onSelectCell?.(view.cell!)} aria-label={t.findings.goToCell(view.cell)}>
                        {view.cell}
                      </Link>
                    ) : (
                      <span className={styles.code}>{t.guide.cell(view.cell)}</span>
                    )}
                  </>
                ) : null}
              </dd>
              {view.answer.value !== null ? (
                <>
                  <dt className={styles.dt}>{t.guide.value}</dt>
                  <dd className={styles.dd}>{formatNumber(view.answer.value, locale, 2)}</dd>
                </>
              ) : null}
              {view.indicator ? (
                <>
                  <dt className={styles.dt}>{view.indicator.code}</dt>
                  <dd className={styles.dd}>{t.guide.indicatorWeight(formatNumber(view.indicator.weight, locale, 2))}</dd>
                </>
              ) : null}
            </dl>
            {view.criteria ? (
              <>
                <Text weight="semibold">{t.guide.criteria}</Text>
                <Text>{view.criteria}</Text>
              </>
            ) : null}
          </section>

          {view.options.length > 0 ? (
            <PanelSection id="guide-options" title={t.guide.options} as="h3">
              <ul className={styles.options}>
                {view.options.map((o) => {
                  const change = { item: view.code, value: o.key };
                  return (
                    <li key={o.key} className={`${styles.option} ${o.current ? styles.current : ""}`} data-option={o.key}>
                      <span className={styles.key}>{o.key}</span>
                      <Text size={200}>{o.text}</Text>
                      <span className={`${styles.effect} ${o.effect > 0.004 ? styles.up : o.effect < -0.004 ? styles.down : ""}`}>
                        <Text size={200} aria-label={`${t.guide.effect}: ${formatDelta(o.effect, locale)}`}>
                          {formatDelta(o.effect, locale)}
                        </Text>
                      </span>
                      <span className={styles.optionActions}>
                        <Text size={200} className={styles.note}>{`${t.guide.optionValue} ${formatNumber(o.value, locale, 2)}`}</Text>
                        {o.current ? (
                          <Text size={200} weight="semibold">
                            {t.guide.currentOption}
                          </Text>
                        ) : (
                          <Button size="small" appearance="subtle" disabled={isTried(change)} onClick={() => props.onTry(change)}>
                            {t.guide.tryOption(o.key)}
                          </Button>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
              <Text size={200} className={styles.note}>
                {t.guide.effect}
              </Text>
            </PanelSection>
          ) : null}

          {view.counts.length > 0 ? (
            <PanelSection id="guide-counts" title={t.guide.counts} as="h3">
              <dl className={styles.facts}>
                {view.counts.map((c) => (
                  <div key={c.input.key} style={{ display: "contents" }}>
                    <dt className={styles.dt}>{c.input.label}</dt>
                    <dd className={styles.dd}>
                      {c.value || t.guide.notAnswered}
                      {c.cell ? <span className={styles.code}>{` · ${c.cell}`}</span> : null}
                    </dd>
                  </div>
                ))}
              </dl>
              {view.full ? (
                <>
                  <Text size={200}>{t.guide.reachFull(view.full.label, formatNumber(view.full.value, locale, 0), formatDelta(view.full.effect, locale))}</Text>
                  <div>
                    <Button
                      size="small"
                      disabled={isTried({ item: view.code, countKey: view.full.countKey, value: view.full.value })}
                      onClick={() => view.full && props.onTry({ item: view.code, countKey: view.full.countKey, value: view.full.value })}
                    >
                      {t.gaps.tryOne}
                    </Button>
                  </div>
                </>
              ) : null}
            </PanelSection>
          ) : null}

          {view.type === "survey" ? (
            <Text size={200}>{t.guide.survey(view.answer.value === null ? t.guide.notAnswered : formatScore(view.answer.value * 4, locale))}</Text>
          ) : null}

          <PanelSection id="guide-evidence" title={t.guide.evidence} as="h3">
            <Text size={200}>{t.guide.evidenceExpected}</Text>
            {view.evidence.links.length > 0 ? (
              <>
                <Text size={200} weight="semibold">
                  {t.guide.evidenceLinks}
                </Text>
                <ul className={styles.list}>
                  {view.evidence.links.map((l) => (
                    <li key={`${l.cell}:${l.text}`}>
                      <Text size={200} className={styles.link}>{`${l.cell}: ${l.text}`}</Text>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Text size={200} className={styles.note}>
                {view.evidence.filled ? "" : view.evidence.needed ? t.guide.evidenceNone : t.guide.evidenceNotNeeded}
              </Text>
            )}
          </PanelSection>

          {view.findings.length > 0 ? (
            <PanelSection id="guide-findings" title={t.guide.itemFindings} as="h3">
              <ul className={styles.options}>
                {view.findings.map(({ index, finding }) => (
                  <li key={index}>
                    <FindingButton finding={finding} onShowFinding={props.onShowFinding} canSelectCells={!!props.onSelectCell} />
                  </li>
                ))}
              </ul>
            </PanelSection>
          ) : null}
        </>
      )}
    </div>
  );
}
