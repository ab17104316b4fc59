import { fireEvent, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { useState } from "react";
import type { AnswerChange } from "../../../src/domain/gaps/whatIf";
import type { LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { GuidePanel } from "../../../src/taskpane/components/GuidePanel";
import { guideItems, guideView } from "../../../src/taskpane/state/paneSelectors";
import { bundledAnalysis, renderInPane } from "../support/fixtures";

function Harness({ a, initial, onTry }: { a: LkeAnalysis; initial?: string; onTry?(c: AnswerChange): void }) {
  const [selected, setSelected] = useState<string | undefined>(initial);
  const view = selected ? guideView(a, selected) : undefined;
  return (
    <GuidePanel
      items={guideItems(a)}
      areaNames={Object.fromEntries(a.model.areas.map((x) => [String(x.no), x.name]))}
      {...(selected ? { selected } : {})}
      {...(view ? { view } : {})}
      trial={[]}
      followsSelection
      onPick={setSelected}
      onTry={(c) => onTry?.(c)}
      onShowFinding={() => {}}
    />
  );
}

describe("GuidePanel", () => {
  it("asks for an item until one is chosen, and follows Excel's selection", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} />);
    expect(screen.getByText("Pilih baris pertanyaan di lembar LKE, atau pilih butir di atas.")).toBeTruthy();
    expect(screen.getByText("Panduan mengikuti baris yang dipilih di Excel.")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: /Butir LKE/ }), { target: { value: "A.I.3.v.a" } });
    expect(screen.getByRole("heading", { name: /A\.I\.3\.v\.a/ })).toBeTruthy();
  });

  it("shows the question, its criteria, the current answer and each option's effect on the total", async () => {
    const a = await bundledAnalysis();
    const onTry = jest.fn();
    const { container } = renderInPane(<Harness a={a} initial="A.I.3.v.a" onTry={onTry} />);
    const q = a.model.questionByCode.get("A.I.3.v.a")!;
    expect(screen.getByRole("heading", { name: new RegExp(q.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) })).toBeTruthy();
    expect(screen.getByText("Kriteria")).toBeTruthy();
    expect(screen.getByTestId("guide-current").textContent).toContain("D");
    const options = container.querySelectorAll("li[data-option]");
    expect(Array.from(options).map((o) => o.getAttribute("data-option"))).toEqual(["A", "B", "C", "D"]);
    expect(options[0]!.textContent).toMatch(/\+\d+,\d{2}/);
    expect(options[3]!.textContent).toContain("saat ini");
    fireEvent.click(screen.getByRole("button", { name: "Coba jawaban A" }));
    expect(onTry).toHaveBeenCalledWith({ item: "A.I.3.v.a", value: "A" });
    expect(screen.getByText("Bukti dukung")).toBeTruthy();
    expect(screen.getByText(/Diharapkan: dokumen yang menunjukkan kriteria/)).toBeTruthy();
  });

  it("shows a `%` item's counts and the effect of reaching 100%", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} initial="A.II.1.i.a" />);
    expect(screen.getByText("Isian jumlah")).toBeTruthy();
    expect(screen.getByText(/\(100%\): \+\d+,\d{2} pada nilai total\./)).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const a = await bundledAnalysis();
    const { container } = renderInPane(<Harness a={a} initial="A.I.3.v.a" />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
