// One Pengungkit area as a bar against its maximum, with the WBK and WBBM minimums (60% and 75% of the
// maximum) marked on it. The value is also given as text and to assistive technology (role meter).
import { makeStyles, tokens, Text } from "@fluentui/react-components";
import { formatPercent, formatScore } from "../../i18n/ui.format";
import { useUi } from "../hooks/useUi";
import type { AreaBar as AreaBarData } from "../state/paneSelectors";

export interface AreaBarProps {
  area: AreaBarData;
  marks: { wbk: number; wbbm: number };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  labels: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  name: { minWidth: 0 },
  value: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  track: {
    position: "relative",
    height: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fill: { position: "absolute", top: 0, bottom: 0, left: 0, borderRadius: tokens.borderRadiusMedium },
  below: { backgroundColor: tokens.colorPaletteRedBackground3 },
  wbk: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  wbbm: { backgroundColor: tokens.colorBrandBackground },
  mark: { position: "absolute", top: "-3px", bottom: "-3px", width: "2px", backgroundColor: tokens.colorNeutralForeground1 },
});

export function AreaBar({ area, marks }: AreaBarProps) {
  const styles = useStyles();
  const { t, locale } = useUi();
  const label = t.summary.areaLabel(area.no, area.name);
  const valueText = t.summary.areaValue(formatScore(area.value, locale), formatScore(area.max, locale), formatPercent(area.ratio, locale));
  const level = area.ratio + 1e-9 >= marks.wbbm ? styles.wbbm : area.ratio + 1e-9 >= marks.wbk ? styles.wbk : styles.below;
  return (
    <div className={styles.root}>
      <div className={styles.labels}>
        <Text size={200} className={styles.name}>
          {label}
        </Text>
        <Text size={200} weight="semibold" className={styles.value}>
          {valueText}
        </Text>
      </div>
      <div
        className={styles.track}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={area.max}
        aria-valuenow={Math.round(area.value * 100) / 100}
        aria-valuetext={valueText}
      >
        <div className={`${styles.fill} ${level}`} style={{ width: `${area.ratio * 100}%` }} />
        <div className={styles.mark} style={{ left: `calc(${marks.wbk * 100}% - 1px)` }} data-mark="wbk" />
        <div className={styles.mark} style={{ left: `calc(${marks.wbbm * 100}% - 1px)` }} data-mark="wbbm" />
      </div>
    </div>
  );
}
