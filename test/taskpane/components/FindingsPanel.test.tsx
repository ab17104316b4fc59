import { fireEvent, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { useState } from "react";
import type { Finding } from "../../../src/domain/validation/finding";
import type { LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { FindingsPanel } from "../../../src/taskpane/components/FindingsPanel";
import { ALL_SEVERITIES, type FindingFilter } from "../../../src/taskpane/state/paneReducer";
import { findingsView } from "../../../src/taskpane/state/paneSelectors";
import { bundledAnalysis, renderInPane } from "../support/fixtures";

function Harness({ a, onShowFinding }: { a: LkeAnalysis; onShowFinding(f: Finding): void }) {
  const [filter, setFilter] = useState<FindingFilter>({ severities: ALL_SEVERITIES, area: "all" });
  return <FindingsPanel view={findingsView(a, filter)} filter={filter} onFilterChange={setFilter} onShowFinding={onShowFinding} canSelectCells />;
}

describe("FindingsPanel", () => {
  it("groups findings by area, errors open first, and tells the count shown", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} onShowFinding={() => {}} />);
    expect(screen.getByText(`Menampilkan ${a.findings.length} dari ${a.findings.length} temuan`)).toBeTruthy();
    expect(screen.getByRole("button", { name: /^1\. Manajemen Perubahan/ })).toBeTruthy();
    const errors = a.findings.filter((f) => f.severity === "error");
    expect(screen.getByRole("button", { name: `Galat (${errors.length})` }).getAttribute("aria-pressed")).toBe("true");
  });

  it("filters by severity and by area", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} onShowFinding={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: /^Peringatan \(/ }));
    const errors = a.findings.filter((f) => f.severity === "error").length;
    expect(screen.getByText(`Menampilkan ${errors} dari ${a.findings.length} temuan`)).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Area" }), { target: { value: "1" } });
    const inArea1 = a.findings.filter((f) => f.severity === "error" && a.model.parentOf.get(f.item ?? "")?.area === 1).length;
    expect(screen.getByText(`Menampilkan ${inArea1} dari ${a.findings.length} temuan`)).toBeTruthy();
    if (inArea1 === 0) expect(screen.getByText("Tidak ada temuan untuk saringan ini.")).toBeTruthy();
  });

  it("hands the chosen finding to the pane (which selects its cell in Excel)", async () => {
    const a = await bundledAnalysis();
    const onShow = jest.fn();
    const { container } = renderInPane(<Harness a={a} onShowFinding={onShow} />);
    const first = a.findings.find((f) => f.severity === "error" && f.cell)!;
    const button = container.querySelector(`button[data-cell="${first.cell}"][data-rule="${first.rule}"]`) as HTMLButtonElement;
    expect(within(button).getByText(`Sel ${first.cell}`)).toBeTruthy();
    fireEvent.click(button);
    expect(onShow).toHaveBeenCalledWith(first);
  });

  it("says so when there is nothing to report", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={{ ...a, findings: [] }} onShowFinding={() => {}} />);
    expect(screen.getByText(/Tidak ada temuan\./)).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const a = await bundledAnalysis();
    const { container } = renderInPane(<Harness a={a} onShowFinding={() => {}} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
