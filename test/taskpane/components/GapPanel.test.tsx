import { fireEvent, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { useState } from "react";
import type { Target } from "../../../src/domain/gaps/predicates";
import type { AnswerChange } from "../../../src/domain/gaps/whatIf";
import type { LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { GapPanel } from "../../../src/taskpane/components/GapPanel";
import { gapView } from "../../../src/taskpane/state/paneSelectors";
import { bundledAnalysis, renderInPane } from "../support/fixtures";

function Harness({ a, onTrial, onSelectCell }: { a: LkeAnalysis; onTrial?(t: AnswerChange[]): void; onSelectCell?(cell: string): void }) {
  const [target, setTarget] = useState<Target>("wbk");
  const [prior, setPrior] = useState(false);
  const [trial, setTrial] = useState<AnswerChange[]>([]);
  const update = (next: AnswerChange[]) => {
    setTrial(next);
    onTrial?.(next);
  };
  return (
    <GapPanel
      view={gapView(a, target, prior, trial)}
      priorWbk={prior}
      onTargetChange={setTarget}
      onPriorWbkChange={setPrior}
      onTry={(c) => update([...trial, c])}
      onUntry={(c) => update(trial.filter((x) => x.item !== c.item))}
      onTryAll={(cs) => update(cs)}
      onShowItem={() => {}}
      {...(onSelectCell ? { onSelectCell } : {})}
    />
  );
}

describe("GapPanel", () => {
  it("lists the WBK requirements not met with what each lacks, in id-ID numbers", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} />);
    expect(screen.getByText("Syarat yang belum terpenuhi")).toBeTruthy();
    expect(screen.getByText("Nilai total")).toBeTruthy();
    expect(screen.getByText(/— perlu 75,00 \(kurang \d+,\d{2}\)/)).toBeTruthy();
    expect(screen.getByText("Area 1. Manajemen Perubahan")).toBeTruthy();
    expect(screen.getByText(`Jalur termurah: ${a.paths.wbk.steps} langkah jawaban.`)).toBeTruthy();
    // IPAK is both a requirement not met and a Hasil value answers cannot reach.
    expect(screen.getAllByText("Indeks Persepsi Anti Korupsi (IPAK)")).toHaveLength(2);
    expect(screen.getByText("Nilai Hasil yang diperlukan (tidak dapat dicapai lewat jawaban)")).toBeTruthy();
  });

  it("tries one recommended change, then all of them, as what-if answers", async () => {
    const a = await bundledAnalysis();
    const onTrial = jest.fn();
    renderInPane(<Harness a={a} onTrial={onTrial} />);
    const first = a.paths.wbk.recommendations[0]!;
    fireEvent.click(screen.getAllByRole("button", { name: /^Coba: / })[0]!);
    expect(onTrial).toHaveBeenLastCalledWith([expect.objectContaining({ item: first.item })]);
    expect(screen.getAllByRole("button", { name: /^Dicoba: / })).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Coba semua" }));
    expect(onTrial.mock.lastCall![0]).toHaveLength(a.paths.wbk.recommendations.length);
    expect((screen.getByRole("button", { name: "Coba semua" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("switches to WBBM, where the prior WBK predicate is asked for", async () => {
    const a = await bundledAnalysis();
    renderInPane(<Harness a={a} />);
    fireEvent.click(screen.getByRole("radio", { name: "WBBM" }));
    expect(screen.getByText("Predikat WBK sebelumnya")).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: /Unit telah berpredikat WBK/ }));
    expect(screen.queryByText("Predikat WBK sebelumnya")).toBeNull();
    expect(screen.getByText(/— perlu 85,00/)).toBeTruthy();
  });

  it("selects a recommendation's cell in Excel where the pane can", async () => {
    const a = await bundledAnalysis();
    const onSelectCell = jest.fn();
    renderInPane(<Harness a={a} onSelectCell={onSelectCell} />);
    const cell = a.paths.wbk.recommendations[0]!.cell!;
    fireEvent.click(screen.getByRole("button", { name: `Menuju sel ${cell}` }));
    expect(onSelectCell).toHaveBeenCalledWith(cell);
  });

  it("says so when every requirement is met", async () => {
    const a = await bundledAnalysis();
    const met = { ...a, scores: { ...a.scores, total: 100, pengungkit: 60, ipak: 17.5, areas: a.scores.areas.map((x) => ({ ...x, total: x.max })) } };
    renderInPane(<Harness a={met} />);
    expect(screen.getByText("Semua syarat WBK terpenuhi.")).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const a = await bundledAnalysis();
    const { container } = renderInPane(<Harness a={a} onSelectCell={() => {}} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
