// Temuan: the findings grouped by area, errors first, filterable by severity and area. Choosing a finding
// selects its cell in Excel (where the pane can) and opens its item in Panduan.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  CounterBadge,
  Field,
  makeStyles,
  Select,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../domain/validation/finding";
import { useUi } from "../hooks/useUi";
import type { FindingArea, FindingFilter } from "../state/paneReducer";
import type { FindingGroup, FindingsView } from "../state/paneSelectors";
import { FindingButton } from "./FindingButton";

export interface FindingsPanelProps {
  view: FindingsView;
  filter: FindingFilter;
  onFilterChange(filter: FindingFilter): void;
  onShowFinding(finding: Finding): void;
  /** Choosing a finding selects its cell in Excel. */
  canSelectCells: boolean;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

function groupLabel(group: { key: string; area?: { no: number; name: string } }, t: ReturnType<typeof useUi>["t"]): string {
  if (group.area) return t.findings.area(group.area.no, group.area.name);
  return group.key === "hasil" ? t.findings.hasil : t.findings.general;
}

/** Groups open at first: those with errors, else the first one (a long list of warnings stays folded). */
function openByDefault(groups: FindingGroup[]): string[] {
  const withErrors = groups.filter((g) => g.rows.some((r) => r.finding.severity === "error")).map((g) => g.key);
  return withErrors.length > 0 ? withErrors : groups.slice(0, 1).map((g) => g.key);
}

export function FindingsPanel({ view, filter, onFilterChange, onShowFinding, canSelectCells }: FindingsPanelProps) {
  const styles = useStyles();
  const { t } = useUi();

  const toggle = (severity: Severity) => {
    const on = filter.severities.includes(severity);
    const severities = on ? filter.severities.filter((s) => s !== severity) : SEVERITIES.filter((s) => s === severity || filter.severities.includes(s));
    onFilterChange({ ...filter, severities });
  };

  if (view.total === 0) return <Text>{t.findings.none}</Text>;

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <div role="group" aria-label={t.findings.severityFilter} className={styles.toggles}>
          {SEVERITIES.filter((s) => view.bySeverity[s] > 0).map((s) => (
            <ToggleButton key={s} size="small" checked={filter.severities.includes(s)} onClick={() => toggle(s)}>
              {`${t.findings.severity[s]} (${view.bySeverity[s]})`}
            </ToggleButton>
          ))}
        </div>
        <Field label={t.findings.areaFilter} size="small">
          <Select value={filter.area} onChange={(_e, data) => onFilterChange({ ...filter, area: data.value as FindingArea })}>
            <option value="all">{t.findings.allAreas}</option>
            {view.areas.map((a) => (
              <option key={a.key} value={a.key}>
                {`${groupLabel(a, t)} (${a.count})`}
              </option>
            ))}
          </Select>
        </Field>
        <Text size={200} className={styles.note} aria-live="polite">
          {t.findings.shown(view.shown, view.total)}
        </Text>
      </div>
      {view.groups.length === 0 ? (
        <Text>{t.findings.noneFiltered}</Text>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={openByDefault(view.groups)}>
          {view.groups.map((group) => (
            <FindingGroupItem key={group.key} group={group} label={groupLabel(group, t)} onShowFinding={onShowFinding} canSelectCells={canSelectCells} />
          ))}
        </Accordion>
      )}
    </div>
  );
}

interface FindingGroupItemProps {
  group: FindingGroup;
  label: string;
  onShowFinding(finding: Finding): void;
  canSelectCells: boolean;
}

function FindingGroupItem({ group, label, onShowFinding, canSelectCells }: FindingGroupItemProps) {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <AccordionItem value={group.key}>
      <AccordionHeader size="small">
        <span className={styles.header}>
          <Text weight="semibold">{label}</Text>
          <CounterBadge count={group.rows.length} overflowCount={999} size="small" appearance="ghost" color="informative" aria-label={t.findings.count(group.rows.length)} />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {group.rows.map(({ index, finding }) => (
            <li key={index}>
              <FindingButton finding={finding} onShowFinding={onShowFinding} canSelectCells={canSelectCells} />
            </li>
          ))}
        </ul>
      </AccordionPanel>
    </AccordionItem>
  );
}
