/**
 * The index's parser runs GFM's literal-autolink transform only on trees with a text that could
 * hold a literal (lib/autolink-literals.ts). Each text here is parsed by it and by a parser with
 * remark-gfm alone, and the trees must be the same: literals of every kind, in every case, next
 * to each other, inside links and code, and texts that only look close.
 */
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mayHoldAutolinkLiteral, remarkAutolinkLiteralsWhenPossible, remarkGfmWithoutLiteralAutolinks, sourceMayHoldAutolinkLiteral } from '../../../src/lib/autolink-literals.ts';
import { remarkEscapedBrackets } from '../../../src/lib/escaped-brackets.ts';
import { parseMarkdown, parserFor } from '../../../src/lib/markdown-parser.ts';
import { allFixtureCases } from '../helpers/fixtures.ts';

const plain = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkEscapedBrackets).freeze();

const TEXTS = [
  'Sourdough needs time. No links here, only **bold** and _emphasis_.',
  'See www.example.com for the recipe.',
  'See WWW.EXAMPLE.COM, shouted.',
  'Docs at https://kubernetes.io/docs/ and http://localhost:8080/path?q=1.',
  'HTTPS://UPPER.EXAMPLE.ORG works too.',
  'Write to baker@example.com or mailto:shop@example.org, or xmpp:chat@example.net/room.',
  'An at sign alone: @home, and a@b without a dot.',
  'www without a dot, and http:/broken, and wwww.example.com.',
  '[www.example.com](https://example.com) is already a link, and `www.example.com` is code.',
  '> [!tip] In a callout\n> Mail someone@example.com today.',
  '| site | mail |\n| --- | --- |\n| www.example.com | x@example.com |',
  '- item https://example.com/a\n  - nested www.example.org',
  'Footnote[^1].\n\n[^1]: At https://example.com/note.',
  // Literals only the transform finds (after `[`, `"` or `<`, which the tokenizer does not start after):
  'An embed ![[https://cdn.example.net/map.png|400]] and a link [[www.example.com]].',
  'Quoted "www.example.com", bracketed [[someone@example.com]], and text<www.example.com>.',
];

describe('autolink literals when possible', () => {
  it('replaces remark-gfm’s transform in the index’s parser', () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralsWhenPossible).freeze();
    expect((processor.data() as { atlasAutolinkLiterals?: number }).atlasAutolinkLiterals).toBe(1);
  });

  for (const text of TEXTS) {
    it(`parses as remark-gfm does: ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(parseMarkdown(text)).toEqual(plain.parse(text));
    });
  }

  it('says which trees could hold a literal', () => {
    expect(mayHoldAutolinkLiteral(plain.parse(TEXTS[0]!))).toBe(false);
    expect(mayHoldAutolinkLiteral(plain.parse('Visit www.example.com'))).toBe(true);
    expect(mayHoldAutolinkLiteral(plain.parse('Mail a@b.co'))).toBe(true);
  });
});

/** Sources without `@`, `http(s)://` or `www.`: GFM of every other kind, and near misses. */
const WITHOUT_TRIGGERS = [
  'Plain prose about bread, with **bold**, _emphasis_ and ~~strike~~ and ~single~.',
  '| flour | water |\n| :--- | ---: |\n| 500 g | 350 g |\n| a \\| pipe | b |',
  '- [ ] feed the starter\n- [x] mix\n  - [ ] nested task',
  'A footnote[^a] and another[^long note].\n\n[^a]: Its text.\n[^long note]: More, with `code`.',
  'Near misses: htp://x, http:/x, http//x, ww.example.com, wwwexample, at&#64;example.com, mailto:someone, xmpp:room.',
  'Character references stay text: user&#64;example&#46;com and &amp;.',
  'Escapes: \\*not emphasis\\*, \\~not strike\\~, \\[\\[not a link\\]\\].',
  '> [!warning] A callout\n> with a table:\n>\n> | a | b |\n> | - | - |\n> | 1 | 2 |',
  '<div>raw *html*</div>\n\n<span>inline</span> and <b>bold</b>',
  'Math $e^{i\\pi}+1=0$ and\n\n$$\n\\int_0^1 x\\,dx\n$$',
  '```js\nconst url = "not a link";\n```\n\n    indented code',
  'Über Brötchen: Ärger, Öfen und Straße. 日本語のテキスト。',
];

describe('the tokenizer is left out where it can find nothing', () => {
  const named = (extension: object) => JSON.stringify(extension, (_key, value) => (typeof value === 'function' ? undefined : value));

  it('drops exactly the three literal-autolink constructs from remark-gfm’s syntax', () => {
    const full = unified().use(remarkGfm).freeze().data() as { micromarkExtensions: object[] };
    const without = unified().use(remarkGfmWithoutLiteralAutolinks).freeze().data() as { micromarkExtensions: object[]; fromMarkdownExtensions: unknown[] };
    expect(named(full.micromarkExtensions)).toMatch(/emailAutolink/);
    expect(named(without.micromarkExtensions)).not.toMatch(/wwwAutolink|protocolAutolink|emailAutolink/);
    // Footnotes, strikethrough, tables and task lists are still there.
    for (const name of ['gfmFootnoteCall', 'strikethrough', 'table', 'tasklistCheck']) expect(named(without.micromarkExtensions)).toMatch(new RegExp(name));
    expect(without.fromMarkdownExtensions).toHaveLength(1);
  });

  it('is chosen by the source', () => {
    for (const text of WITHOUT_TRIGGERS) expect(sourceMayHoldAutolinkLiteral(text), text).toBe(false);
    for (const text of TEXTS.slice(1)) if (!text.startsWith('An at sign') && !text.startsWith('www without')) expect(sourceMayHoldAutolinkLiteral(text), text).toBe(true);
    expect(parserFor(WITHOUT_TRIGGERS[0]!)).not.toBe(parserFor(TEXTS[1]!));
    expect(parserFor(WITHOUT_TRIGGERS[0]!, 'mdx')).not.toBe(parserFor(WITHOUT_TRIGGERS[0]!));
  });

  for (const text of WITHOUT_TRIGGERS) {
    it(`parses as remark-gfm does: ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(parseMarkdown(text)).toEqual(plain.parse(text));
    });
  }

  it('parses every plugin fixture as remark-gfm does', () => {
    const root = join(import.meta.dirname, '../markdown');
    const inputs = allFixtureCases(root).map((name) => readFileSync(join(root, name, 'input.md'), 'utf8'));
    expect(inputs.filter((input) => !sourceMayHoldAutolinkLiteral(input)).length).toBeGreaterThan(30);
    for (const input of inputs) expect(parseMarkdown(input)).toEqual(plain.parse(input));
  });
});
