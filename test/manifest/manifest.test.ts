/**
 * Structural checks of manifest.xml, offline (the Office validator is an online service): it parses,
 * says what Excel needs, its resources resolve to https URLs and icons of the right size, the custom
 * functions use the JavaScript-only runtime with no namespace, and it asks for the least permission.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = resolve(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

// xml2js comes with office-addin-manifest (a devDependency); strict mode refuses XML that is not well formed.
const xml2js = require("xml2js") as {
  parseStringPromise(xml: string, options: object): Promise<Record<string, RawNode>>;
};

interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: RawNode[];
  _?: string;
}
interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

function toElement(raw: RawNode): Element {
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    text: (raw._ ?? "").trim(),
    children: (raw.$$ ?? []).map(toElement),
  };
}

/** Every element below `root`, depth first. */
function all(root: Element): Element[] {
  return [root, ...root.children.flatMap(all)];
}
const named = (root: Element, name: string) => all(root).filter((e) => e.name === name);
const only = (root: Element, name: string) => {
  const found = named(root, name);
  expect(found.map((e) => e.name)).toEqual([name]);
  return found[0];
};

let source: string;
let root: Element;

beforeAll(async () => {
  source = readFileSync(MANIFEST, "utf8");
  const parsed = await xml2js.parseStringPromise(source, {
    strict: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: false,
    explicitArray: true,
  });
  root = toElement(parsed as unknown as RawNode);
});

/** Resource id -> URL, from the bt:Images and bt:Urls of the resources. */
function resources(): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of [...named(root, "bt:Image"), ...named(root, "bt:Url")]) map.set(e.attrs.id, e.attrs.DefaultValue);
  return map;
}

/** Every resource id a string resource defines (bt:ShortStrings and bt:LongStrings). */
function stringIds(): Set<string> {
  return new Set([...named(root, "bt:String")].map((e) => e.attrs.id));
}

/** Does the manifest declare a task pane (a ribbon button that shows one)? */
function declaresTaskPane(): boolean {
  return all(root).some(
    (e) =>
      (e.name === "Action" && e.attrs["xsi:type"] === "ShowTaskpane") ||
      (e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "PrimaryCommandSurface"),
  );
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML: an OfficeApp task-pane add-in", async () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    await expect(
      xml2js.parseStringPromise(source.replace("</OfficeApp>", "</OfficeAp>"), { strict: true }),
    ).rejects.toThrow();
  });

  it("has a GUID id and a four-part version that follows package.json's", () => {
    expect(only(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).version as string;
    expect(only(root, "Version").text).toBe(`${version}.0`);
  });

  it("runs in Excel only (Workbook), with a display name and description", () => {
    const hosts = root.children.find((e) => e.name === "Hosts") as Element;
    expect(hosts.children.map((e) => e.attrs.Name)).toEqual(["Workbook"]);
    const overrideHosts = named(root, "Host").filter((e) => e.attrs["xsi:type"] !== undefined);
    expect(overrideHosts.map((e) => e.attrs["xsi:type"])).toEqual(["Workbook"]);
    expect(only(root, "DisplayName").attrs.DefaultValue).toBe("Savings check");
    expect(root.children.find((e) => e.name === "Description")?.attrs.DefaultValue.length).toBeGreaterThan(20);
  });

  it("declares the custom functions: script, page and metadata resolve to https URLs of the build's files", () => {
    const point = all(root).filter((e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
    expect(point).toHaveLength(1);
    const urls = resources();
    const resid = (part: string) => only(only(point[0], part), "SourceLocation").attrs.resid;
    expect(urls.get(resid("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(urls.get(resid("Page"))).toBe(`${DEV_URL}functions.html`);
    expect(urls.get(resid("Metadata"))).toBe(`${DEV_URL}functions.json`);
  });

  it("SupportUrl and GetStarted's LearnMoreUrl open the help page, help.html, which the build writes into dist/", () => {
    const learnMore = resources().get(only(root, "LearnMoreUrl").attrs.resid);
    expect(only(root, "SupportUrl").attrs.DefaultValue).toBe(`${DEV_URL}help.html`);
    expect(learnMore).toBe(`${DEV_URL}help.html`);
    if (!existsSync(resolve(ROOT, "dist"))) throw new Error("dist/ is missing: run npm run build first");
    expect(existsSync(resolve(ROOT, "dist/help.html"))).toBe(true);
  });

  it("has no <Namespace>: users type =SAVINGS.PCT(...), not a prefixed name", () => {
    expect(named(root, "Namespace")).toEqual([]);
  });

  it("runs the functions in the JavaScript-only runtime: no shared runtime, and error messages need CustomFunctionsRuntime 1.2", () => {
    expect(named(root, "Runtime").filter((e) => e.attrs.lifetime === "long")).toEqual([]);
    const set = named(root, "Set").find((e) => e.attrs.Name === "CustomFunctionsRuntime");
    expect(set?.attrs.MinVersion).toBe("1.2");
  });

  it("every resid resolves to a resource, and every URL is https on the development host", () => {
    const defined = new Set([...resources().keys(), ...stringIds()]);
    const used = all(root).flatMap((e) => (e.attrs.resid ? [e.attrs.resid] : []));
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const id of used) expect(defined).toContain(id);
    const urls = all(root).flatMap((e) =>
      Object.values(e.attrs).filter((v) => /^[a-z]+:\/\//i.test(v) && !/schemas\.microsoft\.com|www\.w3\.org/.test(v)),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_URL)).toBe(true);
  });

  it("its icons exist in assets/ with the pixel sizes the manifest says", () => {
    const icons: [string, number][] = [
      [only(root, "IconUrl").attrs.DefaultValue, 32],
      [only(root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
      // A ribbon image's size is in its id (Icon.16x16) or else its file name (icon-16.png).
      ...named(root, "bt:Image")
        .filter((e) => e.attrs.id)
        .map((e): [string, number] => [
          e.attrs.DefaultValue,
          Number((/(\d+)x\1$/.exec(e.attrs.id) ?? /-(\d+)\.png$/.exec(e.attrs.DefaultValue))?.[1]),
        ]),
    ];
    for (const [url, size] of icons) {
      expect(url).toMatch(/^https:\/\/localhost:3000\/assets\/[\w-]+\.png$/);
      const file = resolve(ROOT, url.slice(DEV_URL.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("asks for the least permission: Restricted for functions alone, ReadWriteDocument once it has a task pane", () => {
    // Custom functions see only their arguments; the pane reads the workbook and writes notes, fills and a report sheet.
    expect(only(root, "Permissions").text).toBe(declaresTaskPane() ? "ReadWriteDocument" : "Restricted");
  });

  it("reads the same in office-addin-manifest's own (offline) parser", () => {
    // In a child process: the package loads ES modules that jest's runtime cannot require.
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(${JSON.stringify(MANIFEST)}).then((i) => console.log(JSON.stringify(i)))`;
    const run = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info.id).toBe(only(root, "Id").text);
    expect(info.version).toBe(only(root, "Version").text);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.permissions).toBe(only(root, "Permissions").text);
  });
});

/** The dist/manifest.xml that webpack.config.js writes with these environment variables. */
async function built(addinUrl: string | undefined, namespace?: string): Promise<string> {
  const saved = { ADDIN_URL: process.env.ADDIN_URL, FUNCTIONS_NAMESPACE: process.env.FUNCTIONS_NAMESPACE };
  const set = (name: keyof typeof saved, value: string | undefined) =>
    value === undefined ? delete process.env[name] : (process.env[name] = value);
  set("ADDIN_URL", addinUrl);
  set("FUNCTIONS_NAMESPACE", namespace);
  try {
    const config = await require("../../webpack.config.js")({}, { mode: "production" });
    const copy = config.plugins.find((plugin: { patterns?: unknown }) => Array.isArray(plugin.patterns));
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    return pattern.transform(Buffer.from(source)) as string;
  } finally {
    set("ADDIN_URL", saved.ADDIN_URL);
    set("FUNCTIONS_NAMESPACE", saved.FUNCTIONS_NAMESPACE);
  }
}

describe("building for a production host (ADDIN_URL)", () => {
  it("rewrites every development URL to the host, and leaves none on localhost", async () => {
    const manifest = await built("https://addins.example.gov.uk/savings/");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('"https://addins.example.gov.uk/savings/functions.json"');
    const count = (text: string, part: string) => text.split(part).length - 1;
    const host = "https://addins.example.gov.uk/savings/";
    expect(count(manifest, host)).toBe(count(source, DEV_URL) + count(source, host));
    expect(manifest).toContain(`<SupportUrl DefaultValue="${host}help.html"/>`);
    expect(manifest).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${host}help.html"/>`);
  });

  it("keeps the development URLs without ADDIN_URL", async () => {
    expect(await built(undefined)).toBe(source);
  });

  it("refuses a host that is not https or does not end in /", async () => {
    await expect(built("http://addins.example.gov.uk/savings/")).rejects.toThrow(
      "ADDIN_URL must be an https URL ending in '/'",
    );
    await expect(built("https://addins.example.gov.uk/savings")).rejects.toThrow(
      "ADDIN_URL must be an https URL ending in '/'",
    );
  });
});

describe("the namespace fallback (FUNCTIONS_NAMESPACE), chosen at build time", () => {
  it("adds <Namespace> to the custom functions, resolving to the short string the user types before each name", async () => {
    const manifest = toElement(
      (await xml2js.parseStringPromise(await built(undefined, "cs"), {
        strict: true,
        explicitChildren: true,
        preserveChildrenOrder: true,
        explicitRoot: false,
      })) as unknown as RawNode,
    );
    const point = all(manifest).find(
      (e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions",
    ) as Element;
    expect(point.children.map((e) => e.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const id = point.children[3].attrs.resid;
    expect(named(manifest, "bt:String").find((e) => e.attrs.id === id)?.attrs.DefaultValue).toBe("CS");
  });

  it("refuses a namespace Excel would not take", async () => {
    await expect(built(undefined, "C.S")).rejects.toThrow(
      "FUNCTIONS_NAMESPACE must be 1 to 8 letters or digits starting with a letter, got 'C.S'",
    );
  });
});
