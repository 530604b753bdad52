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

/** The source with the palette's `classDef` lines after a flowchart's header; other diagrams as they are. */
export function withPalette(source: string): string {
  const lines = source.split('\n');
  let at = 0;
  // Front matter (`---` … `---`), blank lines and `%%` comments or directives may come first.
  if (lines[0]?.trim() === '---') {
    at = lines.findIndex((line, i) => i > 0 && line.trim() === '---') + 1;
    if (at === 0) return source;
  }
  while (at < lines.length && (!lines[at]!.trim() || lines[at]!.trim().startsWith('%%'))) at++;
  if (!/^\s*(?:flowchart|graph)\b/.test(lines[at] ?? '')) return source;
  lines.splice(at + 1, 0, ...PALETTE_CLASSES.map(classDef));
  return lines.join('\n');
}
