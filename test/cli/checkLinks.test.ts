// --check-links against a local HTTP server on 127.0.0.1 only: statuses, redirects, HEAD refused, a route that
// never answers, the concurrency bound, and the report command end to end. Name resolution is replaced by a
// function that resolves nothing, so no test can reach any other address.
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { checkEvidenceLinks, probeUrl, probeUrls, type LinkCheckOptions } from "../../src/cli/checkLinks";
import { reportCommand } from "../../src/cli/commands/report";
import type { ReportJson } from "../../src/app/reportJson";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke } from "../../src/domain/report/analyzeLke";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { generateWorkbook } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { CLEAN, randomAnswers } from "../support/generator/randomAnswers";

interface Hit {
  method: string;
  url: string;
}

const hits: Hit[] = [];
const lookedUp: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
let server: http.Server;
let base: string;

/** Resolves nothing: any host name other than the IP literal 127.0.0.1 fails as an unknown host. */
const noLookup = ((hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null) => void) => {
  lookedUp.push(hostname);
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
}) as unknown as LookupFunction;

const opts = (o: LinkCheckOptions = {}): LinkCheckOptions => ({ timeoutMs: 2000, lookup: noLookup, ...o });

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? "/";
  hits.push({ method: req.method ?? "", url });
  const send = (status: number, headers: Record<string, string> = {}) => {
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : "body");
  };
  let m: RegExpExecArray | null;
  if (url.startsWith("/ok")) return send(200);
  if (url === "/missing") return send(404);
  if (url === "/error") return send(500);
  if (url === "/unavailable") return send(503);
  if (url === "/forbidden") return send(403);
  if (url === "/limited") return send(429);
  if (url === "/head-405") return send(req.method === "HEAD" ? 405 : 200);
  if (url === "/head-501") return send(req.method === "HEAD" ? 501 : 200);
  if (url === "/head-405-get-404") return send(req.method === "HEAD" ? 405 : 404);
  if ((m = /^\/chain\/(\d+)$/.exec(url))) {
    const n = Number(m[1]);
    return n === 0 ? send(200) : send(302, { location: `/chain/${n - 1}` });
  }
  if (url === "/relative") return send(301, { location: "ok/relative" });
  if (url === "/to-missing") return send(307, { location: `${base}/missing` });
  if (url === "/loop") return send(302, { location: "/loop" });
  if (url === "/to-signin") return send(302, { location: "https://accounts.google.com/ServiceLogin?continue=x" });
  if (url === "/to-ftp") return send(302, { location: "ftp://127.0.0.1/x" });
  if (url.startsWith("/slow")) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      send(200);
    }, 60);
    return;
  }
  if (url === "/hang") return; // never answers
  send(404);
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits.length = 0;
  lookedUp.length = 0;
});

afterEach(() => {
  // Only the local server was asked; the only names looked up are the ones a test makes up.
  expect(lookedUp.filter((h) => !h.endsWith(".invalid"))).toEqual([]);
});

describe("probing one link", () => {
  it.each([
    ["/ok", true, 200],
    ["/missing", false, 404],
    ["/forbidden", false, 403],
    ["/error", false, 500],
  ])("%s answers ok=%s with %s", async (route, ok, status) => {
    expect(await probeUrl(`${base}${route}`, opts())).toMatchObject({ ok, status });
    expect(hits.map((h) => h.method)).toEqual(["HEAD"]); // one request: 4xx/500 are not retried
  });

  it("retries a 503 once, and only once", async () => {
    expect(await probeUrl(`${base}/unavailable`, opts())).toMatchObject({ ok: false, status: 503 });
    expect(hits).toHaveLength(2);
    hits.length = 0;
    await probeUrl(`${base}/unavailable`, opts({ retries: 5 }));
    expect(hits).toHaveLength(2);
  });

  it("follows a redirect chain of up to 5, relative or absolute, and reports where it ends", async () => {
    expect(await probeUrl(`${base}/chain/5`, opts())).toEqual({ ok: true, status: 200, finalUrl: `${base}/chain/0` });
    expect(hits.map((h) => h.url)).toEqual(["/chain/5", "/chain/4", "/chain/3", "/chain/2", "/chain/1", "/chain/0"]);
    expect(await probeUrl(`${base}/relative`, opts())).toEqual({ ok: true, status: 200, finalUrl: `${base}/ok/relative` });
    expect(await probeUrl(`${base}/to-missing`, opts())).toMatchObject({ ok: false, status: 404 });
  });

  it("gives up after 5 redirects, and on a loop", async () => {
    expect(await probeUrl(`${base}/chain/6`, opts())).toMatchObject({ ok: false, status: "too-many-redirects" });
    expect(hits).toHaveLength(6);
    expect(await probeUrl(`${base}/loop`, opts())).toMatchObject({ ok: false, status: "too-many-redirects" });
    expect(await probeUrl(`${base}/chain/2`, opts({ maxRedirects: 1 }))).toMatchObject({ ok: false, status: "too-many-redirects" });
  });

  it("stops at a redirect to a sign-in page or to something other than http(s), without following it", async () => {
    expect(await probeUrl(`${base}/to-signin`, opts())).toMatchObject({ ok: false, status: "login" });
    expect(await probeUrl(`${base}/to-ftp`, opts())).toMatchObject({ ok: false, status: "bad-redirect" });
    expect(hits.map((h) => h.url)).toEqual(["/to-signin", "/to-ftp"]);
  });

  it("asks with GET where HEAD is refused with 405 or 501", async () => {
    expect(await probeUrl(`${base}/head-405`, opts())).toMatchObject({ ok: true, status: 200 });
    expect(hits.map((h) => h.method)).toEqual(["HEAD", "GET"]);
    expect(await probeUrl(`${base}/head-501`, opts())).toMatchObject({ ok: true, status: 200 });
    expect(await probeUrl(`${base}/head-405-get-404`, opts())).toMatchObject({ ok: false, status: 404 });
  });

  it("gives up on a route that never answers at the deadline (one retry), not later", async () => {
    const started = Date.now();
    expect(await probeUrl(`${base}/hang`, opts({ timeoutMs: 150 }))).toMatchObject({ ok: false, status: "timeout" });
    const elapsed = Date.now() - started;
    expect(hits).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });

  it("reports an unknown host and a refused connection", async () => {
    expect(await probeUrl("http://bukti-zi.invalid/sk.pdf", opts())).toMatchObject({ ok: false, status: "dns" });
    expect(lookedUp).toEqual(["bukti-zi.invalid"]); // not retried
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await probeUrl(`http://127.0.0.1:${port}/x`, opts())).toMatchObject({ ok: false, status: "connection-refused" });
  });

  it("refuses what is not an http(s) link without asking anyone", async () => {
    expect(await probeUrl("javascript:alert(1)", opts())).toMatchObject({ ok: false, status: "invalid" });
    expect(await probeUrl("not a link", opts())).toMatchObject({ ok: false, status: "invalid" });
    expect(hits).toEqual([]);
  });
});

describe("probing many links", () => {
  it("asks each distinct link once, at most `concurrency` at a time", async () => {
    maxInFlight = 0;
    const links = Array.from({ length: 12 }, (_, i) => `${base}/slow/${i}`);
    const result = await probeUrls([...links, ...links], opts({ concurrency: 3 }));
    expect(result.size).toBe(12);
    expect([...result.values()].every((p) => p.ok)).toBe(true);
    expect(hits).toHaveLength(12);
    expect(maxInFlight).toBe(3);
  });

  it("ends quickly although one link never answers", async () => {
    const started = Date.now();
    const result = await probeUrls([`${base}/hang`, `${base}/ok/a`, `${base}/missing`, `${base}/slow/x`], opts({ timeoutMs: 200, concurrency: 8 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(Object.fromEntries([...result].map(([k, v]) => [k.slice(base.length), v.status]))).toEqual({
      "/hang": "timeout",
      "/ok/a": 200,
      "/missing": 404,
      "/slow/x": 200,
    });
  });
});

describe("evidence.unreachable on a workbook", () => {
  const model = loadModel();
  const answers = randomAnswers(model, seededRandom(7), CLEAN);
  const codes = model.questions.map((q) => q.code);
  const broken: Record<string, string> = { [codes[3]!]: "/missing", [codes[10]!]: "/error", [codes[20]!]: "/hang", [codes[30]!]: "/limited" };

  async function workbook(routes: Record<string, string>) {
    const linkOf = (code: string) => `${base}${routes[code] ?? `/ok/${codes.indexOf(code)}`}`;
    return generateWorkbook(model, {
      layout: "lampiran-iii",
      answers,
      evidence: (code) => ({ link: linkOf(code), asFormula: codes.indexOf(code) % 2 === 0, text: "Laporan kegiatan" }),
    });
  }

  it("reports every link that does not open at its cell, with its status, asking each link once", async () => {
    const { bytes, sheet } = await workbook(broken);
    const analysis = analyzeLke(await readXlsx(bytes), model);
    if (!("scores" in analysis)) throw new Error(analysis.kind);
    expect(analysis.findings.filter((f) => f.rule.startsWith("evidence."))).toEqual([]); // all well-formed
    // A deadline generous enough that a loaded CI machine answers every good link in time (a late answer would
    // be retried and asked twice); the hanging link still ends the run within it.
    const findings = await checkEvidenceLinks(analysis, opts({ timeoutMs: 2000 }));
    const cell = (code: string) => `${sheet.columns.get("evidence:unit")}${sheet.rows.get(code)}`;
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.item, f.params.status])).toEqual([
      ["evidence.unreachable", "warning", cell(codes[3]!), codes[3], 404],
      ["evidence.unreachable", "warning", cell(codes[10]!), codes[10], 500],
      ["evidence.unreachable", "warning", cell(codes[20]!), codes[20], "timeout"],
      // 429 says the server is busy, not that the link is broken: not reported.
    ]);
    expect(findings[0]!.params.value).toBe(`${base}/missing`);
    expect(new Set(hits.filter((h) => h.url.startsWith("/ok/")).map((h) => h.url)).size).toBe(hits.filter((h) => h.url.startsWith("/ok/")).length);
    expect(hits.filter((h) => h.url.startsWith("/ok/"))).toHaveLength(codes.length - 4);
  });

  it("lke-zi report asks no one without --check-links, and reports unreachable links with it", async () => {
    // The report command uses the default 5 s deadline: no hanging link here.
    const { bytes, sheet } = await workbook({ [codes[3]!]: "/missing", [codes[10]!]: "/error" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-links-"));
    const file = path.join(dir, "lke.xlsx");
    try {
      fs.writeFileSync(file, bytes);
      const run = async (...flags: string[]) => {
        let out = "";
        const code = await reportCommand([file, "--json", ...flags], { stdout: (t) => (out += t), stderr: () => undefined });
        return { code, report: JSON.parse(out) as ReportJson };
      };
      const off = await run();
      expect(off.code).toBe(0);
      expect(hits).toEqual([]);
      expect(off.report.findings.filter((f) => f.rule === "evidence.unreachable")).toEqual([]);
      const on = await run("--check-links");
      expect(on.code).toBe(0);
      const cell = (code: string) => `${sheet.columns.get("evidence:unit")}${sheet.rows.get(code)}`;
      const unreachable = on.report.findings.filter((f) => f.rule === "evidence.unreachable");
      expect(unreachable.map((f) => [f.cell, f.item, f.severity])).toEqual([
        [cell(codes[3]!), codes[3], "warning"],
        [cell(codes[10]!), codes[10], "warning"],
      ]);
      expect(unreachable[0]!.message).toContain("HTTP 404");
      expect(hits.length).toBeGreaterThan(100);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
