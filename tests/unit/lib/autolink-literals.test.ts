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
import { mayHoldAutolinkLiteral, remarkAutolinkLiteralsWhenPossible } from '../../../src/lib/autolink-literals.ts';
import { remarkEscapedBrackets } from '../../../src/lib/escaped-brackets.ts';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';

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
