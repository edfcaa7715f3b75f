/**
 * The shared string table: each `<si>` as the text Excel shows, its rich-text runs joined and its
 * phonetic guides (`<rPh>`, ruby text above East Asian characters) left out. Streamed.
 */
import { XlsxPackage } from "./zip-package";
import { decodeXstring, parsingPart, xmlParser } from "./xml";

export function readSharedStrings(pkg: XlsxPackage, part: string | null): string[] {
  if (part === null) return [];
  const strings: string[] = [];
  const parser = xmlParser();
  let text = "";
  let inItem = false;
  let inText = false;
  let phoneticDepth = 0;
  parser.on("opentag", (tag) => {
    switch (tag.name) {
      case "si":
        inItem = true;
        text = "";
        break;
      case "rPh":
        phoneticDepth++;
        break;
      case "t":
        inText = inItem && phoneticDepth === 0 && !tag.isSelfClosing;
        break;
    }
  });
  parser.on("text", (t) => {
    if (inText) text += t;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "si":
        strings.push(decodeXstring(text));
        inItem = false;
        break;
      case "rPh":
        phoneticDepth--;
        break;
      case "t":
        inText = false;
        break;
    }
  });
  parsingPart(pkg.path, part, () => {
    pkg.stream(part, (chunk) => parser.write(chunk));
    parser.close();
  });
  return strings;
}
