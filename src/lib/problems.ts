/**
 * Problems in content. Plugins and the vault index never throw on bad content: they record a
 * positioned problem with a rule id, and render a visible fallback. The build integration
 * prints every problem grouped by file and, in strict mode, fails the build.
 */
export type Severity = 'error' | 'warning';

export type RuleId =
  | 'frontmatter-invalid'
  | 'frontmatter-yaml'
  | 'permalink-conflict'
  | 'wikilink-unresolved'
  | 'wikilink-ambiguous'
  | 'wikilink-unpublished'
  | 'markdown-link-unresolved'
  | 'external-image'
  | 'mdx-syntax'
  | 'heading-unresolved'
  | 'block-unresolved'
  | 'embed-unresolved'
  | 'embed-cycle'
  | 'embed-unsupported'
  | 'glossary-invalid'
  | 'glossary-related-unknown'
  | 'glossary-alias-duplicate'
  | 'diagram-invalid'
  | 'diagram-missing-title'
  | 'diagram-missing-description'
  | 'diagram-missing-caption'
  | 'diagram-small-text'
  | 'diagram-no-browser'
  | 'html-unsafe'
  | 'internal-error'
  | 'math-invalid'
  // The vault as untrusted input (src/lib/vault-files.ts, src/lib/limits.ts).
  | 'vault-symlink'
  | 'vault-special-file'
  | 'path-outside-vault'
  | 'image-unresolved'
  | 'attachment-unsafe'
  | 'note-too-large'
  | 'frontmatter-too-large'
  | 'nesting-too-deep'
  | 'brackets-too-many'
  | 'tag-too-deep'
  | 'embed-too-deep'
  | 'settings-invalid'
  | 'address-lost';

export interface Problem {
  /** Vault-relative path of the file the problem is in. */
  file: string;
  line: number;
  column: number;
  ruleId: RuleId;
  severity: Severity;
  /** One sentence that quotes the input, e.g. "Cannot resolve `[[Foo]]`: no note named `Foo`." */
  message: string;
  /** What to do about it, e.g. "Did you mean `[[Food]]`?" */
  suggestion?: string;
}

export interface ProblemWatcher {
  added(problem: Problem): void;
  /** The vault changed: every problem is found again from here on. */
  cleared(): void;
}

/**
 * Collects problems for one build. Deduplicates: the same note can be rendered twice (once as
 * a page, once embedded in another page) and must not report the same problem twice.
 */
export class ProblemLog {
  readonly #problems = new Map<string, Problem>();
  readonly #watchers = new Set<ProblemWatcher>();

  add(problem: Problem): void {
    const key = [problem.file, problem.line, problem.column, problem.ruleId, problem.message].join('\u0000');
    if (this.#problems.has(key)) return;
    this.#problems.set(key, problem);
    for (const watcher of this.#watchers) watcher.added(problem);
  }

  /** Tells `watcher` about each problem as it is first recorded, and each reset (the dev server prints them). */
  watch(watcher: ProblemWatcher): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  clear(): void {
    this.#problems.clear();
    for (const watcher of this.#watchers) watcher.cleared();
  }

  list(): Problem[] {
    return [...this.#problems.values()].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
  }
}

/** One problem on one line: `content/Note.md:3:5  error  Cannot resolve … Did you mean …?  (rule)`. */
export function formatProblem(p: Problem, vaultLabel = ''): string {
  const where = `${vaultLabel ? `${vaultLabel}/` : ''}${p.file}:${p.line}:${p.column}`;
  const text = p.suggestion ? `${p.message} ${p.suggestion}` : p.message;
  return `${where}  ${p.severity}  ${text}  (${p.ruleId})`;
}

/**
 * Formats problems the way compilers do, grouped by file:
 *
 *     content/Note.md
 *       3:5  error  Cannot resolve `[[Foo]]`: no note named `Foo`. Did you mean `[[Food]]`?  wikilink-unresolved
 */
export function formatProblems(problems: Problem[], vaultLabel = ''): string {
  if (problems.length === 0) return '';
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(vaultLabel ? `${vaultLabel}/${file}` : file);
    for (const p of list) lines.push(`  ${formatProblem(p, vaultLabel)}`);
    lines.push('');
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return lines.join('\n');
}
