/**
 * A note is parsed once per build. The vault index parses every note it scans (lib/note-scans.ts)
 * with the same parser and syntax extensions as this pipeline (lib/markdown-parser.ts), and
 * keeps the tree; this plugin makes the pipeline's parser take that tree for the same text
 * instead of parsing again. A note whose scan came from the cache on disk has no tree held and
 * is parsed as before; the output is the same either way (a unit test renders every plugin
 * fixture both ways).
 *
 * `.mdx` notes are left to @astrojs/mdx's own parser, whose MDX options are its own.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { takeParsedTree } from '../lib/note-scans.ts';
import { extname } from '../lib/paths.ts';

type Parser = (document: string, file: VFile) => Root;

export interface ParseOnceOptions {
  /** Called with each tree taken from the index, before any plugin changes it. */
  taken?: (tree: Readonly<Root>, file: VFile) => void;
}

export function remarkParseOnce(this: Processor, { taken }: ParseOnceOptions = {}) {
  const parse = this.parser as Parser | undefined;
  if (!parse) return;
  const parseOnce: Parser = (document, file) => {
    if (extname(file.path ?? '') !== '.md') return parse(document, file);
    const tree = takeParsedTree(document, 'md');
    if (!tree) return parse(document, file);
    taken?.(tree, file);
    return tree;
  };
  this.parser = parseOnce as Processor['parser'];
}
