/**
 * Hostile text: representative vectors of the OWASP XSS filter-evasion cheat sheet, written for
 * this suite. Each one, if it ever ran, would call the page's trap `__ccXss(<n>)` (or a dialog,
 * which is trapped as well), so a single execution anywhere is seen. They are stored through the
 * API in every text field a widget shows and must come back on screen as the same text.
 */

/** `${n}` is replaced by the vector's number. */
const VECTORS: string[] = [
  // tags
  '<script>__ccXss(${n})</script>',
  '<SCRIPT SRC=data:text/javascript,__ccXss(${n})></SCRIPT>',
  '<img src=x onerror=__ccXss(${n})>',
  '<IMG SRC="javascript:__ccXss(${n});">',
  '<img src=x onerror="&#95;&#95;ccXss(${n})">',
  '<body onload=__ccXss(${n})>',
  '<iframe src="javascript:parent.__ccXss(${n})"></iframe>',
  '<iframe srcdoc="<script>parent.__ccXss(${n})</script>"></iframe>',
  '<object data="javascript:__ccXss(${n})"></object>',
  '<embed src="data:text/html,<script>parent.__ccXss(${n})</script>">',
  '<details open ontoggle=__ccXss(${n})>',
  '<video><source onerror="__ccXss(${n})"></video>',
  '<input autofocus onfocus=__ccXss(${n})>',
  '<marquee onstart=__ccXss(${n})>x</marquee>',
  '<style>@import "javascript:__ccXss(${n})";</style>',
  '<link rel=stylesheet href="javascript:__ccXss(${n})">',
  '<meta http-equiv="refresh" content="0;url=javascript:__ccXss(${n})">',
  '<base href="javascript:__ccXss(${n})//">',
  '<form><button formaction=javascript:__ccXss(${n})>go</button></form>',
  '<a href="javascript:__ccXss(${n})">click</a>',
  '<a href="jav&#x09;ascript:__ccXss(${n})">tab</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19jY1hzcygpPC9zY3JpcHQ+">data</a>',
  // attribute breakouts
  '"><img src=x onerror=__ccXss(${n})>',
  "'><script>__ccXss(${n})</script>",
  '" onmouseover="__ccXss(${n})" x="',
  "' autofocus onfocus='__ccXss(${n})",
  '</textarea><script>__ccXss(${n})</script>',
  '</title></style></script><img src=x onerror=__ccXss(${n})>',
  // SVG and MathML
  '<svg onload=__ccXss(${n})>',
  '<svg><script>__ccXss(${n})</script></svg>',
  '<svg><animate onbegin=__ccXss(${n}) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__ccXss(${n})"><text x=20 y=20>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__ccXss(${n})>',
  // encoded and malformed forms
  '&lt;script&gt;__ccXss(${n})&lt;/script&gt;',
  '%3Cscript%3E__ccXss(${n})%3C%2Fscript%3E',
  '\\u003cscript\\u003e__ccXss(${n})\\u003c/script\\u003e',
  '<<SCRIPT>__ccXss(${n});//<</SCRIPT>',
  '<scr<script>ipt>__ccXss(${n})</scr</script>ipt>',
  '<!--<img src="--><img src=x onerror=__ccXss(${n})//">',
  // template, ${} and Lit-binding lookalikes
  '${__ccXss(${n})}',
  '{{constructor.constructor("__ccXss(${n})")()}}',
  '<!--?lit$1234$--><img src=x onerror=__ccXss(${n})>',
  'lit$123$ <div @click=${__ccXss(${n})} .innerHTML=${"<img src=x onerror=__ccXss(${n})>"}>',
  // RTL and zero-width tricks
  '\u202e>tpircs/<)${n}(ssXcc__>tpircs<\u202c',
  '<scr\u200bipt>__ccXss(${n})</scr\u200bipt>',
  '\u2066<img src=x onerror=__ccXss(${n})>\u2069 \ufeff',
];

/** The vectors, numbered from 1. */
export const XSS_PAYLOADS: readonly string[] = VECTORS.map((v, i) =>
  v.replaceAll('${n}', String(i + 1)),
);

/** A short one for fields with small limits (names): the vector and its number, cut to `max`. */
export function shortPayload(i: number, max: number): string {
  const candidates = XSS_PAYLOADS.filter((p) => p.length <= max);
  return candidates[i % candidates.length] ?? XSS_PAYLOADS[0]!.slice(0, max);
}
