/**
 * Markdown to HTML for the subset the README's user sections are written in (help.html is built
 * from them): paragraphs, ATX headings, `-` and `1.` lists with indented continuation lines, pipe
 * tables, fenced code, and inline code, **bold**, *italic*, [links](url) and ![images](src). A
 * dependency would bring the whole of CommonMark for these few forms; everything is HTML-escaped
 * first, so README text can never become markup.
 */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** GitHub's heading anchors, so that the README's own links (#what-the-check-looks-for) work here. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

// Emphasis opens after a space or bracket and closes before one or punctuation, as CommonMark's
// flanking rule has it: `2,800**` and "marker ** has" stay as typed.
const BOLD = /(^|[\s([])\*\*(?=\S)([\s\S]*?\S)\*\*(?=$|[\s).,:;!?\]])/g;
const ITALIC = /(^|[\s([])\*(?=[^\s*])([\s\S]*?[^\s*])\*(?=$|[\s).,:;!?\]])/g;

/** One line or paragraph of inline Markdown as HTML; code spans are set aside first, untouched. */
function inline(text) {
  const code = [];
  const held = text.replace(/`([^`]+)`/g, (_, inner) => `\uE000${code.push(inner) - 1}\uE001`);
  return escapeHtml(held)
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, '<img src="$2" alt="$1">')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(BOLD, "$1<strong>$2</strong>")
    .replace(ITALIC, "$1<em>$2</em>")
    .replace(/\uE000(\d+)\uE001/g, (_, i) => `<code>${escapeHtml(code[Number(i)])}</code>`);
}

/** The cells of a table row `| a | b |`; a | inside a code span is part of its cell. */
function cells(row) {
  const out = [""];
  let inCode = false;
  for (const c of row.trim().replace(/^\||\|$/g, "")) {
    if (c === "`") inCode = !inCode;
    if (c === "|" && !inCode) out.push("");
    else out[out.length - 1] += c;
  }
  return out.map((cell) => cell.trim());
}

const LIST_ITEM = { ul: /^- /, ol: /^\d+\. / };
const BLOCK_START = /^(```|#{1,6} |\||- |\d+\. )/;

/** Markdown text to HTML, block by block. */
function markdownToHtml(markdown) {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, "").split("\n");
  const html = [];
  let i = 0;
  const takeWhile = (test) => {
    const taken = [];
    while (i < lines.length && test(lines[i])) taken.push(lines[i++]);
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i];
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    const list = Object.keys(LIST_ITEM).find((tag) => LIST_ITEM[tag].test(line));
    if (line.trim() === "") {
      i++;
    } else if (line.startsWith("```")) {
      i++;
      const code = takeWhile((l) => !l.startsWith("```"));
      i++;
      html.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
    } else if (heading) {
      i++;
      const level = heading[1].length;
      html.push(`<h${level} id="${slug(heading[2])}">${inline(heading[2])}</h${level}>`);
    } else if (line.startsWith("|")) {
      const [head, , ...body] = takeWhile((l) => l.startsWith("|")).map(cells);
      const row = (tag, values) => `<tr>${values.map((v) => `<${tag}>${inline(v)}</${tag}>`).join("")}</tr>`;
      html.push(
        `<table><thead>${row("th", head)}</thead><tbody>${body.map((values) => row("td", values)).join("")}</tbody></table>`,
      );
    } else if (list) {
      const items = [];
      takeWhile((l) => LIST_ITEM[list].test(l) || /^\s+\S/.test(l)).forEach((l) => {
        if (LIST_ITEM[list].test(l)) items.push(l.replace(LIST_ITEM[list], ""));
        else items[items.length - 1] += `\n${l.trim()}`;
      });
      html.push(`<${list}>${items.map((item) => `<li>${inline(item)}</li>`).join("")}</${list}>`);
    } else {
      i++;
      const rest = takeWhile((l) => l.trim() !== "" && !BLOCK_START.test(l));
      html.push(`<p>${inline([line, ...rest].join("\n"))}</p>`);
    }
  }
  return html.join("\n");
}

module.exports = { markdownToHtml, escapeHtml, slug };
