/**
 * Structural checks of the task pane's entry in manifest.xml, offline: a "Check savings" button in
 * a "Savings check" group on the Home tab that shows the pane from taskpane.html, a GetStarted
 * callout, resource ids that resolve to resources of the right kind, https URLs, the permission
 * the pane needs, and the custom functions left in the JavaScript-only runtime.
 */
import { readFileSync } from "fs";
import { resolve } from "path";

const DEV_URL = "https://localhost:3000/";

// xml2js comes with office-addin-manifest (a devDependency); strict mode refuses XML that is not well formed.
const xml2js = require("xml2js") as { parseStringPromise(xml: string, options: object): Promise<Node> };

/** xml2js's default shape: attributes under `$`, child elements as arrays by name. */
interface Node {
  $?: Record<string, string>;
  [child: string]: Node[] | Record<string, string> | undefined;
}

function children(node: Node, name: string): Node[] {
  return (node[name] as Node[] | undefined) ?? [];
}

function one(node: Node, name: string): Node {
  const found = children(node, name);
  expect(found).toHaveLength(1);
  return found[0];
}

function attr(node: Node, name: string): string {
  return node.$?.[name] ?? "";
}

/** Every element below `node` (itself included), with its name. */
function descendants(node: Node, name = ""): [string, Node][] {
  const out: [string, Node][] = [[name, node]];
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === "object") out.push(...descendants(child, key));
  }
  return out;
}

let root: Node;
let host: Node;
let desktop: Node;
/** Resource id -> [kind, value]: image, url, short or long string. */
const resources = new Map<string, [string, string]>();

beforeAll(async () => {
  const source = readFileSync(resolve(__dirname, "../../manifest.xml"), "utf8");
  root = await xml2js.parseStringPromise(source, { strict: true, explicitRoot: false });
  const overrides = one(root, "VersionOverrides");
  host = one(one(overrides, "Hosts"), "Host");
  desktop = one(host, "DesktopFormFactor");
  const res = one(overrides, "Resources");
  const kinds: [string, string, string][] = [
    ["bt:Images", "bt:Image", "image"],
    ["bt:Urls", "bt:Url", "url"],
    ["bt:ShortStrings", "bt:String", "short"],
    ["bt:LongStrings", "bt:String", "long"],
  ];
  for (const [group, item, kind] of kinds)
    for (const g of children(res, group))
      for (const r of children(g, item)) resources.set(attr(r, "id"), [kind, attr(r, "DefaultValue")]);
});

/** The resource a `resid` names, checked to be of the expected kind. */
function resource(node: Node, kind: string): string {
  const id = attr(node, "resid");
  expect(resources.get(id)?.[0]).toBe(kind);
  return resources.get(id)![1];
}

describe("the task pane in manifest.xml", () => {
  test("a Check savings button in a Savings check group on the Home tab shows the pane from taskpane.html", () => {
    const surface = children(desktop, "ExtensionPoint").filter((e) => attr(e, "xsi:type") === "PrimaryCommandSurface");
    expect(surface).toHaveLength(1);
    const tab = one(surface[0], "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const group = one(tab, "Group");
    expect(resource(one(group, "Label"), "short")).toBe("Savings check");
    const button = one(group, "Control");
    expect(attr(button, "xsi:type")).toBe("Button");
    expect(resource(one(button, "Label"), "short")).toBe("Check savings");
    const tip = one(button, "Supertip");
    expect(resource(one(tip, "Title"), "short")).toBe("Check savings");
    expect(resource(one(tip, "Description"), "long").length).toBeGreaterThan(20);
    const action = one(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(children(action, "TaskpaneId")).toHaveLength(1);
    expect(resource(one(action, "SourceLocation"), "url")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("the group and the button have icons of 16, 32 and 80 pixels", () => {
    const group = one(one(one(desktop, "ExtensionPoint"), "OfficeTab"), "Group");
    for (const owner of [group, one(group, "Control")]) {
      const images = children(one(owner, "Icon"), "bt:Image");
      expect(images.map((i) => attr(i, "size"))).toEqual(["16", "32", "80"]);
      for (const image of images)
        expect(resource(image, "image")).toBe(`${DEV_URL}assets/icon-${attr(image, "size")}.png`);
    }
  });

  test("a GetStarted callout with a title, a description and an https link to the help page", () => {
    const started = one(desktop, "GetStarted");
    expect(resource(one(started, "Title"), "short").length).toBeGreaterThan(5);
    expect(resource(one(started, "Description"), "long").length).toBeGreaterThan(20);
    expect(resource(one(started, "LearnMoreUrl"), "url")).toBe(`${DEV_URL}help.html`);
  });

  test("every resid resolves; ids are unique; strings fit Office's limits; every URL is https", () => {
    for (const [, node] of descendants(root))
      if (attr(node, "resid")) expect(resources.has(attr(node, "resid"))).toBe(true);
    const ids = descendants(desktop).flatMap(([name, node]) =>
      ["Group", "Control"].includes(name) ? [attr(node, "id")] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const [kind, value] of resources.values()) {
      if (kind === "short") expect(value.length).toBeLessThanOrEqual(125);
      if (kind === "long") expect(value.length).toBeLessThanOrEqual(250);
      if (kind === "url" || kind === "image") expect(value.startsWith(DEV_URL)).toBe(true);
    }
    expect(attr(one(one(root, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("asks for ReadWriteDocument: the pane writes notes, fills and sheets", () => {
    expect(children(root, "Permissions")).toEqual(["ReadWriteDocument"]);
  });

  test("the pane's ExcelApi 1.9 calls are required; the custom functions stay in the JavaScript-only runtime", () => {
    const sets = children(one(one(root, "Requirements"), "Sets"), "Set");
    expect(sets.find((s) => attr(s, "Name") === "ExcelApi")?.$?.MinVersion).toBe("1.9");
    expect(children(host, "Runtimes")).toEqual([]);
    const functions = children(one(host, "AllFormFactors"), "ExtensionPoint");
    expect(functions.map((e) => attr(e, "xsi:type"))).toEqual(["CustomFunctions"]);
  });
});
