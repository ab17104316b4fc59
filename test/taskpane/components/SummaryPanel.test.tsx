import { screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { formatScore } from "../../../src/i18n/formatNumber";
import { SummaryPanel } from "../../../src/taskpane/components/SummaryPanel";
import { summaryView } from "../../../src/taskpane/state/paneSelectors";
import { bundledAnalysis, renderInPane } from "../support/fixtures";

describe("SummaryPanel", () => {
  it("shows the total, Pengungkit and Hasil with id-ID numbers, the verdicts and the six areas", async () => {
    const a = await bundledAnalysis();
    renderInPane(<SummaryPanel summary={summaryView(a, false)} />);
    expect(screen.getByTestId("total-value").textContent).toBe(formatScore(a.scores.total, "id"));
    expect(screen.getByTestId("total-value").textContent).toMatch(/^\d+,\d{2}$/);
    expect(screen.getByText(formatScore(a.scores.pengungkit, "id"))).toBeTruthy();
    expect(screen.getByTestId("badge-wbk").textContent).toBe("WBK: belum memenuhi");
    const meters = screen.getAllByRole("meter");
    expect(meters).toHaveLength(6);
    expect(meters[0]!.getAttribute("aria-label")).toBe("1. Manajemen Perubahan");
    expect(meters[0]!.getAttribute("aria-valuemax")).toBe("8");
    expect(screen.getByText(/Garis tegak: 60% \(batas WBK\) dan 75% \(batas WBBM\)/)).toBeTruthy();
    const answered = [...a.items.values()].filter((s) => s.status === "answered").length;
    expect(answered).toBeLessThan(a.model.questions.length);
    expect(screen.getByText(`${answered} dari ${a.model.questions.length} butir terjawab`)).toBeTruthy();
    expect(screen.getByText(/jawaban bernilai memiliki bukti dukung/)).toBeTruthy();
  });

  it("speaks English when asked", async () => {
    const a = await bundledAnalysis();
    renderInPane(<SummaryPanel summary={summaryView(a, false)} />, "en");
    expect(screen.getByText("Total score")).toBeTruthy();
    expect(screen.getByTestId("total-value").textContent).toBe(formatScore(a.scores.total, "en"));
    expect(screen.getByTestId("badge-wbk").textContent).toBe("WBK: not yet eligible");
  });

  it("has no accessibility violations", async () => {
    const a = await bundledAnalysis();
    const { container } = renderInPane(<SummaryPanel summary={summaryView(a, false)} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
