// The pane's look: Fluent v9's web themes with Excel's green as the brand colour, light or dark as Office
// is (Office.context.officeTheme), or as the browser prefers outside Office (standalone mode).
import { createDarkTheme, createLightTheme, type BrandVariants, type Theme } from "@fluentui/react-components";

/** A 16-step ramp around Excel's green (#107C41 at 80, the primary buttons' colour: 5.2:1 with white text). */
export const EXCEL_BRAND: BrandVariants = {
  10: "#020904",
  20: "#0B2415",
  30: "#0F3A21",
  40: "#114D2B",
  50: "#125F34",
  60: "#11703B",
  70: "#0F7A3F",
  80: "#107C41",
  90: "#2A8A55",
  100: "#43986A",
  110: "#5BA67E",
  120: "#73B592",
  130: "#8CC4A6",
  140: "#A6D3BB",
  150: "#C0E2CF",
  160: "#DBF0E4",
};

const light = createLightTheme(EXCEL_BRAND);
const dark: Theme = { ...createDarkTheme(EXCEL_BRAND), colorBrandForeground1: EXCEL_BRAND[110], colorBrandForeground2: EXCEL_BRAND[120] };

export interface OfficeThemeInfo {
  isDarkTheme?: boolean;
}

/** The theme for Office's own theme, else for the browser's colour scheme. */
export function paneTheme(officeTheme: OfficeThemeInfo | undefined, prefersDark: boolean): Theme {
  const isDark = officeTheme?.isDarkTheme ?? prefersDark;
  return isDark ? dark : light;
}
