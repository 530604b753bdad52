import { describe, expect, it } from 'vitest';
import { keywordsOf, pagefindModuleUrl, queryFromPath, readSearchRequest, searchPageHref, searchTermsUrl } from '../../../src/search/query.ts';

describe('queryFromPath', () => {
  it.each([
    ['/kube-schedular/', '/', 'kube schedular'],
    ['/atlas/kube-schedular/', '/atlas/', 'kube schedular'],
    ['/atlas/kube-schedular/', '/atlas', 'kube schedular'],
    ['/glossary/Kube_Schedular.html', '/', 'kube schedular'],
    ['/glossary/etcd/index.html', '/', 'etcd'],
    ['/tags/kubernetes/', '/', 'kubernetes'],
    ['/notes/What%20is%20a%20Pod/', '/', 'notes what is a pod'],
    ['/control-plane/control-plane/', '/', 'control plane'],
    ['/docker+shim.md', '/', 'docker shim'],
    ['/%E0%A4broken-escape/', '/', '%e0%a4broken escape'],
  ])('%s (base %s) → %s', (path, base, query) => {
    expect(queryFromPath(path, base)).toBe(query);
  });

  it.each([['/'], ['/404.html'], ['/atlas/404.html'], ['/atlas/']])('%s has nothing to search for', (path) => {
    expect(queryFromPath(path, path.startsWith('/atlas') ? '/atlas/' : '/')).toBe('');
  });

  it('keeps at most eight words', () => {
    expect(queryFromPath('/a-b-c-d-e-f-g-h-i-j/').split(' ')).toHaveLength(8);
  });
});

describe('search URLs under a base path', () => {
  it.each([
    ['/', '/pagefind/pagefind.js', '/search-terms.json', '/search/?q=kube+scheduler&type=glossary'],
    ['/atlas/', '/atlas/pagefind/pagefind.js', '/atlas/search-terms.json', '/atlas/search/?q=kube+scheduler&type=glossary'],
    ['atlas', '/atlas/pagefind/pagefind.js', '/atlas/search-terms.json', '/atlas/search/?q=kube+scheduler&type=glossary'],
    ['/docs/atlas/', '/docs/atlas/pagefind/pagefind.js', '/docs/atlas/search-terms.json', '/docs/atlas/search/?q=kube+scheduler&type=glossary'],
  ])('base %s', (base, module, terms, page) => {
    expect(pagefindModuleUrl(base)).toBe(module);
    expect(searchTermsUrl(base)).toBe(terms);
    expect(searchPageHref(base, { q: ' kube scheduler ', type: 'glossary', tag: '' })).toBe(page);
  });

  it('leaves out an empty query', () => {
    expect(searchPageHref('/atlas/', { q: '' })).toBe('/atlas/search/');
  });

  it('reads a search back from the query string', () => {
    expect(readSearchRequest('?q=kube+scheduler&type=glossary&tag=architecture')).toEqual({ q: 'kube scheduler', type: 'glossary', tag: 'architecture' });
    expect(readSearchRequest('')).toEqual({ q: '', type: '', tag: '' });
  });

  it('round-trips characters that need escaping', () => {
    const href = searchPageHref('/', { q: 'a&b = "c" #d' });
    expect(readSearchRequest(href.slice(href.indexOf('?')))).toEqual({ q: 'a&b = "c" #d', type: '', tag: '' });
  });
});

describe('keywordsOf', () => {
  it.each([
    ['What does the kubelet do?', ['kubelet']],
    ['how do I list containers with crictl', ['list', 'containers', 'crictl']],
    ['difference between Docker and containerd', ['docker', 'containerd']],
    ['control plane', ['control', 'plane']],
    ['k8s.io namespace', ['k8s.io', 'namespace']],
  ])('%s → %j', (query, words) => {
    expect(keywordsOf(query)).toEqual(words);
  });

  it('keeps a query made only of common words', () => {
    expect(keywordsOf('what is it')).toEqual(['what', 'is', 'it']);
  });
});

describe('keywordsOf: symptoms', () => {
  it('drops the words that only say something is wrong, and keeps "why"', () => {
    expect(keywordsOf('pod stuck pending')).toEqual(['pod', 'pending']);
    expect(keywordsOf('node not ready')).toEqual(['node', 'ready']);
    expect(keywordsOf('why use Kubernetes?')).toEqual(['why', 'kubernetes']);
  });
});
