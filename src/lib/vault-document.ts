/**
 * One file of the vault → one `VaultDocument`: frontmatter (validated with the zod schemas,
 * problems positioned at the key's line), the scan of its Markdown (headings, blocks, tags,
 * links, excerpt), and for glossary files the term. Pure: text in, data and problems out.
 */
import type { SourceFormat } from './markdown-parser.ts';
import { emptyScan, type NoteScan } from './markdown-scan.ts';
import { scanOf } from './note-scans.ts';
import { frontmatterBlock, splitFrontmatter } from './frontmatter.ts';
import { stripComments } from './obsidian-comments.ts';
import { basename, extname, slugifySegment, stripMarkdownExtension, type Slug, type VaultPath } from './paths.ts';
import type { Problem } from './problems.ts';
import { glossaryFrontmatterSchema, noteFrontmatterSchema, type GlossaryFrontmatter, type NoteFrontmatter } from './schemas.ts';
import { tagAncestry, tagProblem } from './tags.ts';
import { guardNoteBody, normaliseLineEndings } from './note-limits.ts';
import type { GlossaryTerm, VaultDocument } from './vault-model.ts';

/**
 * What a note's Markdown is parsed from: its body (frontmatter blanked) without comments, and
 * with input past the limits (nesting, brackets, tags, size) neutralised, reported by the
 * issues; the page renders this same body (integrations/vault-loader.ts).
 */
function guardedBody(splitBody: string) {
  return guardNoteBody(stripComments(splitBody));
}

/** The text `indexDocument` parses for this source, found without reading its frontmatter. */
export function parsedBodyOf(source: string): string {
  return guardedBody(frontmatterBlock(normaliseLineEndings(source)).body).body;
}

export function indexDocument(path: VaultPath, source: string, isTerm: boolean, problems: Problem[]): VaultDocument {
  // Every note passes here, from disk or from memory: one place for the line endings (CRLF and
  // a lone CR become LF, which keeps lines and columns where they were).
  const split = splitFrontmatter(normaliseLineEndings(source));
  for (const issue of split.issues) {
    problems.push({
      file: path,
      line: issue.line,
      column: issue.column,
      ruleId: 'frontmatter-yaml',
      severity: 'error',
      message: `Malformed frontmatter: ${issue.message}`,
      suggestion: 'Fix the YAML between the `---` lines (quote values that contain `:` or `#`).',
    });
  }
  const format: SourceFormat = extname(path) === '.mdx' ? 'mdx' : 'md';
  const guarded = guardedBody(split.body);
  for (const issue of guarded.issues) {
    problems.push({ file: path, severity: issue.ruleId === 'tag-too-deep' ? 'warning' : 'error', ...issue });
  }
  const body = guarded.body;
  let scan: NoteScan;
  try {
    scan = scanOf(body, format);
  } catch (error) {
    // MDX syntax errors carry a position; Markdown never throws.
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    problems.push({
      file: path,
      line: place?.start?.line ?? place?.line ?? 1,
      column: place?.start?.column ?? place?.column ?? 1,
      ruleId: 'mdx-syntax',
      severity: 'error',
      message: `Cannot parse this MDX note: ${(error as Error).message.split('\n')[0]}`,
      suggestion: 'Escape `{`, `}` and `<` as `\\{`, `\\}` and `&lt;`, or rename the note to `.md`.',
    });
    scan = emptyScan();
  }

  const schema = isTerm ? glossaryFrontmatterSchema : noteFrontmatterSchema;
  const parsed = schema.safeParse(split.data);
  let frontmatter: NoteFrontmatter | GlossaryFrontmatter | undefined;
  if (parsed.success) {
    frontmatter = parsed.data;
  } else {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      problems.push({
        file: path,
        line: split.lineOfKey(typeof key === 'symbol' ? undefined : key),
        column: 1,
        ruleId: isTerm ? 'glossary-invalid' : 'frontmatter-invalid',
        severity: 'error',
        message: `Invalid frontmatter${issue.path.length ? ` property \`${issue.path.join('.')}\`` : ''}: ${issue.message}`,
        suggestion: isTerm
          ? 'See "Glossary entries" in the README for the expected properties.'
          : 'See "Writing notes" in the README for the supported properties.',
      });
    }
    // Keep the note and its valid properties: only the reported ones are dropped, so a bad
    // `permalink` does not also lose the note's title and tags.
    const reported = new Set(parsed.error.issues.map((issue) => issue.path[0]).filter((key) => typeof key === 'string'));
    const rest = Object.fromEntries(Object.entries(split.data).filter(([key]) => !reported.has(key)));
    frontmatter = (reported.size ? schema.safeParse(rest).data : undefined) ?? noteFrontmatterSchema.safeParse({}).data;
  }
  const fm = (frontmatter ?? {}) as Partial<GlossaryFrontmatter> & Partial<NoteFrontmatter>;
  const fileTitle = basename(stripMarkdownExtension(path));
  const title = fm.title ?? scan.firstH1 ?? fileTitle;
  const term: GlossaryTerm | undefined =
    isTerm && parsed.success
      ? {
          slug: slugifySegment(fileTitle),
          title,
          definition: (fm.definition ?? '').trim(),
          aliases: fm.aliases ?? [],
          outdatedNames: fm.outdatedNames ?? [],
          misspellings: fm.misspellings ?? [],
          tags: fm.tags ?? [],
          related: fm.related ?? [],
          status: fm.status ?? 'current',
          replacedBy: fm.replacedBy ?? [],
          statusSince: fm.statusSince,
          official: fm.official,
          verified: fm.verified,
          caseSensitive: fm.caseSensitive ?? false,
          autolink: fm.autolink ?? true,
        }
      : undefined;
  const tags = new Set<string>();
  const frontmatterTags = (fm.tags ?? []).filter((tag) => {
    const problem = tagProblem(tag);
    if (problem) {
      problems.push({
        file: path,
        line: split.lineOfKey('tags'),
        column: 1,
        ruleId: 'tag-too-deep',
        severity: 'warning',
        message: `The tag \`${tag.length > 60 ? `${tag.slice(0, 60)}…` : tag}\` is left out: ${problem}.`,
        suggestion: 'Shorten the tag.',
      });
    }
    return !problem;
  });
  for (const tag of [...frontmatterTags, ...scan.tags]) for (const t of tagAncestry(tag)) tags.add(t);
  return {
    path,
    kind: isTerm ? 'term' : 'note',
    format,
    slug: '' as Slug,
    title,
    description: fm.description ?? (term ? term.definition : undefined),
    aliases: fm.aliases ?? [],
    tags: [...tags].sort(),
    cssclasses: fm.cssclasses ?? [],
    order: fm.order,
    permalink: fm.permalink,
    publish: fm.publish !== false,
    headings: scan.headings,
    blocks: new Map(scan.blocks.map((b) => [b.id, b.line])),
    blockLines: new Map(scan.blocks.map((b) => [b.id, b.lines])),
    mathLines: scan.mathLines,
    links: scan.links,
    excerpt: scan.excerpt || fm.description || term?.definition || '',
    summary: fm.description?.trim() || term?.definition || scan.excerpt,
    prose: scan.prose,
    diagrams: scan.diagrams,
    body,
    frontmatter: split.data,
    frontmatterValid: parsed.success && split.issues.length === 0,
    ...(fm.updated ? { updated: fm.updated } : {}),
    ...((fm.date ?? fm.created) ? { date: fm.date ?? fm.created } : {}),
    redirects: fm.redirects ?? [],
    anchors: fm.anchors ?? {},
    autolink: fm.autolink !== false,
    lineOfKey: split.lineOfKey,
    term,
  };
}
