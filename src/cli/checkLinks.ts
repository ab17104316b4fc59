// `lke-zi report --check-links`: asks every distinct http(s) evidence link whether it opens, and reports those
// that do not (4xx/5xx, no answer in time, unknown host, …) as evidence.unreachable. The domain finds and judges
// the links; only this file talks to the network, with node:http/https, a short deadline per link, a bound on
// concurrent requests, at most one retry and at most a few redirects.
import * as http from "node:http";
import * as https from "node:https";
import type { LookupFunction } from "node:net";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import { collectEvidence } from "../domain/validation/checkEvidence";
import { displayLink } from "../domain/validation/evidenceLinks";
import type { Finding } from "../domain/validation/finding";

export interface LinkCheckOptions {
  /** Deadline of one attempt at a link, redirects included (ms). */
  timeoutMs?: number;
  /** Links asked at the same time. */
  concurrency?: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  /** Further attempts after a transient failure (timeout, reset, 502/503/504); at most 1. */
  retries?: number;
  /** Name resolution (tests resolve nothing, so that they contact no one). */
  lookup?: LookupFunction;
}

export const LINK_CHECK_DEFAULTS = { timeoutMs: 5000, concurrency: 8, maxRedirects: 5, retries: 1 } as const;

/** status: the final HTTP status, or why there is none: timeout, dns, connection-refused, too-many-redirects, … */
export interface LinkProbe {
  ok: boolean;
  status: number | string;
  /** Where the link ended up after redirects. */
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TRANSIENT = new Set<number | string>(["timeout", "connection-reset", 502, 503, 504]);
/** Answers that say nothing about the link itself (the site limits how often it is asked). */
const INCONCLUSIVE = new Set<number | string>([429]);
const USER_AGENT = "lke-zi-link-check/0.1";

type Answer = { status: number; location?: string } | { error: string };

function errorStatus(e: unknown): string {
  const code = (e as { code?: string } | null)?.code ?? "";
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"].includes(code)) return "dns";
  if (code === "ECONNREFUSED") return "connection-refused";
  if (["ECONNRESET", "EPIPE", "ECONNABORTED"].includes(code) || /socket hang up/i.test(String((e as Error)?.message))) return "connection-reset";
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return "tls";
  if (["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN"].includes(code)) return "network";
  return code ? code.toLowerCase() : "error";
}

/** One request: the status line and Location of the answer, never its body. */
function ask(url: URL, method: "HEAD" | "GET", timeoutMs: number, lookup: LookupFunction | undefined): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const client = url.protocol === "https:" ? https : http;
    const settle = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(a);
    };
    const req = client.request(
      url,
      { method, agent: false, headers: { "user-agent": USER_AGENT, accept: "*/*" }, ...(lookup ? { lookup } : {}) },
      (res) => {
        const location = res.headers.location;
        settle({ status: res.statusCode ?? 0, ...(location ? { location } : {}) });
        res.destroy();
      },
    );
    const timer = setTimeout(() => {
      settle({ error: "timeout" });
      req.destroy();
    }, Math.max(1, timeoutMs));
    req.on("error", (e) => settle({ error: errorStatus(e) }));
    req.end();
  });
}

/** A Google sign-in page: the document is not shared with whoever has the link. */
function isSignIn(url: URL): boolean {
  return url.hostname === "accounts.google.com" && /^\/(ServiceLogin|signin|v3\/signin|AccountChooser)/i.test(url.pathname);
}

/** One attempt: HEAD (GET where HEAD is refused), following redirects, within one deadline. */
async function attempt(start: URL, o: Required<Omit<LinkCheckOptions, "lookup">> & Pick<LinkCheckOptions, "lookup">): Promise<LinkProbe> {
  const deadline = Date.now() + o.timeoutMs;
  let url = start;
  let method: "HEAD" | "GET" = "HEAD";
  let redirects = 0;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, status: "timeout", finalUrl: url.href };
    const a = await ask(url, method, remaining, o.lookup);
    if ("error" in a) return { ok: false, status: a.error, finalUrl: url.href };
    if (method === "HEAD" && (a.status === 405 || a.status === 501)) {
      method = "GET";
      continue;
    }
    if (REDIRECTS.has(a.status) && a.location) {
      if (redirects >= o.maxRedirects) return { ok: false, status: "too-many-redirects", finalUrl: url.href };
      redirects++;
      let next: URL;
      try {
        next = new URL(a.location, url);
      } catch {
        return { ok: false, status: "bad-redirect", finalUrl: url.href };
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") return { ok: false, status: "bad-redirect", finalUrl: next.href };
      if (isSignIn(next)) return { ok: false, status: "login", finalUrl: next.href };
      url = next;
      continue;
    }
    return { ok: a.status < 400, status: a.status, finalUrl: url.href };
  }
}

/** Whether one http(s) link opens; a transient failure is tried once more. */
export async function probeUrl(link: string, options: LinkCheckOptions = {}): Promise<LinkProbe> {
  const o = { ...LINK_CHECK_DEFAULTS, ...options };
  const retries = Math.min(1, Math.max(0, o.retries));
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, status: "invalid", finalUrl: link };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, status: "invalid", finalUrl: link };
  let result = await attempt(url, o);
  for (let i = 0; i < retries && !result.ok && TRANSIENT.has(result.status); i++) result = await attempt(url, o);
  return result;
}

/** Every distinct link once, at most `concurrency` at a time. */
export async function probeUrls(links: readonly string[], options: LinkCheckOptions = {}): Promise<Map<string, LinkProbe>> {
  const unique = [...new Set(links)];
  const out = new Map<string, LinkProbe>();
  const width = Math.max(1, Math.min(options.concurrency ?? LINK_CHECK_DEFAULTS.concurrency, unique.length));
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const link = unique[next++]!;
      out.set(link, await probeUrl(link, options));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

/** evidence.unreachable for every evidence cell whose http(s) link does not open (one request per distinct link). */
export async function checkEvidenceLinks(analysis: LkeAnalysis, options: LinkCheckOptions = {}): Promise<Finding[]> {
  const columns = analysis.layout.columns.roles[analysis.role];
  if (!columns) return [];
  const found = collectEvidence(analysis.model, analysis.sheet, analysis.layout, columns).flatMap((e) => e.links);
  const urlOf = new Map<string, string>(); // normal form → the link as first written
  const links: Array<{ e: (typeof found)[number]; key: string }> = [];
  for (const e of found) {
    const c = e.link.class;
    if (c.kind !== "url") continue;
    if (!urlOf.has(c.normalized)) urlOf.set(c.normalized, c.url);
    links.push({ e, key: c.normalized });
  }
  const probes = await probeUrls([...urlOf.values()], options);
  const out: Finding[] = [];
  for (const { e, key } of links) {
    const p = probes.get(urlOf.get(key)!)!;
    if (p.ok || INCONCLUSIVE.has(p.status)) continue;
    out.push({
      rule: "evidence.unreachable",
      severity: "warning",
      sheet: analysis.sheet.name,
      cell: e.cell,
      item: e.item,
      params: { value: displayLink(e.link.raw), status: p.status },
    });
  }
  return out;
}
