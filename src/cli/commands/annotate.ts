// lke-zi annotate <in.xlsx> -o <out.xlsx> [--role unit|tpi]
import * as fs from "node:fs";
import * as path from "node:path";
import { annotateWorkbook } from "../../app/annotateWorkbook";
import type { Role } from "../../domain/layout/findHeader";
import { XlsxGateway } from "../../xlsx/xlsxGateway";
import { parseArgs, UsageError } from "../args";
import { EXIT } from "../exitCodes";
import { readInputFile, writeOutputFile, type CliIo } from "../io";

export const ANNOTATE_FLAGS = {
  o: { free: true },
  output: { free: true },
  role: { values: ["unit", "tpi"] },
} as const;

export async function annotateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ANNOTATE_FLAGS);
  const out = (flags.get("o") ?? flags.get("output")) as string | undefined;
  if (positional.length !== 1 || !out) throw new UsageError("annotate memerlukan <masuk.xlsx> -o <keluar.xlsx> / annotate needs <in.xlsx> -o <out.xlsx>");
  const input = positional[0]!;
  if (fs.existsSync(out) && path.resolve(out) === path.resolve(input)) {
    throw new UsageError("berkas keluaran harus berbeda dari berkas masukan / the output file must differ from the input file");
  }
  const gateway = new XlsxGateway(readInputFile(input));
  const { analysis, plan } = await annotateWorkbook(gateway, { role: (flags.get("role") as Role | undefined) ?? "unit" });
  writeOutputFile(out, gateway.result());
  io.stdout(
    `Lembar "${plan.sheets[0]!.name}" dan ${plan.names.length} nama (ZI_NILAI_TOTAL, …) ditulis ke ${out}; ` +
      `butir dikenali ${analysis.model.questions.length - analysis.layout.unmatched.length} dari ${analysis.model.questions.length}.\n`,
  );
  return EXIT.ok;
}
