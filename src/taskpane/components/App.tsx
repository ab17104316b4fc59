// The pane: header (title, language, status), the workbook actions that work where the pane runs, the
// what-if banner, and the four panels. Data and callbacks come from usePane; the panels only show.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowSyncRegular,
  ArrowUndoRegular,
  CalculatorRegular,
  DismissRegular,
  DocumentArrowDownRegular,
  FlagRegular,
  FolderOpenRegular,
  TableAddRegular,
  WrenchRegular,
  EraserRegular,
} from "@fluentui/react-icons";
import type { CellActionKind } from "../../app/workbookActions";
import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import type { Locale } from "../../i18n/formatNumber";
import { formatScore, formatTime } from "../../i18n/ui.format";
import { uiMessages, type PaneTab } from "../../i18n/ui.messages";
import { usePane, type PaneController, type UsePaneOptions } from "../hooks/usePane";
import { useReview, type ReviewController } from "../hooks/useReview";
import { reviewMessages, type PaneRole } from "../../i18n/review.messages";
import { UiContext, useUi } from "../hooks/useUi";
import type { PaneSource } from "../paneSource";
import type { PaneError } from "../state/paneReducer";
import { SummaryPanel } from "./SummaryPanel";

// The panels behind the other tabs come in one chunk of their own, fetched once the first screen is up.
const loadPanels = () => import(/* webpackChunkName: "panels" */ "./panels");
const FindingsPanel = lazy(() => loadPanels().then((m) => ({ default: m.FindingsPanel })));
const GapPanel = lazy(() => loadPanels().then((m) => ({ default: m.GapPanel })));
const GuidePanel = lazy(() => loadPanels().then((m) => ({ default: m.GuidePanel })));
const ReviewPanel = lazy(() => loadPanels().then((m) => ({ default: m.ReviewPanel })));
const RekapPanel = lazy(() => loadPanels().then((m) => ({ default: m.RekapPanel })));

export interface AppProps {
  source: PaneSource;
  options?: UsePaneOptions;
}

const TABS: PaneTab[] = ["summary", "findings", "gaps", "guide", "rekap"];

/** The in-workbook actions, in the order a user takes them. */
const CELL_ACTIONS: Array<[CellActionKind, typeof FlagRegular]> = [
  ["flag", FlagRegular],
  ["clear", EraserRegular],
  ["repair", WrenchRegular],
  ["restore", ArrowUndoRegular],
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh",
    maxWidth: "760px",
    margin: "0 auto",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  language: { width: "auto" },
  role: { display: "flex", justifyContent: "flex-end" },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, minHeight: "20px" },
  toolbar: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS, padding: 0 },
  intro: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hiddenInput: { display: "none" },
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})` },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** The pane with its own state and effects, for a workbook source. */
export function App({ source, options }: AppProps) {
  const pane = usePane(source, options);
  const review = useReview(pane, pane.state.locale, options?.now);
  const ui = useMemo(() => ({ locale: pane.state.locale, t: uiMessages(pane.state.locale) }), [pane.state.locale]);
  return (
    <UiContext.Provider value={ui}>
      <PaneView pane={pane} mode={source.kind} review={review} source={source} />
    </UiContext.Provider>
  );
}

export interface PaneViewProps {
  pane: PaneController;
  mode: PaneSource["kind"];
  /** The evaluator mode (role switch, Tinjauan); without it the pane is the unit's. */
  review?: ReviewController;
  /** Where the workbook comes from: the Rekap tab writes its recap there (or downloads it); without it, no Rekap. */
  source?: PaneSource;
}

function errorText(error: PaneError, t: ReturnType<typeof useUi>["t"]): string {
  return t.errors[error.code] ?? t.errors.unknown;
}

export function PaneView({ pane, mode, review, source }: PaneViewProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const r = reviewMessages(locale);
  const role = review?.role ?? "unit";
  const { state, dispatch } = pane;
  const fileInput = useRef<HTMLInputElement>(null);
  const core = pane.core;
  const a = core ? state.analysis : undefined;
  const busy = state.read.status === "reading" || state.read.refreshing;

  const summary = useMemo(() => (core && a ? core.summaryView(a, state.priorWbk) : undefined), [core, a, state.priorWbk]);
  const findings = useMemo(() => (core && a ? core.findingsView(a, state.findingFilter) : undefined), [core, a, state.findingFilter]);
  const gaps = useMemo(
    () => (core && a ? core.gapView(a, state.target, state.priorWbk, state.trial) : undefined),
    [core, a, state.target, state.priorWbk, state.trial],
  );
  const trial = useMemo(() => (core && a ? core.trialView(a, state.trial, state.priorWbk) : undefined), [core, a, state.trial, state.priorWbk]);
  const guide = useMemo(() => (core && a && state.selected ? core.guideView(a, state.selected.item) : undefined), [core, a, state.selected]);
  const items = useMemo(() => (core && a ? core.guideItems(a) : []), [core, a]);
  const reviewed = useMemo(() => (core && a && role !== "unit" ? core.reviewView(a, role) : undefined), [core, a, role]);
  const tabs: PaneTab[] = role === "unit" ? TABS : [...TABS, "review"];
  const hasAnalysis = a !== undefined;
  useEffect(() => {
    if (hasAnalysis) void loadPanels();
  }, [hasAnalysis]);
  const areaNames = useMemo(() => Object.fromEntries((a?.model.areas ?? []).map((x) => [String(x.no), x.name])), [a]);

  const status = (() => {
    if (state.read.status === "reading") return t.status.reading;
    if (state.read.refreshing) return t.status.updating;
    if (a && state.read.at !== undefined) {
      const parts = [t.status.updatedAt(formatTime(state.read.at, locale))];
      if (state.live) parts.push(t.status.watching(a.sheet.name));
      return parts.join(" · ");
    }
    return "";
  })();

  const chooseFile = () => fileInput.current?.click();

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t.appTitle}
        </Text>
        <Select
          size="small"
          className={styles.language}
          aria-label={t.languageLabel}
          value={locale}
          onChange={(_e, data) => dispatch({ type: "localeChanged", locale: data.value as Locale })}
        >
          <option value="id">{t.languages.id}</option>
          <option value="en">{t.languages.en}</option>
        </Select>
      </header>
      {review ? (
        <div className={styles.role}>
          <Select
            size="small"
            aria-label={r.roleLabel}
            title={r.roleHint}
            value={role}
            data-testid="role-select"
            onChange={(_e, data) => review.setRole(data.value as PaneRole)}
          >
            {(["unit", "tpi", "tpn"] as const).map((x) => (
              <option key={x} value={x}>{`${r.roleLabel}: ${r.roles[x]}`}</option>
            ))}
          </Select>
        </div>
      ) : null}

      <div className={status ? styles.status : undefined} role="status" aria-live="polite">
        {busy ? <Spinner size="extra-tiny" /> : null}
        {status ? <Text size={200}>{status}</Text> : null}
      </div>
      {a && mode === "standalone" && state.file ? <Text size={200}>{t.standalone.opened(state.file)}</Text> : null}
      {a ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          {t.status.layout(a.layout.sheet, a.model.questions.length - a.layout.unmatched.length, a.model.questions.length)}
        </Text>
      ) : null}

      {mode === "standalone" ? (
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.actions.openFile}
          data-testid="file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file && pane.openFile) pane.openFile(file);
            e.currentTarget.value = "";
          }}
        />
      ) : null}

      {mode === "standalone" && !a && state.read.status !== "reading" ? (
        <section className={styles.intro} aria-labelledby="standalone-title">
          <Text as="h2" id="standalone-title" size={400} weight="semibold">
            {t.standalone.title}
          </Text>
          <Text>{t.standalone.intro}</Text>
          <div>
            <Button appearance="primary" icon={<FolderOpenRegular />} onClick={chooseFile}>
              {t.actions.openFile}
            </Button>
          </div>
          <Text size={200}>{t.standalone.privacy}</Text>
        </section>
      ) : null}

      {a ? (
        <Toolbar aria-label={t.actions.toolbar} className={styles.toolbar} size="small">
          {pane.annotate ? (
            <Button appearance="primary" icon={<CalculatorRegular />} title={t.actions.annotateHint} disabled={state.annotate.status === "running"} onClick={pane.annotate}>
              {state.annotate.status === "running" ? t.actions.annotating : t.actions.annotate}
            </Button>
          ) : null}
          {pane.download ? (
            <Button appearance="primary" icon={<DocumentArrowDownRegular />} title={t.actions.downloadHint} disabled={state.annotate.status === "running"} onClick={pane.download}>
              {t.actions.download}
            </Button>
          ) : null}
          {pane.openFile ? (
            <Button icon={<FolderOpenRegular />} onClick={chooseFile}>
              {t.actions.openFile}
            </Button>
          ) : (
            <Button icon={<ArrowSyncRegular />} disabled={busy} onClick={pane.refresh}>
              {t.actions.refresh}
            </Button>
          )}
        </Toolbar>
      ) : null}
      {a && pane.cellAction ? (
        <Toolbar aria-label={t.actions.toolbar} className={styles.toolbar} size="small">
          {CELL_ACTIONS.map(([kind, Icon]) => (
            <Button
              key={kind}
              icon={<Icon />}
              title={t.actions.cell[kind].hint}
              disabled={busy || state.cellAction.status === "running"}
              onClick={() => pane.cellAction!(kind)}
            >
              {t.actions.cell[kind].label}
            </Button>
          ))}
        </Toolbar>
      ) : null}

      {state.read.status === "failed" && state.read.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.errors.title}</MessageBarTitle>
            {errorText(state.read.error, t)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.annotate.status === "failed" && state.annotate.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.actions.annotateFailed}</MessageBarTitle>
            {errorText(state.annotate.error, t)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.cellAction.status === "running" ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.actions.cellRunning}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.cellAction.status === "done" && state.cellAction.kind ? (
        <MessageBar intent="success">
          <MessageBarBody>{t.actions.cell[state.cellAction.kind].done(state.cellAction.changed ?? 0, state.cellAction.kept ?? 0)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.cellAction.status === "failed" && state.cellAction.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.actions.cellFailed}</MessageBarTitle>
            {errorText(state.cellAction.error, t)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.annotate.status === "done" ? (
        <MessageBar intent="success">
          <MessageBarBody>{mode === "excel" ? t.actions.annotated : t.actions.downloaded(state.file ?? "")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.actionError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{errorText(state.actionError, t)}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t.actions.dismiss} icon={<DismissRegular />} onClick={() => dispatch({ type: "actionErrorDismissed" })} />}
          />
        </MessageBar>
      ) : null}

      {trial ? (
        <MessageBar intent="info" layout="multiline" data-testid="what-if">
          <MessageBarBody>
            <MessageBarTitle>{`${t.whatIf.title}: ${t.whatIf.changes(trial.changes)}`}</MessageBarTitle>
            <div>{t.whatIf.totalChange(formatScore(trial.from, locale), formatScore(trial.to, locale))}</div>
            <div>
              {t.whatIf.verdict(t.summary.target.wbk, trial.predicates.wbk.eligible)}
              {" · "}
              {t.whatIf.verdict(t.summary.target.wbbm, trial.predicates.wbbm.eligible)}
            </div>
            <Text size={200}>{t.whatIf.note}</Text>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => dispatch({ type: "trialReplaced", changes: [] })}>
              {t.whatIf.clear}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {a && summary && findings && gaps ? (
        <>
          <TabList className={styles.tabs} selectedValue={state.tab} onTabSelect={(_e, data) => dispatch({ type: "tabChanged", tab: data.value as PaneTab })} size="small">
            {tabs.map((tab) => (
              <Tab key={tab} value={tab} id={`tab-${tab}`} aria-controls={`panel-${tab}`} className={styles.tab}>
                {tab === "findings" ? `${t.tabs.findings} (${findings.total})` : t.tabs[tab]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${state.tab}`} aria-labelledby={`tab-${state.tab}`} className={styles.panel}>
            <Suspense fallback={<Spinner size="tiny" />}>
            {state.tab === "summary" ? <SummaryPanel summary={summary} /> : null}
            {state.tab === "findings" ? (
              <FindingsPanel
                view={findings}
                filter={state.findingFilter}
                onFilterChange={(filter) => dispatch({ type: "findingFilterChanged", filter })}
                onShowFinding={pane.showFinding}
                canSelectCells={!!pane.selectCell}
              />
            ) : null}
            {state.tab === "gaps" ? (
              <GapPanel
                view={gaps}
                priorWbk={state.priorWbk}
                onTargetChange={(target) => dispatch({ type: "targetChanged", target })}
                onPriorWbkChange={(priorWbk) => dispatch({ type: "priorWbkChanged", priorWbk })}
                onTry={(change) => dispatch({ type: "trialSet", change })}
                onUntry={(change) => dispatch({ type: "trialRemoved", item: change.item, ...(change.countKey ? { countKey: change.countKey } : {}) })}
                onTryAll={(changes) => changes.forEach((change) => dispatch({ type: "trialSet", change }))}
                onShowItem={(item) => dispatch({ type: "itemSelected", item, source: "pane", tab: "guide" })}
                {...(pane.selectCell ? { onSelectCell: pane.selectCell } : {})}
              />
            ) : null}
            {state.tab === "guide" ? (
              <GuidePanel
                items={items}
                areaNames={areaNames}
                {...(state.selected ? { selected: state.selected.item } : {})}
                {...(guide ? { view: guide } : {})}
                trial={state.trial}
                followsSelection={state.live}
                onPick={(item) => dispatch({ type: "itemSelected", item, source: "pane" })}
                onTry={(change) => dispatch({ type: "trialSet", change })}
                onShowFinding={pane.showFinding}
                {...(pane.selectCell ? { onSelectCell: pane.selectCell } : {})}
              />
            ) : null}
            {state.tab === "rekap" && source ? <RekapPanel source={source} /> : null}
            {state.tab === "review" && reviewed && review ? (
              <ReviewPanel
                view={reviewed}
                r={r}
                review={review}
                inExcel={mode === "excel"}
                errorText={(error) => errorText(error, t)}
                {...(pane.selectCell ? { onSelectCell: pane.selectCell } : {})}
              />
            ) : null}
            </Suspense>
          </div>
        </>
      ) : null}

      {/* The coordinator's recap needs no LKE in this workbook: reachable before (or without) an analysis. */}
      {!a && source && state.read.status !== "reading" ? (
        state.tab === "rekap" ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <RekapPanel source={source} />
          </Suspense>
        ) : (
          <div>
            <Button icon={<TableAddRegular />} onClick={() => dispatch({ type: "tabChanged", tab: "rekap" })}>
              {t.tabs.rekap}
            </Button>
          </div>
        )
      ) : null}
    </main>
  );
}
