// LibreOffice as an independent spreadsheet engine: recalculates every formula of .xlsx files on load
// (throwaway profile with OOXMLRecalcMode=0, so cached values are never trusted) and saves them again.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let available: boolean | undefined;

export function hasLibreOffice(): boolean {
  if (available === undefined) {
    const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
    available = r.status === 0;
  }
  return available;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculates the files with LibreOffice in one process; returns the paths of the recalculated copies. */
export function recalculate(files: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-lo-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
  fs.mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: 20 * 60_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, path.basename(f)));
}
