/**
 * help.html, the page the manifest's SupportUrl and LearnMoreUrl open: built into dist/ from the
 * README's sections for users by src/help/help-page.js, with the Markdown subset those sections use
 * (src/help/markdown.js), no script of any kind, and every link and image resolving.
 */
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const DIST = resolve(ROOT, "dist");

const { markdownToHtml, slug } = require("../../src/help/markdown") as {
  markdownToHtml(markdown: string): string;
  slug(text: string): string;
};
const { HelpPage, helpPage } = require("../../src/help/help-page") as {
  HelpPage: new () => unknown;
  helpPage(readme: string): { html: string; images: string[] };
};

const README = readFileSync(resolve(ROOT, "README.md"), "utf8");

describe("the Markdown subset of the README", () => {
  it("paragraphs, headings with GitHub's anchors, bold, italic, code, links and images", () => {
    expect(
      markdownToHtml("## What the check looks for\n\nA **bold** and *italic*\nline, `=SAVINGS.PCT(B5, C5)`."),
    ).toBe(
      '<h2 id="what-the-check-looks-for">What the check looks for</h2>\n' +
        "<p>A <strong>bold</strong> and <em>italic</em>\nline, <code>=SAVINGS.PCT(B5, C5)</code>.</p>",
    );
    expect(markdownToHtml("See [the rules](#rules) and ![the pane](docs/images/taskpane.png).")).toBe(
      '<p>See <a href="#rules">the rules</a> and <img src="docs/images/taskpane.png" alt="the pane">.</p>',
    );
    expect(slug("Installing in Excel")).toBe("installing-in-excel");
  });

  it("asterisks that are not emphasis stay as typed: footnote markers, and asterisks inside code", () => {
    expect(markdownToHtml('"2,800**" is text; marker ** has no footnote starting with ** under it; `2,800**`')).toBe(
      "<p>&quot;2,800**&quot; is text; marker ** has no footnote starting with ** under it; <code>2,800**</code></p>",
    );
  });

  it("lists with indented continuation lines, and numbered lists", () => {
    expect(
      markdownToHtml("- **Amounts** as numbers,\n  or text.\n- Dates.\n\n1. Check.\n   Then look.\n2. Mark."),
    ).toBe(
      "<ul><li><strong>Amounts</strong> as numbers,\nor text.</li><li>Dates.</li></ul>\n" +
        "<ol><li>Check.\nThen look.</li><li>Mark.</li></ol>",
    );
  });

  it("pipe tables (a | inside code stays in its cell) and fenced code", () => {
    expect(markdownToHtml("| rule | what |\n| --- | --- |\n| `a|b` | *x* |\n\n```sh\nnpm test <x>\n```")).toBe(
      "<table><thead><tr><th>rule</th><th>what</th></tr></thead>" +
        "<tbody><tr><td><code>a|b</code></td><td><em>x</em></td></tr></tbody></table>\n" +
        "<pre><code>npm test &lt;x&gt;</code></pre>",
    );
  });

  it("escapes HTML everywhere, so README text never becomes markup; comments are dropped", () => {
    expect(markdownToHtml('<!-- section:x -->\n<script>alert("x")</script> & `<b>`')).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <code>&lt;b&gt;</code></p>",
    );
  });
});

describe("helpPage: the README's sections for users", () => {
  it("titles the page with the README's title and each section with its heading, in a contents list", () => {
    const { html, images } = helpPage(README);
    expect(html).toContain('<h1 id="savings-check-an-excel-add-in-for-childrens-services-savings-proposals">');
    for (const [id, title] of [
      ["custom-functions", "Custom functions"],
      ["what-the-check-looks-for", "What the check looks for"],
      ["the-task-pane", "The task pane"],
    ]) {
      expect(html).toContain(`<h2 id="${id}">${title}</h2>`);
      expect(html).toContain(`<li><a href="#${id}">${title}</a></li>`);
    }
    expect(images).toEqual(["docs/images/taskpane.png", "docs/images/report.png"]);
    // Developer sections stay in the README.
    expect(html).not.toContain('id="development"');
  });

  it("refuses a missing section, a link the page cannot follow and an image that is missing", () => {
    expect(() => helpPage(README.replace("<!-- section:rules -->", ""))).toThrow("README.md has no section 'rules'");
    expect(() => helpPage(README.replace("(#what-the-check-looks-for)", "(src/core/rules/)"))).toThrow(
      "the help page cannot follow the README's link to 'src/core/rules/'",
    );
    expect(() => helpPage(README.replace("docs/images/taskpane.png)", "docs/images/none.png)"))).toThrow(
      "the README shows an image that is missing: docs/images/none.png",
    );
  });

  it("is one of webpack.config.js's plugins", async () => {
    const config = await require("../../webpack.config.js")({}, { mode: "production" });
    expect(config.plugins.some((plugin: unknown) => plugin instanceof HelpPage)).toBe(true);
  });
});

describe("dist/help.html", () => {
  let html: string;

  beforeAll(() => {
    const file = resolve(DIST, "help.html");
    if (!existsSync(file)) throw new Error("dist/help.html is missing: run npm run build first");
    html = readFileSync(file, "utf8");
  });

  it("is the page built from the README now", () => {
    expect(html).toBe(helpPage(README).html);
  });

  it("says what users need: the functions, the rules, the verdict and how to clear", () => {
    for (const words of [
      "SAVINGS.PCT",
      "CLA.RATE",
      "pct-mismatch",
      "Ready for committee",
      "Clear marks",
      "Mark on sheet",
    ])
      expect(html).toContain(words);
  });

  it("runs no script: none in the page, and a Content-Security-Policy that allows none", () => {
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp.split("; ")).toEqual(
      expect.arrayContaining(["default-src 'none'", "style-src 'self'", "img-src 'self'", "base-uri 'none'"]),
    );
    expect(csp).not.toMatch(/script-src|unsafe/);
    expect(html).not.toMatch(/<script|<style|\son\w+=|\sstyle=|javascript:/i);
  });

  it("every link, image and stylesheet resolves: anchors to headings, files to dist/", () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(expect.arrayContaining(["help.css", "docs/images/taskpane.png", "#what-the-check-looks-for"]));
    for (const ref of refs) {
      if (ref.startsWith("#")) expect(ids).toContain(ref.slice(1));
      else expect([ref, existsSync(resolve(DIST, ref))]).toEqual([ref, true]);
    }
  });
});
