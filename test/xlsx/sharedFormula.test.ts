// Moving a shared formula to each cell of its group, as Excel copies a formula.
import { compileFormula, applyOffset, shiftFormula } from "../../src/xlsx/sharedFormula";

describe("shiftFormula", () => {
  it("shifts relative references and keeps the $-marked parts", () => {
    expect(shiftFormula("A1+$B$2+$C3+D$4", 2, 1)).toBe("B3+$B$2+$C5+E$4");
    expect(shiftFormula("SUM(L7:L12)/H6", 10, 0)).toBe("SUM(L17:L22)/H16");
    expect(shiftFormula("a1*2", 1, 0)).toBe("A2*2");
  });

  it("moves the template's nested IF down a column and leaves its string literals alone", () => {
    const master = 'IF(J46="Ya/Tidak",IF(K46="Ya",1,IF(K46="Tidak",0,"Blm Diisi")),IF(J46="%",IF(K46="","Blm Diisi",K46),"-"))';
    expect(shiftFormula(master, 1, 0)).toBe(
      'IF(J47="Ya/Tidak",IF(K47="Ya",1,IF(K47="Tidak",0,"Blm Diisi")),IF(J47="%",IF(K47="","Blm Diisi",K47),"-"))',
    );
  });

  it("never touches text inside string literals, even when it looks like a reference", () => {
    expect(shiftFormula('IF(A1="B2","C3 ""D4"" E5",A1&"F6")', 1, 1)).toBe('IF(B2="B2","C3 ""D4"" E5",B2&"F6")');
  });

  it("keeps sheet names, quoted or not, and shifts the reference after them", () => {
    expect(shiftFormula("Sheet1!A1+'LKE ZI'!$K$7+'Lembar A1'!B2", 1, 0)).toBe("Sheet1!A2+'LKE ZI'!$K$7+'Lembar A1'!B3");
    expect(shiftFormula("'It''s A1'!C3", 1, 0)).toBe("'It''s A1'!C4");
  });

  it("does not take functions or names for references", () => {
    expect(shiftFormula("LOG10(A1)+ATAN2(B1,C1)", 1, 0)).toBe("LOG10(A2)+ATAN2(B2,C2)");
    expect(shiftFormula("ABCD1+Tarif_2021+TRUE", 1, 0)).toBe("ABCD1+Tarif_2021+TRUE");
    expect(shiftFormula("1.5E+3*A1", 1, 0)).toBe("1.5E+3*A2");
  });

  it("shifts whole columns and whole rows as the two sides of a range", () => {
    expect(shiftFormula("SUM(A:A)+SUM($B:C)+SUM(2:3)+SUM($4:5)", 1, 1)).toBe("SUM(B:B)+SUM($B:D)+SUM(3:4)+SUM($4:6)");
  });

  it("leaves error literals and structured references as they are", () => {
    expect(shiftFormula("IFERROR(A1,#N/A)+#REF!+#DIV/0!", 1, 0)).toBe("IFERROR(A2,#N/A)+#REF!+#DIV/0!");
    expect(shiftFormula("SUM(Tabel1[[#This Row],[Nilai A1]])+A1", 1, 0)).toBe("SUM(Tabel1[[#This Row],[Nilai A1]])+A2");
  });

  it("turns a reference moved off the sheet into #REF!, as Excel does", () => {
    expect(shiftFormula("A2+B1", -1, 0)).toBe("A1+#REF!");
    expect(shiftFormula("XFD1", 0, 1)).toBe("#REF!");
  });

  it("returns the formula unchanged at offset zero, and the compiled form agrees with the one-off form", () => {
    expect(shiftFormula("a1+b2", 0, 0)).toBe("a1+b2");
    const compiled = compileFormula("SUM(K8:K12)*$H$7/COUNT(K8:K12)");
    for (const [dr, dc] of [
      [1, 0],
      [5, 2],
      [0, -3],
    ] as const) {
      expect(applyOffset(compiled, dr, dc)).toBe(shiftFormula("SUM(K8:K12)*$H$7/COUNT(K8:K12)", dr, dc));
    }
  });
});
