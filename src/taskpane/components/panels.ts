// The panels behind the Temuan, Kesenjangan and Panduan tabs: one lazily loaded chunk (see App.tsx).
export { FindingsPanel } from "./FindingsPanel";
export { GapPanel } from "./GapPanel";
export { GuidePanel } from "./GuidePanel";
export { RekapPanel } from "./RekapPanel";
export { ReviewPanel } from "./ReviewPanel";
