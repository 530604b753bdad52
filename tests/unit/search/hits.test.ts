import { describe, expect, it } from 'vitest';
import { toHit, type PagefindData } from '../../../src/search/pagefind-client.ts';

const section = (title: string, excerpt: string, locations: number) => ({ url: `/boot/#${title.toLowerCase().replace(/ /g, '-')}`, title, excerpt, locations: Array.from({ length: locations }, (_, i) => i), anchor: { element: 'h2' } });

describe('toHit', () => {
  const page: PagefindData = {
    url: '/boot/',
    excerpt: 'the <mark>kubelet</mark> expects a kernel',
    meta: { title: 'How a cluster boots', type: 'note' },
    sub_results: [
      { url: '/boot/', title: 'How a cluster boots', excerpt: 'the <mark>kubelet</mark> expects a kernel', locations: [1], anchor: { element: 'h1' } },
      section('Init phases', 'the <mark>kubelet</mark> starts', 3),
      section('Before kubeadm', 'the <mark>kubelet</mark> expects a kernel', 2),
      section('Joining', 'a <mark>kubelet</mark> joins', 1),
    ],
  };

  it('shows the page once, with its best sections, none repeating the page’s excerpt', () => {
    const hit = toHit(page, ['kubelet']);
    expect(hit.excerptHtml).toBe('the <mark>kubelet</mark> expects a kernel');
    expect(hit.sections.map((s) => s.title)).toEqual(['Init phases', 'Joining']);
    // Every matching heading still counts for ranking.
    expect(hit.headings).toEqual(['Init phases', 'Before kubeadm', 'Joining']);
  });
});
