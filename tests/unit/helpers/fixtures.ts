/**
 * Fixture-folder tests for Markdown plugins, in the style of remark/rehype plugins:
 *
 *   tests/unit/markdown/<plugin>/<case>/input.md       the note (rendered as `Input.md`)
 *   tests/unit/markdown/<plugin>/<case>/output.html    the expected HTML
 *   tests/unit/markdown/<plugin>/<case>/problems.json  the expected problems (optional: [] when absent)
 *
 * Every case is rendered through the site's real processor (see render.ts), inside a small
 * shared vault (`SHARED_VAULT` below) so links and embeds have something to point at.
 * `UPDATE_FIXTURES=1 npx vitest run` rewrites output.html and problems.json from the current
 * output: review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderNote } from './render.ts';

export const SHARED_VAULT: Record<string, string | null> = {
  'Target.md': [
    '---',
    'aliases: [Target alias]',
    '---',
    'The opening paragraph of the target.',
    '',
    '## Section one',
    '',
    'Section one text. ^block-one',
    '',
    '### Inside section one',
    '',
    'Nested text.',
    '',
    '## Section two',
    '',
    '- item a',
    '- item b ^list-block',
    '',
  ].join('\n'),
  'folder/Deep note.md': 'Deep note text.\n',
  'Loop A.md': 'A embeds B: ![[Loop B]]\n',
  'Loop B.md': 'B embeds A: ![[Loop A]]\n',
  'Self.md': 'Self embed: ![[Self]]\n',
  'glossary/term.md': '---\ntitle: Term\ndefinition: A word with a meaning.\n---\nMore about the term.\n',
  'glossary/control-plane.md': [
    '---',
    'title: Control plane',
    'definition: The components that decide what runs where. <script>alert(1)</script>',
    'aliases: [control-plane components]',
    'outdatedNames: [{ name: master, since: v1.24 }]',
    'misspellings: [Mater]',
    '---',
    'The control plane.',
  ].join('\n'),
  'glossary/kube-controller-manager.md': '---\ntitle: kube-controller-manager\ndefinition: Runs controllers.\n---\n',
  'glossary/controller.md': '---\ntitle: Controller\ndefinition: A control loop.\naliases: [controllers]\n---\n',
  'glossary/service.md': '---\ntitle: Service\ndefinition: A stable address for Pods.\ncaseSensitive: true\n---\n',
  'glossary/dockershim.md': '---\ntitle: dockershim\ndefinition: A removed bridge.\nstatus: removed\nstatusSince: v1.24\nreplacedBy: [controller]\n---\n',
  'images/pixel.png': null,
  'media/sound.mp3': null,
  'media/clip.mp4': null,
  'docs/spec.pdf': null,
  'docs/archive.zip': null,
};

export function fixtureCases(folder: string): void {
  const cases = readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const entry of cases) {
    const dir = join(folder, entry.name);
    it(entry.name.replace(/-/g, ' '), async () => {
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const { html, problems } = await renderNote({ ...SHARED_VAULT, 'Input.md': input }, 'Input.md');
      const actualProblems = problems
        .filter((p) => p.file === 'Input.md')
        .map((p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}: ${p.message}${p.suggestion ? ` ${p.suggestion}` : ''}`);
      const outputFile = join(dir, 'output.html');
      const problemsFile = join(dir, 'problems.json');
      // A new case gets its output written locally, to be reviewed and committed; in CI a missing
      // output is a failure, never a test that writes its own expectation and passes.
      if (!existsSync(outputFile) && process.env.CI && !process.env.UPDATE_FIXTURES) {
        throw new Error(`${join(dir, 'output.html')} is missing: run UPDATE_FIXTURES=1 npx vitest run, review it, and commit it.`);
      }
      if (process.env.UPDATE_FIXTURES || !existsSync(outputFile)) {
        writeFileSync(outputFile, `${html.trim()}\n`);
        if (actualProblems.length || existsSync(problemsFile)) writeFileSync(problemsFile, `${JSON.stringify(actualProblems, null, 2)}\n`);
      }
      expect(html.trim()).toBe(readFileSync(outputFile, 'utf8').trim());
      const expected = existsSync(problemsFile) ? (JSON.parse(readFileSync(problemsFile, 'utf8')) as string[]) : [];
      expect(actualProblems).toEqual(expected);
    });
  }
}

/** Every plugin fixture case under `root` (tests/unit/markdown), as `plugin/case` paths. */
export function allFixtureCases(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((plugin) =>
      readdirSync(join(root, plugin.name), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((c) => join(plugin.name, c.name)),
    );
}
