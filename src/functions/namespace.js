/**
 * The namespace fallback of SPEC §3, chosen at build time: the functions are registered with no
 * namespace (=SAVINGS.PCT). Should an Excel build refuse that, `FUNCTIONS_NAMESPACE=CS npm run build`
 * writes a manifest whose functions are typed =CS.SAVINGS.PCT(...) instead.
 */

const RESOURCE_ID = "Functions.Namespace";

/** The manifest with a <Namespace> for the custom functions; unchanged when `namespace` is empty. */
function withNamespace(manifest, namespace) {
  if (!namespace) return manifest;
  if (!/^[A-Za-z][A-Za-z0-9]{0,7}$/.test(namespace)) {
    throw new Error(`FUNCTIONS_NAMESPACE must be 1 to 8 letters or digits starting with a letter, got '${namespace}'`);
  }
  const point = /(<ExtensionPoint xsi:type="CustomFunctions">[\s\S]*?)(\s*<\/ExtensionPoint>)/;
  if (!point.test(manifest)) throw new Error("manifest.xml has no CustomFunctions extension point");
  let out = manifest.replace(point, `$1\n            <Namespace resid="${RESOURCE_ID}"/>$2`);
  const string = `<bt:String id="${RESOURCE_ID}" DefaultValue="${namespace.toUpperCase()}"/>`;
  out = out.includes("<bt:ShortStrings>")
    ? out.replace("<bt:ShortStrings>", `<bt:ShortStrings>\n        ${string}`)
    : out.replace("</bt:Urls>", `</bt:Urls>\n      <bt:ShortStrings>\n        ${string}\n      </bt:ShortStrings>`);
  return out;
}

module.exports = { withNamespace };
