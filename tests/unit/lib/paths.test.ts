import { describe, expect, it } from 'vitest';
import {
  attachmentHref,
  basename,
  dirname,
  extname,
  hrefFor,
  normaliseBase,
  slugFromPermalink,
  slugFromVaultPath,
  stripMarkdownExtension,
  toVaultPath,
} from '../../../src/lib/paths.ts';

describe('slugFromVaultPath', () => {
  it.each([
    ['Note.md', 'note'],
    ['Control plane.md', 'control-plane'],
    ['Kubernetes/Control plane.md', 'kubernetes/control-plane'],
    ['Docker, containerd and the CRI-OCI stack.md', 'docker-containerd-and-the-cri-oci-stack'],
    ['kubectl basics.mdx', 'kubectl-basics'],
    ['Überblick/Größe.md', 'überblick/größe'],
    ['???.md', 'untitled'],
    ['v1.24 notes.md', 'v124-notes'],
  ])('%s → %s', (path, slug) => {
    expect(slugFromVaultPath(path)).toBe(slug);
  });
});

describe('path helpers', () => {
  it.each([
    ['a/b/Note.md', '.md', 'Note.md', 'a/b', 'a/b/Note'],
    ['Note.MDX', '.mdx', 'Note.MDX', '', 'Note'],
    ['img/pic.png', '.png', 'pic.png', 'img', 'img/pic.png'],
    ['.hidden', '', '.hidden', '', '.hidden'],
  ])('%s', (path, ext, base, dir, stripped) => {
    expect(extname(path)).toBe(ext);
    expect(basename(path)).toBe(base);
    expect(dirname(path)).toBe(dir);
    expect(stripMarkdownExtension(path)).toBe(stripped);
  });

  it('normalises OS paths to vault paths', () => {
    expect(toVaultPath('.\\folder\\Note.md')).toBe('folder/Note.md');
    expect(toVaultPath('/folder/Note.md')).toBe('folder/Note.md');
  });

  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs/atlas/', '/docs/atlas/'],
  ])('normaliseBase(%s) → %s', (base, expected) => {
    expect(normaliseBase(base)).toBe(expected);
  });

  it('builds hrefs under the base path', () => {
    expect(hrefFor('/', '')).toBe('/');
    expect(hrefFor('/', 'glossary/etcd')).toBe('/glossary/etcd/');
    expect(hrefFor('/atlas', 'a/b', 'heading')).toBe('/atlas/a/b/#heading');
    expect(attachmentHref('/atlas/', 'attachments/my pic.png')).toBe('/atlas/files/attachments/my%20pic.png');
  });

  it('takes permalinks as given, without slashes at the ends', () => {
    expect(slugFromPermalink('/guides/Start/')).toBe('guides/start');
  });
});
