/**
 * Script-injection payloads for the hostile-content tests. Each one, should it ever run,
 * calls `__xss(id)` (or `alert(id)`) with its own id, so a test that records those calls
 * knows which payload got through and where.
 *
 * Ids are "x" plus two digits; the text around them never repeats an id, so a hit names
 * exactly one payload.
 */

export type HostilePayload = { id: string; family: string; text: string };

const call = (id: string) => `window.__xss('${id}')`;

const PAYLOADS: readonly [family: string, build: (id: string) => string][] = [
  // Plain script elements, in the spellings filters miss.
  ["script", (id) => `<script>${call(id)}</script>`],
  ["script", (id) => `<SCRIPT>alert('${id}')</SCRIPT>`],
  ["script", (id) => `<script src="data:text/javascript,${call(id)}"></script>`],
  ["script", (id) => `<scr<script>ipt>${call(id)}</scr</script>ipt>`],
  ["script", (id) => `<<script>${call(id)}//<</script>`],
  // Event-handler attributes.
  ["event-handler", (id) => `<img src=x onerror=${call(id)}>`],
  ["event-handler", (id) => `<img src="x" onerror="alert('${id}')">`],
  ["event-handler", (id) => `<body onload=${call(id)}>`],
  ["event-handler", (id) => `<input autofocus onfocus=${call(id)}>`],
  ["event-handler", (id) => `<details open ontoggle=${call(id)}>`],
  ["event-handler", (id) => `<video><source onerror=${call(id)}></video>`],
  ["event-handler", (id) => `<div onmouseover="${call(id)}" style="position:fixed;inset:0">hover</div>`],
  // javascript: and data: URLs, including spellings the URL parser normalizes.
  ["javascript-url", (id) => `<a href="javascript:${call(id)}">open</a>`],
  ["javascript-url", (id) => `javascript:${call(id)}`],
  ["javascript-url", (id) => `JaVaScRiPt:${call(id)}`],
  ["javascript-url", (id) => ` java\tscript:${call(id)}`],
  ["javascript-url", (id) => `<a href="&#106;avascript:${call(id)}">entity</a>`],
  ["javascript-url", (id) => `data:text/html,<script>${call(id)}</script>`],
  ["javascript-url", (id) => `<form action="javascript:${call(id)}"><button>go</button></form>`],
  ["javascript-url", (id) => `<meta http-equiv="refresh" content="0;url=javascript:${call(id)}">`],
  ["javascript-url", (id) => `<base href="javascript:${call(id)}//">`],
  // SVG and MathML, including the namespace-confusion (mutation XSS) tricks.
  ["svg", (id) => `<svg onload=${call(id)}>`],
  ["svg", (id) => `<svg><script>${call(id)}</script></svg>`],
  ["svg", (id) => `<svg><a xlink:href="javascript:${call(id)}"><text y="20">svg link</text></a></svg>`],
  ["svg", (id) => `<svg><animate onbegin=${call(id)} attributeName=x dur=1s>`],
  // The shapes of sanitize-html's 2026 advisories (fixed in 2.17.6 and 2.17.7, which need Node.js 22): raw-text elements
  // inside foreign content, and SVG animation that sets an event handler or a link.
  ["svg", (id) => `<svg><set attributeName="onmouseover" to="${call(id)}"/><rect width="10" height="10"/></svg>`],
  ["svg", (id) => `<svg><a><animate attributeName="href" values="javascript:${call(id)}"/><text y="20">animated link</text></a></svg>`],
  ["svg", (id) => `<svg><textarea><img src=x onerror=${call(id)}></textarea></svg>`],
  ["mathml", (id) => `<math><xmp><img src=x onerror=${call(id)}></xmp></math>`],
  ["mathml", (id) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(id)}>`],
  ["mathml", (id) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${call(id)}&gt;">`],
  ["mathml", (id) => `<noscript><p title="</noscript><img src=x onerror=${call(id)}>">`],
  // Frames and plugins.
  ["frame", (id) => `<iframe srcdoc="<script>parent.__xss('${id}')</script>"></iframe>`],
  ["frame", (id) => `<iframe src="javascript:parent.__xss('${id}')"></iframe>`],
  ["frame", (id) => `<object data="javascript:${call(id)}"></object>`],
  ["frame", (id) => `<embed src="javascript:${call(id)}">`],
  // Breaking out of the element or attribute the text lands in.
  ["breakout", (id) => `"><img src=x onerror=${call(id)}>`],
  ["breakout", (id) => `'><svg onload=${call(id)}>`],
  ["breakout", (id) => `" onmouseover="${call(id)}" data-x="`],
  ["breakout", (id) => `' autofocus onfocus='${call(id)}' data-x='`],
  ["breakout", (id) => `</textarea><script>${call(id)}</script>`],
  ["breakout", (id) => `</title><script>${call(id)}</script>`],
  ["breakout", (id) => `</script><script>${call(id)}</script>`],
  ["breakout", (id) => `]]></content><script>${call(id)}</script>`],
  // Broken and legacy markup.
  ["broken-markup", (id) => `<img src=x onerror=${call(id)}`],
  ["broken-markup", (id) => `<!--<img src="--><img src=x onerror=${call(id)}//">`],
  ["broken-markup", (id) => `<![CDATA[<script>${call(id)}</script>]]>`],
  ["broken-markup", (id) => `<style>@import "javascript:${call(id)}";</style><div style="background:url(javascript:${call(id)})">`],
  ["broken-markup", (id) => `&lt;script&gt;${call(id)}&lt;/script&gt;`],
  ["broken-markup", (id) => `%3Cscript%3E${call(id)}%3C%2Fscript%3E`],
  // Template syntax some renderers evaluate.
  ["template", (id) => `{{constructor.constructor("${call(id)}")()}}`],
  ["template", (id) => `\${${call(id)}}`],
  ["template", (id) => `<%= ${call(id)} %>`],
  // Unicode: full-width brackets, direction overrides, line separators, zero-width characters.
  ["unicode", (id) => `\uff1cscript\uff1e${call(id)}\uff1c/script\uff1e`],
  ["unicode", (id) => `\u202e<img src=x onerror=${call(id)}>\u202c`],
  ["unicode", (id) => `\u2028\u2029</script><script>${call(id)}</script>`],
  ["unicode", (id) => `java\u200bscript:${call(id)}`],
  ["unicode", (id) => `\ufeff<script>${call(id)}</script>`],
  ["unicode", (id) => `<img src=x onerror=&#119;indow.__xss('${id}')>`],
];

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = PAYLOADS.map(([family, build], index) => {
  const id = `x${String(index + 1).padStart(2, "0")}`;
  return { id, family, text: build(id) };
});

/** The ids a recorded `__xss`/`alert` call can carry. */
export const PAYLOAD_IDS: ReadonlySet<string> = new Set(HOSTILE_PAYLOADS.map((payload) => payload.id));

/**
 * All payloads joined by `separator`, cut into pieces of at most `max` characters without
 * splitting a payload, for fields too short to take them all at once.
 */
export function packPayloads(max: number, options: { prefix?: string; separator?: string; payloads?: readonly HostilePayload[] } = {}): string[] {
  const { prefix = "", separator = " ", payloads = HOSTILE_PAYLOADS } = options;
  const pieces: string[] = [];
  let current = prefix;
  for (const payload of payloads) {
    if (prefix.length + payload.text.length > max) throw new Error(`payload ${payload.id} does not fit in ${max} characters`);
    const next = current === prefix ? `${current}${payload.text}` : `${current}${separator}${payload.text}`;
    if (next.length > max) {
      pieces.push(current);
      current = `${prefix}${payload.text}`;
    } else {
      current = next;
    }
  }
  if (current !== prefix) pieces.push(current);
  return pieces;
}
