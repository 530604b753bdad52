/**
 * The palette of kinds: a few Mermaid classes every flowchart of the site can use, so that the
 * same kind of thing has the same colour in every diagram.
 *
 *     class api,etcd control;      the control plane
 *     class kubelet worker;        a worker node and what runs on it
 *     class containerd runtime;    container runtimes, shims, runc
 *     class registry external;     registries, clouds, users: outside the cluster
 *     class dockershim legacy;     removed or outdated (dashed border)
 *
 * The renderer adds the `classDef` lines to a flowchart before Mermaid draws it (an author's
 * own `classDef` of the same name comes later in the source and wins). The colours are theme
 * sentinels (theme.ts), so each one becomes a `light-dark()` custom property in
 * src/styles/diagrams.css, where the text contrast of each pair is stated.
 */
import { sentinel, type ColourRole } from './theme.ts';

export const PALETTE_CLASSES = ['control', 'worker', 'runtime', 'external', 'legacy'] as const;
export type PaletteClass = (typeof PALETTE_CLASSES)[number];

function classDef(name: PaletteClass): string {
  const fill = sentinel(`${name}-bg` as ColourRole);
  const stroke = sentinel(`${name}-border` as ColourRole);
  const dashed = name === 'legacy' ? ',stroke-dasharray:6 4' : '';
  return `  classDef ${name} fill:${fill},stroke:${stroke},stroke-width:1.5px,color:${sentinel('text')}${dashed}`;
}

/**
 * The source with the palette's `classDef` lines at the end of a flowchart (other diagrams as
 * they are). At the end, so the line numbers in Mermaid's error messages stay the author's; a
 * class the author defines is left to the author.
 */
export function withPalette(source: string): string {
  // Front matter (`---` … `---`) and `%%` comments or directives may come before the header.
  const body = source.replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  const header = body.split('\n').find((line) => line.trim() && !line.trim().startsWith('%%')) ?? '';
  if (!/^\s*(?:flowchart|graph)\b/.test(header)) return source;
  const own = PALETTE_CLASSES.filter((name) => !new RegExp(`^\\s*classDef\\s+(?:[\\w-]+\\s*,\\s*)*${name}\\b`, 'm').test(source));
  return `${source.replace(/\s*$/, '')}\n${own.map(classDef).join('\n')}\n`;
}
