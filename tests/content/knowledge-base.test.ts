/**
 * The shipped knowledge base (content/): complete, linked, and free of the seed notes' slips.
 * Reads the vault through the same index the build uses.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { resolveHeading, resolveTarget } from '../../src/lib/resolve.ts';
import { buildVaultIndex } from '../../src/lib/vault-index.ts';
import { readVault } from '../../src/lib/vault-files.ts';
import { parseMarkdown } from '../../src/lib/markdown-parser.ts';
import { toString } from 'mdast-util-to-string';

const index = buildVaultIndex(readVault(resolve(import.meta.dirname, '../../content')));
const notes = index.documents.filter((d) => d.kind === 'note');
const terms = [...index.terms.values()];

// The 43 terms of the content brief.
const REQUIRED_TERMS = `container container-image container-registry virtual-machine host-kernel linux-namespaces cgroup
docker-engine container-runtime cri oci oci-image-spec oci-runtime-spec runc containerd cri-o dockershim cri-dockerd
ctr nerdctl crictl kubectl minikube kubernetes container-orchestration cluster node control-plane control-plane-node
pod deployment service horizontal-pod-autoscaler kube-apiserver etcd kube-scheduler kube-controller-manager controller
cloud-controller-manager kubelet kube-proxy cni lease`.split(/\s+/);

describe('glossary', () => {
  it('has every term of the brief, and no problems', () => {
    expect(REQUIRED_TERMS.filter((slug) => !index.terms.has(slug))).toEqual([]);
    expect(terms.length).toBeGreaterThanOrEqual(43);
    expect(index.problems).toEqual([]);
  });

  it.each(REQUIRED_TERMS)('%s has the required fields', (slug) => {
    const term = index.terms.get(slug)!;
    expect(term.title).toBeTruthy();
    expect(term.definition.length).toBeGreaterThan(20);
    expect(term.definition).not.toMatch(/\[\[|\]\]|\*\*|`/);
    expect(term.tags.length).toBeGreaterThan(0);
    expect(term.related.length).toBeGreaterThan(0);
    expect(term.official).toMatch(/^https:\/\//);
    expect(term.verified).toBeInstanceOf(Date);
    expect(['current', 'outdated', 'removed']).toContain(term.status);
    if (term.status !== 'current') {
      expect(term.statusSince).toBeTruthy();
      expect(term.replacedBy.length).toBeGreaterThan(0);
    }
    const doc = index.bySlug.get(`glossary/${slug}`)!;
    expect(doc.body.trim().length, 'a longer explanation').toBeGreaterThan(200);
  });

  it('relates only to terms that exist', () => {
    for (const term of terms) for (const related of [...term.related, ...term.replacedBy]) expect(index.terms.has(related), `${term.slug} → ${related}`).toBe(true);
  });

  it('gives every name to one term only', () => {
    const owner = new Map<string, string>();
    for (const term of terms) {
      for (const name of [term.slug, term.title, ...term.aliases, ...term.misspellings, ...term.outdatedNames.map((n) => n.name)]) {
        const key = name.toLowerCase();
        if (owner.has(key)) expect(owner.get(key), `"${name}" is claimed by ${owner.get(key)} and ${term.slug}`).toBe(term.slug);
        owner.set(key, term.slug);
      }
    }
  });

  it('shows outdated words as outdated: master, master node and dockershim', () => {
    expect(index.terms.get('control-plane')!.outdatedNames.map((n) => n.name)).toContain('master');
    expect(index.terms.get('control-plane-node')!.outdatedNames.map((n) => n.name.toLowerCase())).toContain('master node');
    expect(index.terms.get('dockershim')).toMatchObject({ status: 'removed', statusSince: 'v1.24' });
  });

  it('lets the seed misspellings find the right entry', () => {
    for (const [typo, slug] of [['crictk', 'crictl'], ['Mater', 'control-plane'], ['imagespec', 'oci-image-spec'], ['runtimespec', 'oci-runtime-spec'], ['ETCD', 'etcd']]) {
      const found = resolveTarget(index, undefined, typo!);
      expect(found.kind === 'document' && found.document.term?.slug, typo).toBe(slug);
    }
  });
});

describe('notes', () => {
  it('are at least ten, plus a start page, in a learning path', () => {
    expect(notes.length).toBeGreaterThanOrEqual(11);
    expect(notes.every((n) => typeof n.order === 'number')).toBe(true);
    expect(notes.find((n) => n.order === 0)?.title).toMatch(/start/i);
  });

  it.each(notes.map((n) => [n.title, n] as const))('%s opens with what it teaches, links terms and says where to go next', (_, note) => {
    expect(note.excerpt.length).toBeGreaterThan(40);
    expect(note.description).toBeTruthy();
    const termLinks = note.links.filter((l) => {
      const r = resolveTarget(index, note, l.link.target);
      return r.kind === 'document' && r.document.kind === 'term';
    });
    expect(termLinks.length).toBeGreaterThanOrEqual(3);
    if (note.order !== 0) expect(note.headings.at(-1)?.text).toBe('Where to go next');
  });

  it('have links that all resolve, to headings and blocks that exist', () => {
    const broken: string[] = [];
    for (const doc of index.documents) {
      for (const { link, line } of doc.links) {
        const where = `${doc.path}:${line} ${link.raw}`;
        const r = link.target ? resolveTarget(index, doc, link.target) : ({ kind: 'document', document: doc } as const);
        if (r.kind === 'missing') broken.push(where);
        else if (r.kind === 'document' && link.headingPath.length && !resolveHeading(r.document, link.headingPath)) broken.push(`${where} (heading)`);
        else if (r.kind === 'document' && link.block && !r.document.blocks.has(link.block)) broken.push(`${where} (block)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('facts', () => {
  const published = index.documents.map((d) => ({ path: d.path, text: d.body }));

  // Typos must appear nowhere. A wrong claim may be quoted only inside a callout that corrects it.
  const outsideCallouts = (text: string) => text.split('\n').filter((line) => !line.startsWith('>')).join('\n');
  it.each([
    ['Dokcer', /Dokcer/],
    ['Mater', /\bMater\b/],
    ["doens't", /doens't/],
    ['ETCD', /\bETCD\b/],
    ['Etcd', /\bEtcd\b/],
    ['crictk', /crictk/],
    ['"were containers"', /were containers/],
    ['"endpoints goes"', /endpoints goes/],
    ['"window" for Windows', /\bwindow\b/],
    ['`kubectl cluster info`', /kubectl cluster info/],
    ['"i.e: DOCKER"', /i\.e:?\s*DOCKER/i],
  ])('no seed typo remains: %s', (_, pattern) => {
    expect(published.filter((d) => pattern.test(d.text)).map((d) => d.path)).toEqual([]);
  });

  it.each([
    ['"OCI for Container Runtime Interface"', /OCI for Container Runtime Interface/i],
    ['etcd stores data on all the nodes', /etcd stores (all )?(that |its )?(information|data) on all (the )?nodes/i],
    ['dockershim because Docker does not adhere to OCI', /(doesn't|does not) adhere (with|to) OCI/i],
    ['containerd is designed to work as CRI', /containerd is designed to work as (a )?CRI/i],
    ['the scheduler assigns containers', /scheduler[^.\n]*assigns (new )?containers/i],
  ])('no seed slip is stated outside a correcting callout: %s', (_, pattern) => {
    expect(published.filter((d) => pattern.test(outsideCallouts(d.text))).map((d) => d.path)).toEqual([]);
  });

  it('uses the real commands, in code blocks with a language', () => {
    const all = published.map((d) => d.text).join('\n');
    expect(all).toContain('kubectl cluster-info');
    expect(all).toMatch(/kubectl create deployment \S+ --image=/);
    expect(all).not.toMatch(/kubectl run hello-minikube\s*$/m);
    for (const doc of notes) {
      const fences = [...doc.body.matchAll(/^```(\S*)/gm)].map((m) => m[1]);
      // Every opening fence names a language (closing fences are bare: count pairs).
      const openings = fences.filter((_, i) => i % 2 === 0);
      expect(openings.filter((lang) => !lang), doc.path).toEqual([]);
    }
  });

  it('explains every outdated word where the notes use it, with the version', () => {
    for (const doc of notes) {
      const prose = doc.prose.toLowerCase();
      if (!/\bmaster\b|dockershim/.test(prose)) continue;
      expect(doc.body, doc.path).toMatch(/> \[!warning\][^\n]*Outdated/i);
      expect(doc.body, doc.path).toMatch(/v1\.2[0-5]/);
    }
  });
});

describe('diagrams', () => {
  const diagrams = notes.flatMap((doc) => {
    const tree = parseMarkdown(doc.body);
    return tree.children.flatMap((node, i) =>
      node.type === 'code' && node.lang === 'mermaid' ? [{ doc, source: node.value, next: tree.children[i + 1] }] : [],
    );
  });

  it('replace the four screenshots, plus two more', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(6);
    expect(published().some((t) => /2024061\d+\.png/.test(t))).toBe(false);
  });

  it.each(diagrams.map((d, i) => [`${d.doc.title} #${i + 1}`, d] as const))('%s has a title, a description, a caption and concept links', (_, d) => {
    expect(d.source).toMatch(/^\s*accTitle:\s*\S/m);
    expect(d.source).toMatch(/^\s*accDescr:\s*\S/m);
    expect(d.next?.type === 'paragraph' && /^Figure:/.test(toString(d.next))).toBe(true);
    if (!d.source.startsWith('sequenceDiagram')) {
      const clicks = [...d.source.matchAll(/click \w+ "\/glossary\/([\w-]+)\/"/g)].map((m) => m[1]!);
      expect(clicks.length).toBeGreaterThan(0);
      for (const slug of clicks) expect(index.terms.has(slug), slug).toBe(true);
    }
  });

  function published() {
    return index.documents.map((d) => d.body);
  }
});
