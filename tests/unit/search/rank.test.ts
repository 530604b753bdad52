import { describe, expect, it } from 'vitest';
import { exactTerm, namesIndex, nameKey } from '../../../src/search/exact-term.ts';
import { holdsPhrase, rankOrder } from '../../../src/search/rank.ts';
import type { SearchTerm } from '../../../src/search/terms.ts';

const terms: SearchTerm[] = [
  { slug: 'glossary/cri', title: 'Container Runtime Interface', aliases: ['CRI'], outdated: [], misspellings: [] },
  { slug: 'glossary/crictl', title: 'crictl', aliases: ['cri-tools'], outdated: [], misspellings: ['crictk'] },
  { slug: 'glossary/control-plane', title: 'Control plane', aliases: [], outdated: ['master'], misspellings: ['Mater'] },
  { slug: 'glossary/dockershim', title: 'dockershim', aliases: [], outdated: ['docker shim'], misspellings: [] },
  { slug: 'glossary/minikube', title: 'minikube', aliases: [], outdated: [], misspellings: [] },
];
const names = namesIndex(terms);

describe('exactTerm', () => {
  it.each([
    ['CRI', 'glossary/cri'],
    ['cri', 'glossary/cri'],
    ['crictk', 'glossary/crictl'],
    ['CRI-TOOLS', 'glossary/crictl'],
    ['master', 'glossary/control-plane'],
    ['Mater', 'glossary/control-plane'],
    ['control-plane', 'glossary/control-plane'],
    ['Docker_Shim', 'glossary/dockershim'],
    ['what is minikube?', 'glossary/minikube'],
  ])('“%s” names %s', (query, slug) => expect(exactTerm(query, names)?.slug).toBe(slug));

  it.each(['cr', 'crictl ps', 'master node', 'container runtime'])('“%s” names no entry', (query) => expect(exactTerm(query, names)).toBeUndefined());

  it('compares names without case or separators', () => expect(nameKey(' Kube_Proxy-x ')).toBe('kube proxy x'));
});

describe('rankOrder', () => {
  const page = (url: string, title: string, headings: string[] = []) => ({ url, title, headings });
  const pages = [
    page('/glossary/deployment/', 'Deployment'),
    page('/glossary/kubectl/', 'kubectl'),
    page('/kubectl-basics/', 'kubectl basics', ['Run an application']),
    page('/control-plane-components/', 'Control-plane components', ['What happens on kubectl create deployment']),
  ];

  it('keeps Pagefind’s order when no rule applies', () => expect(rankOrder(pages, 'deployment')).toEqual([0, 1, 2, 3]));

  it('puts the exactly named entry first, then the rest in order', () => expect(rankOrder(pages, 'kubectl', '/glossary/kubectl/')).toEqual([1, 0, 2, 3]));

  it('puts a page with the whole query as a heading before pages that only hold its words', () => {
    expect(rankOrder(pages, 'kubectl create deployment')).toEqual([3, 0, 1, 2]);
    expect(rankOrder(pages, 'what happens on kubectl create deployment?')).toEqual([3, 0, 1, 2]);
  });

  it('compares phrases as keywords, words in order', () => {
    expect(holdsPhrase('Control plane vs worker nodes', ['control', 'plane', 'worker', 'nodes'])).toBe(true);
    expect(holdsPhrase('Worker nodes vs control plane', ['control', 'plane', 'worker', 'nodes'])).toBe(false);
  });
});
