// Evidence links one at a time: where a cell's link is, what kind of link it is, and its normal form.
import { parseA1 } from "../../../src/domain/grid/address";
import type { CellValue, SheetGrid } from "../../../src/domain/grid/sheetGrid";
import {
  classifyLink,
  displayLink,
  hyperlinkFormulaTarget,
  linksInText,
  readCellEvidence,
  type LinkClass,
} from "../../../src/domain/validation/evidenceLinks";

const ID = "1Zu-e_vh46AKarvxKlJ3RqrRToPQ-O5wn";
const SHARED = `https://drive.google.com/file/d/${ID}/view?usp=sharing`;

const kindOf = (c: LinkClass) =>
  c.kind === "url" ? "url" : c.kind === "unsafe" ? `unsafe:${c.scheme}` : c.kind === "malformed" ? `malformed:${c.reason}` : `not-url:${c.reason}`;

describe("classifying one link", () => {
  it.each([
    [SHARED, "url"],
    [`https://drive.google.com/file/d/${ID}`, "url"],
    [`https://drive.google.com/drive/folders/${ID}?usp=drive_link`, "url"],
    [`https://drive.google.com/drive/u/1/folders/${ID}`, "url"],
    [`https://drive.google.com/open?id=${ID}`, "url"],
    [`https://drive.google.com/uc?export=download&id=${ID}`, "url"],
    [`https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-abcde/edit?usp=sharing`, "url"],
    [`https://docs.google.com/spreadsheets/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-abcde/edit#gid=0`, "url"],
    ["https://e-sakip.tangerangselatankota.go.id/", "url"],
    ["http://127.0.0.1:8080/bukti/sk.pdf", "url"],
    ["https://x.go.id/a", "url"],
  ])("%s is a usable http(s) link", (raw, kind) => {
    expect(kindOf(classifyLink(raw))).toBe(kind);
  });

  it.each([
    ["terlampir", "not-url:text"],
    ["ada", "not-url:text"],
    ["Dokumen terlampir pada folder ZI", "not-url:text"],
    ["C:\\Users\\budi\\Documents\\Bukti ZI\\SK Tim.pdf", "not-url:local-path"],
    ["D:/bukti/sk.pdf", "not-url:local-path"],
    ["/home/budi/bukti.pdf", "not-url:local-path"],
    ["bukti/sk-tim.pdf", "not-url:relative-path"],
    ["..\\Bukti Dukung\\a.pdf", "not-url:relative-path"],
    ["SK Tim Kerja 2024.pdf", "not-url:relative-path"],
    ["www.example.go.id", "not-url:missing-scheme"],
    ["drive.google.com/file/d/abc", "not-url:missing-scheme"],
    ["bkn.go.id/layanan", "not-url:missing-scheme"],
    ["mailto:zi@example.go.id", "not-url:other-scheme"],
    ["ftp://files.example.go.id/a.pdf", "not-url:other-scheme"],
    ["#'LKE ZI'!A1", "not-url:internal"],
  ])("%s is not an http(s) link (%s)", (raw, kind) => {
    expect(kindOf(classifyLink(raw, "text"))).toBe(kind);
  });

  it("names the missing scheme and the other scheme", () => {
    expect(classifyLink("www.example.go.id")).toEqual({ kind: "not-url", reason: "missing-scheme" });
    expect(classifyLink("mailto:zi@example.go.id")).toEqual({ kind: "not-url", reason: "other-scheme", scheme: "mailto" });
  });

  it.each([
    ["\\\\srv\\bukti\\a.pdf", "unsafe:unc"],
    ["\\\\192.168.1.5\\share", "unsafe:unc"],
    ["JavaScript:alert(1)", "unsafe:javascript"],
    ["  javascript:void(0)", "unsafe:javascript"],
    ["vbscript:msgbox(1)", "unsafe:vbscript"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "unsafe:data"],
    ["file:///C:/bukti/a.pdf", "unsafe:file"],
    ["FILE://srv/share/a.pdf", "unsafe:file"],
    ["smb://srv/share/a.pdf", "unsafe:smb"],
  ])("%s is unsafe, typed or linked", (raw, kind) => {
    expect(kindOf(classifyLink(raw, "text"))).toBe(kind);
    expect(kindOf(classifyLink(raw, "hyperlink"))).toBe(kind);
  });

  it("follows a browser in a link target (a tab inside the scheme), but not prose in typed text", () => {
    expect(kindOf(classifyLink("java\tscript:alert(1)", "hyperlink"))).toBe("unsafe:javascript");
    expect(kindOf(classifyLink("Data: SK Tim terlampir", "text"))).toBe("not-url:text");
    expect(kindOf(classifyLink("File: laporan kegiatan", "text"))).toBe("not-url:text");
    expect(kindOf(classifyLink("Catatan: terlampir", "text"))).toBe("not-url:text");
  });

  it.each([
    ["https://drive.google.com/drive/my-drive", "malformed:no-id"],
    ["https://drive.google.com/drive/recent", "malformed:no-id"],
    ["https://drive.google.com/drive/u/0/home", "malformed:no-id"],
    ["https://drive.google.com/drive/shared-with-me", "malformed:no-id"],
    ["https://drive.google.com/", "malformed:no-id"],
    ["https://drive.google.com/drive/folders/", "malformed:no-id"],
    ["https://drive.google.com/file/d//view?usp=sharing", "malformed:no-id"],
    ["https://drive.google.com/open?id=", "malformed:no-id"],
    ["https://drive.google.com/file/d/abc", "malformed:short-id"],
    ["https://drive.google.com/file/d/1Zu-e_vh46/view", "malformed:short-id"],
    ["https://drive.google.com/drive/folders/abc?usp=sharing", "malformed:short-id"],
    ["https://docs.google.com/document/u/0/", "malformed:no-id"],
    ["https://docs.google.com/spreadsheets/d/", "malformed:no-id"],
    ["https://docs.google.com/presentation/d/xyz/edit", "malformed:short-id"],
    [`https://drive.google.com/file/d/1Zu-e_vh46 AKarvxKlJ3RqrRToPQ-O5wn/view?usp=sharing`, "malformed:whitespace"],
    [`https://drive.google.com/file/d/${ID}/view\n?usp=sharing`, "malformed:whitespace"],
    [`https:/drive.google.com/file/d/${ID}/view`, "malformed:incomplete"],
    ["https://", "malformed:incomplete"],
    ["http//x.go.id/a", "malformed:incomplete"],
    ["https://bukti/sk.pdf", "malformed:host"],
    ["https://x.go.id:80a/", "malformed:host"],
    ["https://x..go.id/", "malformed:host"],
  ])("%s is broken (%s)", (raw, kind) => {
    expect(kindOf(classifyLink(raw))).toBe(kind);
  });
});

describe("the normal form of a link", () => {
  const norm = (raw: string) => {
    const c = classifyLink(raw);
    if (c.kind !== "url") throw new Error(`${raw}: ${kindOf(c)}`);
    return c.normalized;
  };

  it("makes one Drive file shared in different ways one link", () => {
    const forms = [
      SHARED,
      `https://drive.google.com/file/d/${ID}/view?usp=drive_link`,
      `https://Drive.Google.com/file/d/${ID}/`,
      `https://drive.google.com/file/d/${ID}/edit`,
      `https://drive.google.com/open?id=${ID}&usp=sharing`,
      `HTTPS://drive.google.com/u/0/file/d/${ID}/view`,
    ];
    expect(new Set(forms.map(norm))).toEqual(new Set([`https://drive.google.com/open?id=${ID}`]));
    expect(norm(`https://drive.google.com/file/d/${ID.replace("Zu", "Zv")}/view`)).not.toBe(norm(SHARED));
  });

  it("lowercases scheme and host, strips trailing slashes and default ports, keeps the path's case", () => {
    expect(norm("HTTPS://X.GO.ID/Bukti/A/")).toBe("https://x.go.id/Bukti/A");
    expect(norm("https://x.go.id:443/a//")).toBe("https://x.go.id/a");
    expect(norm("http://x.go.id:8080/a")).toBe("http://x.go.id:8080/a");
    // usp is Drive's; elsewhere a parameter is part of the address.
    expect(norm("https://x.go.id/a?usp=sharing")).toBe("https://x.go.id/a?usp=sharing");
  });

  it("shortens long links for messages", () => {
    expect(displayLink(`https://x.go.id/${"a".repeat(200)}`)).toHaveLength(120);
    expect(displayLink(" a\n b ")).toBe("a b");
  });
});

describe("the target of a HYPERLINK() formula", () => {
  const cells: Record<string, string> = { R5: "https://x.go.id/r5", S1: "sk.pdf", T1: "" };
  const read = (a1: string) => cells[a1] ?? "";

  it.each([
    ['HYPERLINK("https://x.go.id/a","bukti")', "https://x.go.id/a"],
    ['=HYPERLINK("https://x.go.id/a","bukti")', "https://x.go.id/a"],
    ['=hyperlink( "https://x.go.id/a" ; "bukti")', "https://x.go.id/a"],
    ['HYPERLINK("https://x.go.id/a?q=""b""")', 'https://x.go.id/a?q="b"'],
    ['IFERROR(HYPERLINK("https://x.go.id/a"),"")', "https://x.go.id/a"],
    ['_xlfn.HYPERLINK("https://x.go.id/a")', "https://x.go.id/a"],
    ['HYPERLINK(R5,"bukti")', "https://x.go.id/r5"],
    ["HYPERLINK($R$5)", "https://x.go.id/r5"],
    ['HYPERLINK("https://x.go.id/bukti/"&S1,"SK")', "https://x.go.id/bukti/sk.pdf"],
    ["HYPERLINK(T1)", ""],
  ])("%s → %s", (formula, target) => {
    expect(hyperlinkFormulaTarget(formula, read)).toBe(target);
  });

  it("cannot know a target on another sheet or computed by a function", () => {
    expect(hyperlinkFormulaTarget("HYPERLINK('Daftar Bukti'!B3,\"x\")", read)).toBeNull();
    expect(hyperlinkFormulaTarget("HYPERLINK(Bukti!B3)", read)).toBeNull();
    expect(hyperlinkFormulaTarget('HYPERLINK(CONCAT("https://",S1))', read)).toBeNull();
    expect(hyperlinkFormulaTarget("HYPERLINK(R5)")).toBeNull(); // no way to read cells
  });

  it("finds no HYPERLINK where there is none, nor inside a string", () => {
    expect(hyperlinkFormulaTarget("SUM(A1:A3)")).toBeUndefined();
    expect(hyperlinkFormulaTarget('"HYPERLINK(""x"")"&A1')).toBeUndefined();
    expect(hyperlinkFormulaTarget("MYHYPERLINK(\"https://x.go.id\")")).toBeUndefined();
  });
});

describe("links in typed text", () => {
  const raws = (text: string, mode: "links" | "description" = "links") => linksInText(text, mode).map((c) => c.raw);

  it("finds every http(s) link, one per line or separated by commas, without surrounding punctuation", () => {
    expect(raws("1. https://a.go.id/x\n2. https://b.go.id/y")).toEqual(["https://a.go.id/x", "https://b.go.id/y"]);
    expect(raws("https://a.go.id/x,https://b.go.id/y")).toEqual(["https://a.go.id/x", "https://b.go.id/y"]);
    expect(raws("(lihat https://a.go.id/x).")).toEqual(["https://a.go.id/x"]);
    expect(raws("Tautan:https://a.go.id/x")).toEqual(["https://a.go.id/x"]);
  });

  it("keeps a link cut by a space whole, so that it is reported as broken", () => {
    expect(raws("https://drive.google.com/file/d/1Zu-e_vh46 AKarvxKlJ3RqrRToPQ-O5wn/view?usp=sharing")).toEqual([
      "https://drive.google.com/file/d/1Zu-e_vh46 AKarvxKlJ3RqrRToPQ-O5wn/view?usp=sharing",
    ]);
    expect(raws(`https://drive.google.com/file/d/ ${ID}/view`)).toEqual([`https://drive.google.com/file/d/ ${ID}/view`]);
    // …but not a link followed by prose.
    expect(raws("https://a.go.id/x dan/atau laporan", "description")).toEqual(["https://a.go.id/x"]);
  });

  it("in an evidence column, also takes a path or an unsafe target; in a description column only http(s) links", () => {
    expect(raws("Lihat \\\\srv\\bukti\\a b.pdf")).toEqual(["\\\\srv\\bukti\\a b.pdf"]);
    expect(raws("ada di C:\\Users\\budi\\x.pdf")).toEqual(["C:\\Users\\budi\\x.pdf"]);
    expect(raws("Lihat \\\\srv\\bukti\\a.pdf", "description")).toEqual([]);
    expect(raws("Data: SK Tim")).toEqual([]);
  });
});

describe("reading one cell", () => {
  function grid(cells: Record<string, { v?: CellValue; f?: string; h?: string }>): SheetGrid {
    const g: SheetGrid = { name: "LKE", visibility: "visible", values: [], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 20, colCount: 20 };
    for (const [a1, c] of Object.entries(cells)) {
      const { row, col } = parseA1(a1);
      (g.values[row] ??= [])[col] = c.v ?? null;
      if (c.f) (g.formulas[row] ??= [])[col] = c.f;
      if (c.h) g.hyperlinks[a1] = c.h;
    }
    return g;
  }
  const at = (a1: string) => [parseA1(a1).row, parseA1(a1).col] as const;
  const summary = (sheet: SheetGrid, a1: string, mode: "links" | "description" = "links") => {
    const e = readCellEvidence(sheet, ...at(a1), mode);
    return { filled: e.filled, opaque: e.opaque, links: e.links.map((l) => [l.source, kindOf(l.class)]) };
  };

  const sheet = grid({
    A1: { v: "Bukti SK", h: SHARED },
    A2: { v: SHARED, h: SHARED },
    A3: { v: "bukti", f: 'HYPERLINK("https://x.go.id/a","bukti")' },
    A4: { v: "terlampir" },
    A5: { v: " - " },
    A6: { v: "bukti", f: "HYPERLINK(Lain!B2,\"bukti\")" },
    A7: { v: `1. ${SHARED}\n2. https://drive.google.com/drive/my-drive` },
    A8: { v: "bukti", f: 'HYPERLINK(B8,"bukti")' },
    B8: { v: "javascript:alert(1)" },
    A9: { v: "bukti", f: 'HYPERLINK(B9,"bukti")' },
    A10: { v: "C:\\bukti\\sk.pdf", h: "C:\\bukti\\sk.pdf" },
    A11: { v: "Daftar hadir rapat, lihat www.example.go.id" },
    A13: { v: "", f: 'IF(K13="","",K13)' },
  });

  it("takes the hyperlink, not the text it shows, and counts a link shown as its own text once", () => {
    expect(summary(sheet, "A1")).toEqual({ filled: true, opaque: false, links: [["hyperlink", "url"]] });
    expect(summary(sheet, "A2")).toEqual({ filled: true, opaque: false, links: [["hyperlink", "url"]] });
  });

  it("takes a HYPERLINK() target, literal or by reference, and leaves the friendly name alone", () => {
    expect(summary(sheet, "A3")).toEqual({ filled: true, opaque: false, links: [["formula", "url"]] });
    expect(summary(sheet, "A8")).toEqual({ filled: true, opaque: false, links: [["formula", "unsafe:javascript"]] });
    expect(summary(sheet, "A9")).toEqual({ filled: true, opaque: false, links: [["formula", "malformed:incomplete"]] });
    expect(summary(sheet, "A6")).toEqual({ filled: true, opaque: true, links: [] });
  });

  it("judges typed text as a link in the evidence column only", () => {
    expect(summary(sheet, "A4")).toEqual({ filled: true, opaque: false, links: [["text", "not-url:text"]] });
    expect(summary(sheet, "A4", "description")).toEqual({ filled: true, opaque: false, links: [] });
    expect(summary(sheet, "A11")).toEqual({ filled: true, opaque: false, links: [["text", "not-url:missing-scheme"]] });
  });

  it("takes a dash as empty and every link of a cell", () => {
    expect(summary(sheet, "A5")).toEqual({ filled: false, opaque: false, links: [] });
    expect(summary(sheet, "A12")).toEqual({ filled: false, opaque: false, links: [] });
    expect(summary(sheet, "A13")).toEqual({ filled: false, opaque: false, links: [] });
    expect(summary(sheet, "A7")).toEqual({ filled: true, opaque: false, links: [["text", "url"], ["text", "malformed:no-id"]] });
    expect(summary(sheet, "A7", "description").links).toHaveLength(2);
  });

  it("reports a local hyperlink once, not again for its shown text", () => {
    expect(summary(sheet, "A10")).toEqual({ filled: true, opaque: false, links: [["hyperlink", "not-url:local-path"]] });
  });
});
