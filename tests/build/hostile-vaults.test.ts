/**
 * Hostile and broken vaults, built for real (tests/build/build-site.ts), generated at test time
 * in a temp folder (they contain symbolic links, and one paragraph of 40,000 links). Several
 * classes share one build to keep the time bounded; each asserts what a person meets: nothing
 * from outside the vault in dist/, nothing planted that runs, every problem named at file:line,
 * and a build that ends in bounded time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './build-site.ts';

const CANARY = 'CANARY-OUTSIDE-THE-VAULT-7f3a';
let dir: string;
let result: BuildResult;

/** A vault with one note per class of hostile input, and a folder outside it to leak. */
function writeHostileVault(root: string): string {
  const outside = join(root, 'outside');
  const vault = join(root, 'vault');
  mkdirSync(outside);
  mkdirSync(join(vault, 'glossary'), { recursive: true });
  mkdirSync(join(vault, 'img'));
  writeFileSync(join(outside, 'secret.md'), `# Secret\n\n${CANARY}\n`);
  writeFileSync(join(outside, 'secret.png'), CANARY);
  // The jail: a folder link out, a file link out, a link to the vault itself and to a parent.
  symlinkSync(outside, join(vault, 'linked-outside'));
  symlinkSync(join(outside, 'secret.md'), join(vault, 'Secret link.md'));
  symlinkSync('/etc/passwd', join(vault, 'passwd.png'));
  symlinkSync('.', join(vault, 'loop'));
  mkdirSync(join(vault, 'sub'));
  symlinkSync('..', join(vault, 'sub/back'));
  writeFileSync(join(vault, 'img/pic.png'), Buffer.from('89504e470d0a1a0a', 'hex'));

  // Markup that runs: SVG and HTML attachments, raw HTML and Markdown URLs.
  writeFileSync(
    join(vault, 'evil.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert('svg-onload')"><script>alert('svg-script')</script>` +
      `<rect width="10" height="10" fill="teal"/><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert('fo')</script></body></foreignObject>` +
      `<a href="javascript:alert('svg-link')"><text y="5">x</text></a><set attributeName="onclick" to="alert('set')"/></svg>`,
  );
  writeFileSync(join(vault, 'evil.html'), `<!doctype html><title>Evil</title><script>alert('html-script')</script><body onload="alert('html-onload')"><p>Kept text</p></body>`);
  writeFileSync(
    join(vault, 'Hostile.md'),
    [
      '# Hostile',
      '',
      'Out: ![passwd](../../etc/passwd) and ![[../../etc/passwd]] and [hosts](../../../etc/hosts).',
      '',
      'Picture: ![a picture](pic.png) and a missing one: ![gone](nope.png).',
      '',
      '<a href="java&#x09;script:alert(\'tab\')">tab link</a> <img srcset="javascript:alert(\'srcset\') 1x, img/pic.png 2x" alt="s">',
      '',
      '<form action="javascript:alert(\'form\')"><button formaction="javascript:alert(\'button\')">b</button></form> [md](javascript:alert(\'md\'))',
      '',
      '![[evil.svg]] ![[evil.html]]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(vault, 'glossary/Term.md'), "---\ntitle: Term\ndefinition: A term.\nofficial: javascript:alert('official')\n---\nBody.\n");

  // Limits: an alias bomb, deep nesting and tags, a huge paragraph of links.
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  writeFileSync(join(vault, 'Bomb.md'), `---\n${bomb.join('\n')}\n---\nBody of the bomb.\n`);
  const list = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
  writeFileSync(join(vault, 'Deep.md'), `# Deep\n\n${'>'.repeat(5000)} deep quote\n\n${list}\n\nTag #${Array(2000).fill('a').join('/')} here.\n`);
  writeFileSync(join(vault, 'Brackets.md'), `# Brackets\n\n${Array.from({ length: 40_000 }, (_, i) => `[[Link ${i}]]`).join(' ')}\n`);

  // Nothing silent: embed cycles, line endings.
  writeFileSync(join(vault, 'Cycle A.md'), '# A\n\n![[Cycle B]]\n');
  writeFileSync(join(vault, 'Cycle B.md'), '# B\n\n![[Cycle A]]\n');
  writeFileSync(join(vault, 'Line endings.md'), '# CRLF\r\n\r\nLine three.\r\nLine four.\rLine five: [[Nowhere at five]].\r\n');
  return vault;
}

/** Every text file of a built site, with its path. */
function textFiles(root: string): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    if (!statSync(path).isFile() || /\.(?:wasm|pf_\w+|png|woff2?)$/.test(name)) continue;
    files.push({ path: name, text: readFileSync(path, 'utf8') });
  }
  return files;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  const vault = writeHostileVault(dir);
  result = buildSite(vault, join(dir, 'dist'), { ATLAS_LENIENT: '1', CHROMIUM_PATH: '/nonexistent/chromium' });
  // The whole build log, for reading when an assertion on it fails (vitest cuts long values).
  writeFileSync(join(tmpdir(), 'atlas-hostile-build.log'), result.output);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a hostile vault (lenient build)', () => {
  it('builds, in bounded time (40,000 links in one paragraph included), with no stack trace', () => {
    expect(result.status, result.output).toBe(0);
    expect(result.seconds).toBeLessThan(300);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('reads nothing outside the vault, and says which links it refused', () => {
    const files = textFiles(result.outDir);
    for (const file of files) {
      expect(file.text, file.path).not.toContain(CANARY);
      expect(file.text, file.path).not.toMatch(/root:x?:0:0:/);
    }
    expect(files.some((f) => f.path.startsWith('files/linked-outside') || f.path.startsWith('loop/') || f.path.includes('secret'))).toBe(false);
    expect(result.output).toMatch(/linked-outside:1:1 {2}warning {2}The symbolic link `linked-outside` points outside the vault, to `[^`]*outside`/);
    expect(result.output).toMatch(/passwd\.png:1:1 {2}warning {2}The symbolic link `passwd\.png` points outside the vault, to `\/etc\/passwd`/);
    expect(result.output).toContain('The symbolic link `loop` points to `.`, a folder that contains it: a loop.');
    expect(result.output).toContain('The symbolic link `sub/back` points to `.`, a folder that contains it: a loop.');
  });

  it('reports every path that climbs out of the vault at its line and column', () => {
    expect(result.output).toMatch(/Hostile\.md:3:6 {2}error {2}`\.\.\/\.\.\/etc\/passwd` points outside the vault/);
    expect(result.output).toMatch(/Hostile\.md:3:\d+ {2}error {2}Cannot embed `!\[\[\.\.\/\.\.\/etc\/passwd\]\]`: the path points outside the vault/);
    expect(result.output).toMatch(/Hostile\.md:3:\d+ {2}error {2}`\.\.\/\.\.\/\.\.\/etc\/hosts` points outside the vault/);
  });

  it('gives Markdown images a real address, and reports a missing one', () => {
    const html = readFileSync(join(result.outDir, 'hostile/index.html'), 'utf8');
    expect(html).toMatch(/<img src="\/files\/img\/pic\.png" alt="a picture"/);
    expect(result.output).toMatch(/Hostile\.md:5:\d+ {2}error {2}Cannot show the picture `nope\.png`/);
    expect(html).toContain('not shown: no such file in the vault');
  });

  it('publishes no markup that runs: no planted script, handler or javascript: URL anywhere', () => {
    for (const file of textFiles(result.outDir)) {
      // The engine's own scripts (Pagefind's UI names `javascript:` to refuse it) are not vault content.
      if (/^(?:pagefind|_astro)\/.*\.js$/.test(file.path)) continue;
      if (!file.path.endsWith('.html')) {
        expect(file.text, file.path).not.toContain('alert(');
        expect(file.text, file.path).not.toMatch(/javascript:/i);
        continue;
      }
      // In a page, the planted code may survive only as text a reader sees (a raw HTML line's
      // `[md](javascript:…)` is shown as written, as in Obsidian): never in an attribute, a
      // script, or an element that runs.
      const { document } = parseHTML(file.text);
      for (const element of document.querySelectorAll('*')) {
        expect(element.localName, file.path).not.toMatch(/^(object|embed|base|foreignobject|set|animate)$/);
        for (const { name, value } of element.attributes) {
          expect(name, `${file.path}: <${element.localName} ${name}>`).not.toMatch(/^on/i);
          expect(value, `${file.path}: <${element.localName} ${name}>`).not.toMatch(/javascript:|alert\(/i);
        }
      }
      for (const script of document.querySelectorAll('script')) expect(script.textContent, file.path).not.toContain('alert(');
    }
    const svg = readFileSync(join(result.outDir, 'files/evil.svg'), 'utf8');
    expect(svg).toContain('<rect width="10" height="10" fill="teal"/>');
    expect(readFileSync(join(result.outDir, 'files/evil.html'), 'utf8')).toContain('<p>Kept text</p>');
    expect(readFileSync(join(result.outDir, 'hostile/index.html'), 'utf8')).toMatch(/<iframe src="\/files\/evil\.html" title="evil\.html" loading="lazy" sandbox=""/);
    expect(result.output).toMatch(/evil\.svg:1:1 {2}warning {2}`evil\.svg` is published without what could run/);
    expect(result.output).toMatch(/glossary\/Term\.md:4:1 {2}error {2}Invalid frontmatter property `official`: `official` must be an http:\/\/ or https:\/\/ URL/);
  });

  it('turns limits into problems at file:line, and still publishes the notes', () => {
    expect(result.output).toMatch(/Bomb\.md:2:1 {2}error {2}Malformed frontmatter: Excessive alias count/);
    expect(readFileSync(join(result.outDir, 'bomb/index.html'), 'utf8')).toContain('Body of the bomb.');
    expect(result.output).toMatch(/Deep\.md:3:51 {2}error {2}This line nests quotes or lists more than 50 levels deep/);
    // The list's too-deep lines are one problem, not 950.
    expect(result.output.match(/Deep\.md:\d+:\d+ {2}error {2}Lines \d+–1\d\d\d nest quotes or lists/g)).toHaveLength(1);
    expect(result.output).toMatch(/Deep\.md:\d+:\d+ {2}warning {2}`#a\/a\/a[a/]*…` is not a tag: it has 2000 levels/);
    expect(result.output).toMatch(/Brackets\.md:3:1 {2}error {2}This paragraph has 80000 `\[`/);
    const deep = readFileSync(join(result.outDir, 'deep/index.html'), 'utf8');
    expect(deep).toContain('deep quote');
    expect(deep).toContain('level 999');
    expect(readFileSync(join(result.outDir, 'brackets/index.html'), 'utf8')).toContain('[[Link 39999]]');
  });

  it('reports an embed cycle between two notes at the embed in each', () => {
    expect(result.output).toMatch(/Cycle A\.md:3:1 {2}error {2}Inside the embedded `Cycle B\.md`: `!\[\[Cycle A\]\]` would embed itself/);
    expect(result.output).toMatch(/Cycle B\.md:3:1 {2}error {2}Inside the embedded `Cycle A\.md`: `!\[\[Cycle B\]\]` would embed itself/);
  });

  it('keeps line numbers with CRLF and lone CR line endings', () => {
    expect(result.output).toMatch(/Line endings\.md:5:\d+ {2}error {2}Cannot resolve `\[\[Nowhere at five\]\]`/);
  });
});

describe('ATLAS_VAULT that is not a folder', () => {
  it.each([
    ['missing', (root: string) => join(root, 'no-such-folder'), 'does not exist'],
    ['a file', (root: string) => join(root, 'outside/secret.md'), 'is a file, not a folder'],
  ])('%s: the build stops with one line', (_, vault, words) => {
    const run = buildSite(vault(dir), join(dir, 'dist-none'));
    expect(run.status).toBe(1);
    expect(run.output).toContain(`Container Atlas: the vault`);
    expect(run.output).toContain(words);
    expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  }, 120_000);
});
