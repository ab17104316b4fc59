// Offline checks of manifest.xml. The XML manifest can only be validated against Microsoft's schemas over
// the network (`npm run validate:online`), so this suite checks what breaks sideloading most often:
// well-formedness, identity, host and API set, resource ids, https URLs, icon files and element order
// (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering). Every check is also run
// on a broken copy of the manifest, to show that it can fail.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const COMMANDS_SOURCE = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");

/** The origin the manifest is written for; the production build rewrites it (webpack.config.js). */
const DEV_ORIGIN = "https://localhost:3000";

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

const RULES = [
  "xml.wellFormed",
  "root.taskPaneApp",
  "id.guid",
  "version.format",
  "required.missing",
  "host.workbook",
  "requirements.excelApi",
  "resid.unresolved",
  "resid.wrongKind",
  "resid.tooLong",
  "resource.duplicateId",
  "string.tooLong",
  "url.https",
  "icon.file",
  "order.sequence",
  "order.unknown",
  "command.unassociated",
] as const;
type Rule = (typeof RULES)[number];

interface Problem {
  rule: Rule;
  message: string;
}

interface ManifestContext {
  /** Whether a file exists, by path relative to the repository root ("assets/icon-16.png"). */
  fileExists: (relativePath: string) => boolean;
  /** Action ids registered with Office.actions.associate in the FunctionFile. */
  associatedActions: ReadonlySet<string>;
}

/** Child order under each parent, from Microsoft's "manifest element ordering" page (task pane add-ins). */
const ELEMENT_ORDER: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  Requirements: ["Sets", "Methods"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Group: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
  Control: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

/** OfficeApp children a TaskPaneApp must have. */
const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Which resource list a resid must point into, by the element that carries it. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const MAX_RESID_LENGTH = 32;
const MAX_LENGTH: Readonly<Record<string, number>> = { ShortStrings: 125, LongStrings: 250, DisplayName: 125, Description: 250 };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
/** "&" that does not start an entity or character reference (xmldom accepts it; XML does not). */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/;

function childElements(element: Element): Element[] {
  const result: Element[] = [];
  for (let i = 0; i < element.childNodes.length; i++) {
    const node = element.childNodes.item(i);
    if (node && node.nodeType === node.ELEMENT_NODE) result.push(node as Element);
  }
  return result;
}

function allElements(root: Element): Element[] {
  return [root, ...childElements(root).flatMap(allElements)];
}

function firstChild(element: Element | undefined, localName: string): Element | undefined {
  return element ? childElements(element).find((child) => child.localName === localName) : undefined;
}

function text(element: Element | undefined): string {
  return (element?.textContent ?? "").trim();
}

function parseXml(xml: string): { root?: Element; problems: Problem[] } {
  const problems: Problem[] = [];
  const withoutCommentsAndCdata = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  if (BARE_AMPERSAND.test(withoutCommentsAndCdata)) {
    problems.push({ rule: "xml.wellFormed", message: 'a bare "&" (write &amp;)' });
  }
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        problems.push({ rule: "xml.wellFormed", message: `${level}: ${message.split("\n")[0]}` });
      },
    });
    const document = parser.parseFromString(xml, "text/xml");
    return { root: document.documentElement ?? undefined, problems };
  } catch (error) {
    if (problems.length === 0) problems.push({ rule: "xml.wellFormed", message: String(error) });
    return { problems };
  }
}

function checkRoot(root: Element): Problem[] {
  const type = root.getAttributeNS(NS.xsi, "type");
  return root.localName === "OfficeApp" && root.namespaceURI === NS.officeApp && type === "TaskPaneApp"
    ? []
    : [{ rule: "root.taskPaneApp", message: `root is <${root.tagName} xsi:type="${type}">, not a TaskPaneApp OfficeApp` }];
}

function checkIdentity(root: Element): Problem[] {
  const problems: Problem[] = [];
  const id = text(firstChild(root, "Id"));
  if (!GUID.test(id)) problems.push({ rule: "id.guid", message: `<Id> "${id}" is not a GUID` });
  const version = text(firstChild(root, "Version"));
  if (!FOUR_PART_VERSION.test(version)) {
    problems.push({ rule: "version.format", message: `<Version> "${version}" is not n.n.n.n` });
  }
  for (const name of REQUIRED_TOP_LEVEL) {
    if (!firstChild(root, name)) problems.push({ rule: "required.missing", message: `<OfficeApp> has no <${name}>` });
  }
  return problems;
}

function checkHostAndRequirements(root: Element): Problem[] {
  const problems: Problem[] = [];
  const hosts = childElements(firstChild(root, "Hosts") ?? root).filter((e) => e.localName === "Host");
  const hostNames = hosts.map((host) => host.getAttribute("Name"));
  if (hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    problems.push({ rule: "host.workbook", message: `<Hosts> lists [${hostNames.join(", ")}], expected only Workbook` });
  }
  const overrideHosts = allElements(firstChild(root, "VersionOverrides") ?? root).filter(
    (e) => e.localName === "Host" && e.namespaceURI === NS.overrides,
  );
  for (const host of overrideHosts) {
    const type = host.getAttributeNS(NS.xsi, "type");
    if (type !== "Workbook") {
      problems.push({ rule: "host.workbook", message: `VersionOverrides <Host xsi:type="${type}">, expected Workbook` });
    }
  }
  const sets = childElements(firstChild(firstChild(root, "Requirements"), "Sets") ?? root).filter(
    (e) => e.localName === "Set",
  );
  const excelApi = sets.find((set) => set.getAttribute("Name") === "ExcelApi");
  if (excelApi?.getAttribute("MinVersion") !== "1.9") {
    problems.push({
      rule: "requirements.excelApi",
      message: `<Requirements> ExcelApi MinVersion is ${excelApi?.getAttribute("MinVersion") ?? "absent"}, expected 1.9`,
    });
  }
  return problems;
}

function checkResources(root: Element): Problem[] {
  const problems: Problem[] = [];
  const overrides = firstChild(root, "VersionOverrides");
  if (!overrides) return problems;
  const resources = firstChild(overrides, "Resources");
  const kindOfId = new Map<string, ResourceKind>();
  for (const list of resources ? childElements(resources) : []) {
    const kind = list.localName as ResourceKind;
    for (const resource of childElements(list)) {
      const id = resource.getAttribute("id") ?? "";
      if (kindOfId.has(id)) problems.push({ rule: "resource.duplicateId", message: `resource id "${id}" is defined twice` });
      kindOfId.set(id, kind);
      const limit = MAX_LENGTH[kind];
      const values = [resource, ...childElements(resource)].map(
        (e) => e.getAttribute("DefaultValue") ?? e.getAttribute("Value") ?? "",
      );
      for (const value of values) {
        if (limit !== undefined && value.length > limit) {
          problems.push({ rule: "string.tooLong", message: `"${id}" is ${value.length} characters (at most ${limit})` });
        }
      }
    }
  }
  for (const element of allElements(overrides)) {
    const resid = element.getAttribute("resid");
    if (resid === null) continue;
    if (resid.length > MAX_RESID_LENGTH) {
      problems.push({ rule: "resid.tooLong", message: `resid "${resid}" is longer than ${MAX_RESID_LENGTH} characters` });
    }
    const found = kindOfId.get(resid);
    const expected = RESID_KIND[element.localName ?? ""];
    if (found === undefined) {
      problems.push({ rule: "resid.unresolved", message: `<${element.tagName} resid="${resid}"> has no resource` });
    } else if (expected !== undefined && found !== expected) {
      problems.push({
        rule: "resid.wrongKind",
        message: `<${element.tagName} resid="${resid}"> needs a resource in ${expected}, found one in ${found}`,
      });
    }
  }
  return problems;
}

function checkLocaleAwareLengths(root: Element): Problem[] {
  const problems: Problem[] = [];
  for (const name of ["DisplayName", "Description"]) {
    const element = firstChild(root, name);
    const limit = MAX_LENGTH[name] ?? Infinity;
    for (const e of element ? [element, ...childElements(element)] : []) {
      const value = e.getAttribute("DefaultValue") ?? e.getAttribute("Value") ?? "";
      if (value.length > limit) {
        problems.push({ rule: "string.tooLong", message: `<${name}> is ${value.length} characters (at most ${limit})` });
      }
    }
  }
  return problems;
}

/** Every URL the manifest declares: top-level URL settings, bt:Image and bt:Url, with their overrides. */
function declaredUrls(root: Element): { element: Element; url: string; isIcon: boolean }[] {
  const result: { element: Element; url: string; isIcon: boolean }[] = [];
  const add = (element: Element | undefined, isIcon: boolean) => {
    if (!element) return;
    for (const e of [element, ...childElements(element).filter((c) => c.localName === "Override")]) {
      const url = e.getAttribute("DefaultValue") ?? e.getAttribute("Value");
      if (url !== null) result.push({ element: e, url, isIcon });
    }
  };
  add(firstChild(root, "IconUrl"), true);
  add(firstChild(root, "HighResolutionIconUrl"), true);
  add(firstChild(root, "SupportUrl"), false);
  add(firstChild(firstChild(root, "DefaultSettings"), "SourceLocation"), false);
  const inBasicTypes = (localName: string) =>
    allElements(root).filter((e) => e.namespaceURI === NS.bt && e.localName === localName);
  for (const image of inBasicTypes("Image")) {
    if (image.hasAttribute("id")) add(image, true); // <bt:Image size resid> inside <Icon> only refers to one
  }
  for (const url of inBasicTypes("Url")) add(url, false);
  return result;
}

function checkUrls(root: Element, context: ManifestContext): Problem[] {
  const problems: Problem[] = [];
  for (const { url, isIcon } of declaredUrls(root)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed?.protocol !== "https:") {
      problems.push({ rule: "url.https", message: `"${url}" is not an https URL` });
      continue;
    }
    if (isIcon) {
      const file = decodeURIComponent(parsed.pathname).replace(/^\//, "");
      if (parsed.origin !== DEV_ORIGIN || !file.startsWith("assets/") || !context.fileExists(file)) {
        problems.push({ rule: "icon.file", message: `icon "${url}" is not a file under assets/` });
      }
    }
  }
  // Anything else that looks like a plain-http address (namespace declarations are names, not URLs).
  for (const element of allElements(root)) {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (!attribute || attribute.name === "xmlns" || attribute.prefix === "xmlns") continue;
      if (/^http:/i.test(attribute.value.trim())) {
        problems.push({ rule: "url.https", message: `${element.tagName}@${attribute.name} "${attribute.value}" is http` });
      }
    }
    if (childElements(element).length === 0 && /^http:/i.test(text(element))) {
      problems.push({ rule: "url.https", message: `<${element.tagName}> "${text(element)}" is http` });
    }
  }
  return dedupe(problems);
}

function checkOrder(root: Element): Problem[] {
  const problems: Problem[] = [];
  for (const parent of allElements(root)) {
    const order = ELEMENT_ORDER[parent.localName ?? ""];
    if (!order) continue;
    let last = -1;
    let lastName = "";
    for (const child of childElements(parent)) {
      const name = child.localName ?? "";
      const index = order.indexOf(name);
      if (index === -1) {
        problems.push({ rule: "order.unknown", message: `<${name}> is not a known child of <${parent.localName}>` });
      } else if (index < last) {
        problems.push({ rule: "order.sequence", message: `<${name}> must come before <${lastName}> in <${parent.localName}>` });
      } else {
        last = index;
        lastName = name;
      }
    }
  }
  return problems;
}

function checkCommands(root: Element, context: ManifestContext): Problem[] {
  return allElements(root)
    .filter((e) => e.localName === "FunctionName")
    .map((e) => text(e))
    .filter((name) => !context.associatedActions.has(name))
    .map((name) => ({
      rule: "command.unassociated" as const,
      message: `ExecuteFunction "${name}" is not registered with Office.actions.associate in src/commands/commands.ts`,
    }));
}

function dedupe(problems: Problem[]): Problem[] {
  const byMessage = new Map(problems.map((p) => [p.message, p] as const));
  return Array.from(byMessage.values());
}

function checkManifest(xml: string, context: ManifestContext): Problem[] {
  const { root, problems } = parseXml(xml);
  if (!root || problems.length > 0) return problems;
  return [
    ...checkRoot(root),
    ...checkIdentity(root),
    ...checkHostAndRequirements(root),
    ...checkResources(root),
    ...checkLocaleAwareLengths(root),
    ...checkUrls(root, context),
    ...checkOrder(root),
    ...checkCommands(root, context),
  ];
}

function associatedActionsIn(source: string): Set<string> {
  return new Set(Array.from(source.matchAll(/Office\.actions\.associate\(\s*["']([^"']+)["']/g), (m) => m[1] ?? ""));
}

const context: ManifestContext = {
  fileExists: (relativePath) => existsSync(path.join(ROOT, relativePath)),
  associatedActions: associatedActionsIn(COMMANDS_SOURCE),
};

function rulesOf(xml: string): Rule[] {
  return checkManifest(xml, context).map((p) => p.rule);
}

/** Replaces text that must be present, so a broken copy never silently equals the original. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return changed;
}

/** Moves the first element block matching `block` to just before the text `anchor`. */
function moveBefore(xml: string, block: RegExp, anchor: string): string {
  const match = xml.match(block);
  if (!match?.[0] || !xml.includes(anchor)) throw new Error(`move did not apply: ${String(block)}`);
  return mutate(xml.replace(match[0], ""), anchor, `${match[0]}${anchor}`);
}

describe("manifest.xml", () => {
  it("passes every offline check", () => {
    expect(checkManifest(MANIFEST, context)).toEqual([]);
  });

  it("registers the ribbon's validateLke action in the FunctionFile", () => {
    expect(context.associatedActions.has("validateLke")).toBe(true);
  });

  // Each broken copy must be reported under its rule: proof that the check above can fail.
  const brokenCopies: [Rule, string, () => string][] = [
    ["xml.wellFormed", "a closing tag is missing", () => mutate(MANIFEST, "</Hosts>", "")],
    ["xml.wellFormed", "an ampersand is bare", () => mutate(MANIFEST, "<ProviderName>Tim LKE ZI", "<ProviderName>Tim LKE & ZI")],
    ["xml.wellFormed", "an attribute appears twice", () => mutate(MANIFEST, '<Host Name="Workbook"/>', '<Host Name="Workbook" Name="Workbook"/>')],
    ["root.taskPaneApp", "the add-in type is not TaskPaneApp", () => mutate(MANIFEST, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"')],
    ["id.guid", "<Id> is not a GUID", () => mutate(MANIFEST, /<Id>[^<]*<\/Id>/, "<Id>lke-zona-integritas</Id>")],
    ["version.format", "<Version> has three parts", () => mutate(MANIFEST, "<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>")],
    ["required.missing", "<Permissions> is missing", () => mutate(MANIFEST, /\s*<Permissions>[^<]*<\/Permissions>/, "")],
    ["host.workbook", "the host is Word", () => mutate(MANIFEST, '<Host Name="Workbook"/>', '<Host Name="Document"/>')],
    ["host.workbook", "the ribbon targets Word", () => mutate(MANIFEST, '<Host xsi:type="Workbook">', '<Host xsi:type="Document">')],
    ["requirements.excelApi", "the ExcelApi minimum is 1.8", () => mutate(MANIFEST, 'Name="ExcelApi" MinVersion="1.9"', 'Name="ExcelApi" MinVersion="1.8"')],
    ["requirements.excelApi", "no ExcelApi set is listed", () => mutate(MANIFEST, 'Name="ExcelApi"', 'Name="DialogApi"')],
    ["resid.unresolved", "a resid has no resource", () => mutate(MANIFEST, 'resid="OpenPane.Tooltip"', 'resid="OpenPane.Tooltlp"')],
    ["resid.wrongKind", "a label points at a long string", () => mutate(MANIFEST, '<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Tooltip"/>')],
    ["resid.wrongKind", "a page points at an image", () => mutate(MANIFEST, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Icon.32x32"/>')],
    ["resid.tooLong", "a resid is over 32 characters", () => MANIFEST.split("OpenPane.Tooltip").join("OpenPane.Tooltip.ForTheLkeZiPaneButton")],
    ["resource.duplicateId", "two images share an id", () => mutate(MANIFEST, '<bt:Image id="Icon.32x32"', '<bt:Image id="Icon.16x16"')],
    ["string.tooLong", "a short string is over 125 characters", () => mutate(MANIFEST, 'DefaultValue="Buka Panel"', `DefaultValue="${"Buka Panel ".repeat(12)}"`)],
    ["url.https", "a page URL is http", () => mutate(MANIFEST, 'DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"')],
    ["url.https", "the task pane is http", () => mutate(MANIFEST, '<SourceLocation DefaultValue="https://', '<SourceLocation DefaultValue="http://')],
    ["url.https", "a URL has no scheme", () => mutate(MANIFEST, 'DefaultValue="https://localhost:3000/taskpane.html"/>\n      </bt:Urls>', 'DefaultValue="localhost:3000/taskpane.html"/>\n      </bt:Urls>')],
    ["url.https", "an app domain is http", () => mutate(MANIFEST, "  <Hosts>", "  <AppDomains><AppDomain>http://lke.example.org</AppDomain></AppDomains>\n  <Hosts>")],
    ["icon.file", "a ribbon icon file does not exist", () => mutate(MANIFEST, "assets/icon-16.png", "assets/icon-17.png")],
    ["icon.file", "the add-in icon is outside assets/", () => mutate(MANIFEST, "https://localhost:3000/assets/icon-32.png", "https://localhost:3000/icon-32.png")],
    ["icon.file", "an icon is on another origin", () => mutate(MANIFEST, "https://localhost:3000/assets/icon-80.png", "https://cdn.example.org/assets/icon-80.png")],
    ["order.sequence", "<Requirements> comes before <Hosts>", () => moveBefore(MANIFEST, / {2}<Requirements>[\s\S]*?<\/Requirements>\n/, "  <Hosts>")],
    ["order.sequence", "<Version> comes before <Id>", () => moveBefore(MANIFEST, / {2}<Version>[^<]*<\/Version>\n/, "  <Id>")],
    ["order.sequence", "<Permissions> comes after <VersionOverrides>", () => moveBefore(MANIFEST, / {2}<Permissions>[^<]*<\/Permissions>\n/, "</OfficeApp>")],
    ["order.sequence", "a button has <Supertip> before <Label>", () => moveBefore(MANIFEST, /<Supertip>[\s\S]*?<\/Supertip>\s*/, '<Label resid="OpenPane.Label"/>')],
    ["order.sequence", "<FunctionFile> comes after <ExtensionPoint>", () => moveBefore(MANIFEST, /<FunctionFile[^>]*\/>\s*/, "</DesktopFormFactor>")],
    ["order.unknown", "<OfficeApp> has an element Office does not know", () => mutate(MANIFEST, "  <Hosts>", "  <Author>Tim LKE ZI</Author>\n  <Hosts>")],
    ["command.unassociated", "a button calls an unregistered function", () => mutate(MANIFEST, "<FunctionName>validateLke</FunctionName>", "<FunctionName>periksaLke</FunctionName>")],
  ];

  it.each(brokenCopies)("reports %s when %s", (rule, _case, breakManifest) => {
    const broken = breakManifest();
    expect(broken).not.toBe(MANIFEST);
    expect(rulesOf(broken)).toContain(rule);
  });

  it("covers every rule with a broken copy", () => {
    const covered = new Set(brokenCopies.map(([rule]) => rule));
    expect(RULES.filter((rule) => !covered.has(rule))).toEqual([]);
  });
});
