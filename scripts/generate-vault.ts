/**
 * Generates a synthetic Obsidian vault of N notes for benchmarks and scale tests: folders,
 * wikilinks (plain, labelled, to headings and blocks), embeds (sections and an image),
 * callouts, tags, glossary terms and Mermaid diagrams. Deterministic: the same N gives the
 * same vault, byte for byte, and every link resolves (a clean vault must report no problem).
 *
 *   node scripts/generate-vault.ts --notes 1000 --out /tmp/vault-1000
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface GenerateOptions {
  notes: number;
  outDir: string;
  /** One diagram every this many notes (0: none). */
  diagramEvery?: number;
}

const WORDS = 'pod node cluster image container runtime kernel network volume service scheduler controller lease registry proxy label taint toleration probe replica rollout namespace quota secret config'.split(' ');
const TAGS = ['containers', 'kubernetes', 'networking', 'storage', 'security', 'kubernetes/workloads', 'kubernetes/control-plane'];
const CALLOUTS = ['note', 'tip', 'warning', 'example', 'info'];

/** A small seeded PRNG (mulberry32): deterministic output without a dependency. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateVault({ notes, outDir, diagramEvery = 25 }: GenerateOptions): { notes: number; terms: number; diagrams: number } {
  const rand = random(notes);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (n = 12) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  rmSync(outDir, { recursive: true, force: true });
  const termCount = Math.max(5, Math.round(notes / 20));
  const terms = Array.from({ length: termCount }, (_, i) => `term-${i + 1}`);
  const titles = Array.from({ length: notes }, (_, i) => `Note ${String(i + 1).padStart(5, '0')}`);
  const folderOf = (i: number) => `section-${Math.floor(i / 100) + 1}`;
  let diagrams = 0;

  mkdirSync(join(outDir, 'glossary'), { recursive: true });
  mkdirSync(join(outDir, 'attachments'), { recursive: true });
  // A 1×1 PNG for image embeds.
  writeFileSync(
    join(outDir, 'attachments', 'pixel.png'),
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  terms.forEach((slug, i) => {
    const related = terms[(i + 1) % terms.length]!;
    writeFileSync(
      join(outDir, 'glossary', `${slug}.md`),
      [
        '---',
        `title: Synthetic term ${i + 1}`,
        `definition: ${sentence(14)}`,
        `aliases: [alias ${i + 1}]`,
        `tags: [${pick(TAGS)}]`,
        `related: [${related}]`,
        'official: https://kubernetes.io/docs/concepts/',
        'verified: 2026-11-24',
        '---',
        '',
        `${sentence(20)} See [[${related}]].`,
        '',
      ].join('\n'),
    );
  });

  titles.forEach((title, i) => {
    const folder = folderOf(i);
    mkdirSync(join(outDir, folder), { recursive: true });
    const other = titles[(i * 7 + 3) % notes]!;
    const previous = titles[(i + notes - 1) % notes]!;
    const term = terms[i % terms.length]!;
    const lines = [
      '---',
      `title: ${title}`,
      `tags: [${pick(TAGS)}, ${pick(TAGS)}]`,
      `order: ${i}`,
      '---',
      '',
      `${sentence()} Synthetic term ${(i % termCount) + 1} appears here. #generated`,
      '',
      '## Overview',
      '',
      `${sentence(30)} See [[${other}]], [[${previous}|the previous note]] and [[${term}]]. ^summary-${i}`,
      '',
      `> [!${pick(CALLOUTS)}] ${sentence(4)}`,
      `> ${sentence(16)}`,
      '',
      '## Details',
      '',
      ...Array.from({ length: 3 }, () => `${sentence(40)}\n`),
      `- ${sentence(8)} Links to [[${other}#Overview]].`,
      `- ${sentence(8)} ==Highlighted== and a block link [[${previous}#^summary-${(i + notes - 1) % notes}]].`,
      '',
      '```bash',
      `kubectl get pods -n ns-${i}`,
      '```',
      '',
    ];
    if (i % 10 === 0) lines.push(`![[${previous}#Overview]]`, '', '![[pixel.png|16]]', '');
    if (diagramEvery > 0 && i % diagramEvery === 0) {
      diagrams += 1;
      lines.push(
        '```mermaid',
        'flowchart LR',
        `  accTitle: Flow of note ${i + 1}`,
        `  accDescr: A generated flow with three steps for note ${i + 1}.`,
        `  a${i}["Step ${i} start"] --> b${i}["${pick(WORDS)} ${i}"] --> c${i}["Step ${i} end"]`,
        '```',
        `Figure: A generated diagram for ${title}.`,
        '',
      );
    }
    lines.push('## See also', '', `- [[${other}]]`, '');
    writeFileSync(join(outDir, folder, `${title}.md`), lines.join('\n'));
  });
  return { notes, terms: termCount, diagrams };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { notes: { type: 'string', default: '200' }, out: { type: 'string' }, diagrams: { type: 'string' } } });
  const notes = Number(values.notes);
  const outDir = values.out ?? `tests/.tmp/vault-${notes}`;
  const result = generateVault({ notes, outDir, diagramEvery: values.diagrams ? Number(values.diagrams) : undefined });
  console.log(`Generated ${result.notes} notes, ${result.terms} terms and ${result.diagrams} diagrams in ${outDir}`);
}
