/**
 * Build step (webpack.config.js): help.html, the page the manifest's SupportUrl and LearnMoreUrl
 * open, made from the README's sections for users so that the page and the README never disagree.
 * The page has no script at all and a Content-Security-Policy that allows none; its stylesheet and
 * the images the sections show are emitted beside it.
 */
const fs = require("fs");
const path = require("path");
const { escapeHtml, markdownToHtml, slug } = require("./markdown");

const ROOT = path.resolve(__dirname, "../..");
const README = path.join(ROOT, "README.md");
const STYLESHEET = path.join(__dirname, "help.css");

/** The README's sections for users: what the add-in does, the functions, the rules, the pane (verdict, marking, clearing). */
const SECTIONS = ["intro", "functions", "rules", "taskpane"];

/** A section's Markdown, between its markers, and the heading above them. */
function section(readme, name) {
  const match = new RegExp(`<!-- section:${name} -->([\\s\\S]*?)<!-- /section:${name} -->`).exec(readme);
  if (!match) throw new Error(`README.md has no section '${name}'`);
  const headings = [...readme.slice(0, match.index).matchAll(/^#{1,6} (.+)$/gm)];
  if (headings.length === 0) throw new Error(`README.md has no heading above section '${name}'`);
  return { title: headings[headings.length - 1][1], markdown: match[1] };
}

/**
 * help.html from the README's text, and the images it shows (paths from the repository root, where
 * the page's relative links point once they sit beside it in dist/). A link the page could not
 * follow (to a repository file) is an error rather than a dead link.
 */
function helpPage(readme) {
  const [intro, ...rest] = SECTIONS.map((name) => section(readme, name));
  const contents = rest.map(({ title }) => `<li><a href="#${slug(title)}">${escapeHtml(title)}</a></li>`).join("");
  const main = [
    markdownToHtml(`# ${intro.title}\n\n${intro.markdown}`),
    `<nav aria-label="Contents"><ul>${contents}</ul></nav>`,
    ...rest.map(({ title, markdown }) => markdownToHtml(`## ${title}\n\n${markdown}`)),
  ].join("\n");
  const images = [...main.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
  for (const [, href] of main.matchAll(/<a href="([^"]+)"/g))
    if (!/^(#|https:\/\/)/.test(href)) throw new Error(`the help page cannot follow the README's link to '${href}'`);
  for (const image of images)
    if (!fs.existsSync(path.join(ROOT, image))) throw new Error(`the README shows an image that is missing: ${image}`);
  const html = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <!--
      Built from README.md (src/help/help-page.js). Content-Security-Policy: no script of any kind
      (default-src 'none' and no script-src); the stylesheet and images from the add-in's own origin.
    -->
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
    />
    <title>Savings check: help</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <link rel="stylesheet" href="help.css" />
  </head>
  <body>
    <main>
${main}
    </main>
  </body>
</html>
`;
  return { html, images };
}

/** The webpack plugin: emits help.html, help.css and the images, and rebuilds when the README changes. */
class HelpPage {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPage", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPage", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(README);
          compilation.fileDependencies.add(STYLESHEET);
          try {
            const { html, images } = helpPage(fs.readFileSync(README, "utf8"));
            // As built (minimized: true keeps webpack's HTML minimizer off it): readable, and what the tests compare.
            compilation.emitAsset("help.html", new sources.RawSource(html), { minimized: true });
            compilation.emitAsset("help.css", new sources.RawSource(fs.readFileSync(STYLESHEET)));
            for (const image of images)
              compilation.emitAsset(image, new sources.RawSource(fs.readFileSync(path.join(ROOT, image))));
          } catch (error) {
            compilation.errors.push(new WebpackError(`help page: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { HelpPage, helpPage };
