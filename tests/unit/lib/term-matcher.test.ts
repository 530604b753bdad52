/**
 * The term matcher's one pattern is a trie of every name (src/lib/term-matcher.ts). It must find
 * exactly what the plain list of names, longest first, finds: the same mentions at the same
 * places, of the same terms. The reference below is that list, kept as the specification, and
 * both read the shipped glossary, a generated one (names sharing long prefixes) and awkward
 * names, over the shipped notes and over generated text.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTermMatcher, type TermMatcher } from '../../../src/lib/term-matcher.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { readVault } from '../../../src/lib/vault-files.ts';
import type { GlossaryTerm } from '../../../src/lib/vault-model.ts';
import { glossaryTerm } from '../helpers/terms.ts';

const WORD = '[\\p{L}\\p{N}_-]';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The matcher as a flat list of names, longest first: the specification. */
function reference(matcher: TermMatcher): (text: string) => unknown[] {
  const names = matcher.names;
  const pattern = new RegExp(`(?<!${WORD})(?:${names.map((n) => escape(n.name).replace(/\s+/g, '\\s+')).join('|')})(?!${WORD})`, 'giu');
  return (text) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const written = match[0].replace(/\s+/g, ' ');
      const hit = names.find((n) => n.name.toLowerCase() === written.toLowerCase() && (!n.term.caseSensitive || n.name === written));
      return hit ? [[match.index, match[0], hit.name, hit.term.slug]] : [];
    });
}

const found = (matcher: TermMatcher, text: string) => matcher.find(text).map((m) => [m.index, m.text, m.name, m.term.slug]);

const shipped = buildVaultIndex(readVault(resolve(import.meta.dirname, '../../../content')));

/** A seeded PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function texts(names: string[], count: number, seed: number): string[] {
  const next = random(seed);
  const filler = ['the', 'a', 'kube', 'proxy-like', 'term', 'Synthetic', 'of', '-', '(', ')', '.', ',', 'x1', 'é', 'Ünïcode'];
  const gaps = [' ', '  ', '\n', '\t', '', '-', '_'];
  return Array.from({ length: count }, () => {
    const parts: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const pick = next();
      let word = pick < 0.4 ? names[Math.floor(next() * names.length)]! : filler[Math.floor(next() * filler.length)]!;
      if (next() < 0.2) word = word.toUpperCase();
      else if (next() < 0.2) word = word.toLowerCase();
      if (next() < 0.15) word = word.slice(0, Math.max(1, Math.floor(word.length * next())));
      parts.push(word, gaps[Math.floor(next() * gaps.length)]!);
    }
    return parts.join('');
  });
}

const awkward: GlossaryTerm[] = [
  glossaryTerm('service', { title: 'Service', caseSensitive: true, aliases: ['service mesh', 'Svc'] }),
  glossaryTerm('service-account', { title: 'Service account', aliases: ['SA'] }),
  glossaryTerm('kube-proxy', { title: 'kube-proxy' }),
  glossaryTerm('proxy', { title: 'proxy' }),
  glossaryTerm('api', { title: 'API', aliases: ['API server', 'API  group', 'k8s.io', 'C++ (lang)'] }),
  glossaryTerm('node', { title: 'Node', aliases: ['node pool', 'nodes'] }),
  glossaryTerm('unicode', { title: 'Ünïcode', aliases: ['é'] }),
];
const generated = Array.from({ length: 300 }, (_, i) => glossaryTerm(`term-${i + 1}`, { title: `Synthetic term ${i + 1}`, aliases: [`alias ${i + 1}`] }));

describe('the term matcher', () => {
  for (const [name, terms] of [
    ['the shipped glossary', [...shipped.terms.values()]],
    ['a generated glossary', generated],
    ['awkward names', awkward],
    ['all of them together', [...shipped.terms.values(), ...generated, ...awkward]],
  ] as const) {
    it(`finds what the plain list of names finds: ${name}`, () => {
      const matcher = createTermMatcher(terms);
      const expected = reference(matcher);
      const samples = [...texts(matcher.names.map((n) => n.name), 300, 7), ...shipped.documents.map((d) => d.prose)];
      let mentions = 0;
      for (const text of samples) {
        const got = found(matcher, text);
        mentions += got.length;
        expect(got, text).toEqual(expected(text));
      }
      expect(mentions).toBeGreaterThan(100);
    });
  }

  it('prefers the longest name', () => {
    const matcher = createTermMatcher(awkward);
    expect(found(matcher, 'A service mesh and a Service, an API server and node pools.')).toEqual([
      [2, 'service mesh', 'service mesh', 'service'],
      [21, 'Service', 'Service', 'service'],
      [33, 'API server', 'API server', 'api'],
      // "node pool" does not end at a word's end here, so the shorter name is the mention.
      [48, 'node', 'Node', 'node'],
    ]);
  });
});
