import { parseHTML } from "linkedom";

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "object",
  "embed",
  "applet",
  "base",
  "meta",
  "link",
  "style",
  "svg",
  "math",
  "form",
  "template",
  "noscript",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "cite"]);

/**
 * What in an HTML fragment could run script once a browser parses it: forbidden elements,
 * event-handler and srcdoc attributes, and javascript:/data:/vbscript: URLs. The fragment is
 * parsed as a browser would, so escaped text ("&lt;script&gt;") is text, not a finding.
 */
export function executableForms(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const findings: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    const name = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) findings.push(`<${name}>`);
    for (const attribute of element.attributes) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith("on") || attr === "srcdoc") findings.push(`<${name} ${attr}>`);
      // Browsers ignore control characters and whitespace inside a URL's scheme.
      const scheme = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.has(attr) && /^(?:javascript|data|vbscript):/.test(scheme)) findings.push(`<${name} ${attr}="${attribute.value}">`);
    }
  }
  return findings;
}
