/**
 * ```mermaid fences → inline SVG drawn at build time (src/diagrams/), in a figure:
 *
 *     <figure class="atlas-diagram" data-atlas-diagram data-diagram-labels="…"
 *             data-pagefind-index-attrs="data-diagram-labels">
 *       <div class="atlas-diagram-svg" data-pagefind-ignore="all"><svg role="…" aria-labelledby="…">…</svg></div>
 *       <figcaption>the `Figure:` paragraph that follows the fence, without the prefix</figcaption>
 *     </figure>
 *
 * Search indexes a diagram by its caption and its title and description (accTitle, accDescr),
 * which go in an attribute Pagefind is told to index; the box labels inside the SVG are kept
 * out (`data-pagefind-ignore`), as they are fragments the description already says in
 * sentences. Not as visually hidden text: screen readers already get them from the SVG and
 * would hear them twice.
 *
 * Authors are told early (warnings, at the fence): text that would render under 12 px in the
 * column or 11 px on a phone (diagrams/fit.ts), and a missing accTitle, accDescr or caption.
 *
 * Shiki skips `mermaid` (astro.config.mjs), so a fence arrives as `<pre><code class=
 * "language-mermaid">`. A diagram Mermaid rejects, or one that needs a browser when none can
 * start, is reported and shown as its source with a visible note; the build goes on.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Node } from 'unist';
import { SKIP, visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { sharedRenderer, type DiagramRenderer } from '../diagrams/renderer.ts';
import { vaultCacheDir } from '../diagrams/cache.ts';
import { MIN_TEXT_DESKTOP, MIN_TEXT_PHONE, textFit } from '../diagrams/fit.ts';
import { prepareSvg, type DiagramLinks } from '../diagrams/svg.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import { documentOf, vaultPathOf, type VaultOptions } from './context.ts';
import { fileMessage, type Reporter } from './messages.ts';
import { someNode } from './tree-search.ts';

export interface DiagramOptions extends VaultOptions {
  /**
   * Where the diagrams of the note `from` link: `click` URLs, term boxes, `internal-link` boxes
   * (diagrams/links.ts, `diagramLinks`). Required.
   */
  links: (from: VaultDocument | undefined) => DiagramLinks;
  /**
   * Draws the diagrams. Default: the build's shared renderer (one browser for the build),
   * caching drawn diagrams in the vault (`vaultCacheDir(vaultDir)`).
   */
  renderer?: DiagramRenderer;
}

interface Fence {
  pre: Element;
  parent: Parents;
  ancestors: Node[];
  source: string;
}

const isEmbed = (node: { type: string; properties?: { className?: unknown } }) =>
  node.type === 'element' && ((node.properties?.className as string[] | undefined) ?? []).includes('atlas-embed');

/** A `<code>` of a Mermaid fence (the walk below takes those inside a `<pre>`). */
const isMermaidCode = (node: { type: string; tagName?: string; properties?: { className?: unknown } }) =>
  node.type === 'element' && node.tagName === 'code' && Array.isArray(node.properties?.className) && node.properties.className.includes('language-mermaid');

// `Figure:` at the start of the caption paragraph (any case, spaces after it dropped).
const CAPTION = /^\s*figure:\s*/i;

export function rehypeDiagrams(options: DiagramOptions) {
  const { vaultDir, renderer } = options;
  return async (tree: Root, file: VFile) => {
    if (!someNode(tree, isMermaidCode)) return;
    const fences: Fence[] = [];
    visitParents(tree, 'element', (node: Element, ancestors: Parents[]) => {
      if (node.tagName !== 'pre') return undefined;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const classes = code?.properties.className;
      if (!code || !Array.isArray(classes) || !classes.includes('language-mermaid')) return undefined;
      fences.push({ pre: node, parent: ancestors.at(-1)!, ancestors, source: toString(code) });
      return SKIP;
    });
    if (fences.length === 0) return;

    const draw = renderer ?? sharedRenderer(vaultCacheDir(vaultDir));
    const from = documentOf(options, file);
    const links = options.links(from);
    // Short and stable: ids stay unique when several notes' diagrams meet on one page (embeds).
    const page = createHash('sha256').update(vaultPathOf(vaultDir, file) ?? file.path ?? '').digest('hex').slice(0, 6);
    // Started together; the renderer queues them, so one browser draws them one by one.
    const results = await Promise.all(fences.map((fence) => draw.render(fence.source)));

    let own = 0;
    fences.forEach((fence, i) => {
      const result = results[i]!;
      const problem: Reporter = (p) => fileMessage(file, fence.pre, p, fence.ancestors);
      const caption = takeCaption(fence);
      checkConventions(fence, caption !== undefined, problem);
      let figure: Element;
      if (result.kind === 'svg') {
        const prepared = prepareSvg(result.svg, {
          prefix: `dg${page}-${i + 1}`,
          links,
          ...(caption ? { fallbackLabel: toString(caption).trim() } : {}),
        });
        for (const url of prepared.brokenLinks) {
          problem({
            ruleId: 'diagram-invalid',
            message: `Diagram link \`${url}\` points to no page.`,
            suggestion: 'Glossary entries are at `/glossary/<file name>/`; check the `click` line.',
          });
        }
        for (const label of prepared.unresolvedInternal) {
          problem({
            ruleId: 'wikilink-unresolved',
            message: `Diagram box \`${label}\` has the class \`internal-link\`, but no note or glossary entry is called \`${label}\`.`,
            suggestion: 'An `internal-link` box links to the note its label names, as `[[label]]` would: rename the box or the note, or drop it from the `class … internal-link` line.',
          });
        }
        if (prepared.unsafe.length) {
          problem({
            ruleId: 'html-unsafe',
            message: `Diagram contains ${prepared.unsafe.map((u) => `\`${u}\``).join(', ')}, which could run script or load another page; it was removed.`,
            suggestion: '`click` lines may only link to pages (`click node "/glossary/etcd/"`).',
          });
        }
        checkTextSize(prepared.svg, problem);
        // What a reader reads: the description (accDescr) once, or the title when there is
        // none. The caption is a figcaption, indexed as text.
        const words = prepared.description || prepared.title || '';
        figure = element('figure', { className: ['atlas-diagram'], dataAtlasDiagram: '', dataDiagramLabels: words, dataPagefindIndexAttrs: 'data-diagram-labels' }, [
          element('div', { className: ['atlas-diagram-svg'], dataPagefindIgnore: 'all' }, [prepared.svg]),
        ]);
      } else {
        let note: string;
        if (result.kind === 'invalid') {
          const message = oneLine(result.message);
          // Mermaid's line numbers count lines it adds itself, so they are quoted, not mapped.
          problem({
            ruleId: 'diagram-invalid',
            message: `Mermaid cannot draw this diagram: ${message}`,
            suggestion: 'Check the syntax at https://mermaid.js.org/syntax/flowchart.html, or try it at https://mermaid.live.',
          });
          note = `This diagram could not be drawn. Mermaid says: ${message}`;
        } else {
          problem({
            ruleId: 'diagram-no-browser',
            message: `Cannot draw this diagram: ${result.message}`,
            suggestion: 'Install Chromium (`apt-get install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
          });
          note = 'This diagram could not be drawn: no browser was available when the site was built.';
        }
        fence.pre.properties.className = ['atlas-diagram-source'];
        figure = element('figure', { className: ['atlas-diagram', 'atlas-diagram-failed'] }, [
          element('div', { className: ['atlas-diagram-error'], role: 'note' }, [element('p', {}, [{ type: 'text', value: note }])]),
          fence.pre,
        ]);
      }
      if (caption) figure.children.push(element('figcaption', {}, caption.children));
      // `#diagram-N` (N counts the note's own diagrams, in order) is where glossary entries
      // link to "diagrams that show this term" (lib/term-diagrams.ts); embedded diagrams
      // belong to another note and get no id.
      if (!fence.ancestors.some(isEmbed)) figure.properties.id = `diagram-${++own}`;
      fence.parent.children.splice(fence.parent.children.indexOf(fence.pre), 1, figure);
    });
  };
}

/**
 * The caption is the paragraph right after the fence (blank lines between are fine), when it
 * starts with `Figure:`. It is removed from the tree and returned without the prefix, its
 * inline markup (links, emphasis) kept.
 */
function takeCaption({ pre, parent }: Fence): Element | undefined {
  const siblings = parent.children;
  let at = siblings.indexOf(pre) + 1;
  while (at < siblings.length && siblings[at]!.type === 'text' && !(siblings[at] as { value: string }).value.trim()) at++;
  const next = siblings[at];
  if (next?.type !== 'element' || next.tagName !== 'p') return undefined;
  const first = next.children[0];
  if (first?.type !== 'text' || !CAPTION.test(first.value)) return undefined;
  first.value = first.value.replace(CAPTION, '');
  siblings.splice(siblings.indexOf(pre) + 1, at - siblings.indexOf(pre));
  return next;
}

/** The content conventions: every diagram has accTitle, accDescr and a caption. Warnings. */
function checkConventions(fence: Fence, captioned: boolean, problem: Reporter): void {
  const suggestion = 'See "Diagrams" in docs/content-conventions.md.';
  if (!/^\s*accTitle\s*:/m.test(fence.source)) {
    problem({ severity: 'warning', ruleId: 'diagram-missing-title', message: "Diagram has no `accTitle` (its name for screen readers).", suggestion: `Add a line \`accTitle: …\` after the diagram's first line. ${suggestion}` });
  }
  if (!/^\s*accDescr\s*[:{]/m.test(fence.source)) {
    problem({ severity: 'warning', ruleId: 'diagram-missing-description', message: 'Diagram has no `accDescr` (its text alternative: what it shows).', suggestion: `Add a line \`accDescr: …\` that says in sentences what the diagram shows. ${suggestion}` });
  }
  if (!captioned) {
    problem({ severity: 'warning', ruleId: 'diagram-missing-caption', message: 'Diagram has no caption.', suggestion: `Write a paragraph right after the fence that starts with \`Figure:\`. ${suggestion}` });
  }
}

/** Text a reader would get under 12 px in the column (or 11 px on a phone): warn, with the fix. */
function checkTextSize(svg: Element, problem: Reporter): void {
  const fit = textFit(svg);
  if (!fit || (fit.desktop >= MIN_TEXT_DESKTOP && fit.phone >= MIN_TEXT_PHONE)) return;
  const width = Math.round(fit.naturalWidth).toLocaleString('en');
  const where = [
    fit.desktop < MIN_TEXT_DESKTOP && `${fit.desktop} px in the page column (${MIN_TEXT_DESKTOP} px at least)`,
    fit.phone < MIN_TEXT_PHONE && `${fit.phone} px on a phone (${MIN_TEXT_PHONE} px at least)`,
  ].filter(Boolean);
  problem({
    severity: 'warning',
    ruleId: 'diagram-small-text',
    message: `Diagram text would render at ${where.join(' and ')}: the diagram is drawn ${width} px wide and shrinks to fit.`,
    suggestion:
      'Make it narrower: draw it top to bottom (`flowchart TB`), put fewer boxes side by side (stack groups with `a ~~~ b`), shorten labels or break them with `<br>`, use fewer sequence participants, or split it into two diagrams.',
  });
}

/** Mermaid's parse errors span lines (the source line, a caret, what it expected). */
function oneLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l && !/^-*\^$/.test(l));
  const text = lines.join(' ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
