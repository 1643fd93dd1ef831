/** Tests only: small TMX files, and segment contents the fast path must read as the real reader does (or leave to it). */
export const NOW = '2026-12-04T00:00:00.000Z';
export const PAIR = { sourceLang: 'en', targetLang: 'es' };
export const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="T" srclang="en" segtype="paragraph" o-tmf="t" adminlang="en" datatype="plaintext"/>\n<body>\n';
export const tu = (en: string, es: string, enLang = 'en', esLang = 'es') =>
  `<tu><tuv xml:lang="${enLang}"><seg>${en}</seg></tuv><tuv xml:lang="${esLang}"><seg>${es}</seg></tuv></tu>\n`;
export const tmx = (body: string) => `${HEAD}${body}</body>\n</tmx>\n`;

/** Segment contents that the scanner must read as the real reader does (or leave to it). */
export const TRICKY = [
  'Plain text, nothing special.',
  '  Spaces\n\tand   tabs  ',
  'Fish &amp; chips &lt;3 &gt; &quot;quoted&quot; &apos;it&apos;',
  'Caf&#233; and caf&#xE9; and cafe&#769;',
  'Cafe\u0301 composed by NFC',
  'Bold <bpt i="1" type="bold">&lt;b&gt;</bpt>word<ept i="1">&lt;/b&gt;</ept> here.',
  'A break<ph type="lb"/>then more.',
  'A <ph x="1">{1}</ph> placeholder and <it pos="begin">&lt;i&gt;</it>isolated.',
  'Click <ph>&lt;a&gt;<sub>Start</sub>&lt;/a&gt;</ph> to start.',
  'Highlighted <hi type="x">words</hi> stay.',
  'Unknown <foo>tag</foo> text kept.',
  'CDATA <![CDATA[<b>raw</b> & more]]> here.',
  'A comment <!-- </seg> --> inside.',
  'e<ph/>\u0301 after a code',
  'Attribute with gt <bpt i="1" x="a>b">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>.',
  'Private \uE000use\uE201 characters',
  '日本語のテキスト。',
];
