import { describe, expect, it } from 'vitest';
import { bareWord, cleanExcerpt, matchesTyped } from '../../../src/search/excerpt.ts';

describe('matchesTyped', () => {
  it.each([
    ['kubelet', 'kubelet'],
    ['kubelet.', 'kube'],
    ['pods', 'pod'],
    ['pod', 'pods'],
    ['assigned', 'assigns'],
    ['architecture', 'architecure'],
    ['containerd', 'conatinerd'],
  ])('“%s” is what “%s” asked for', (word, typed) => expect(matchesTyped(bareWord(word), typed)).toBe(true));

  it.each([
    ['a', 'architecure'],
    ['and', 'architecure'],
    ['at', 'architecure'],
    ['node', 'pod'],
    ['kubectl', 'kubelet'],
  ])('“%s” is not what “%s” asked for', (word, typed) => expect(matchesTyped(bareWord(word), typed)).toBe(false));
});

describe('cleanExcerpt', () => {
  it('keeps the mark on the corrected word only, not on every word Pagefind shortened the typo to', () => {
    const html = '<mark>A</mark> <mark>cluster:</mark> <mark>a</mark> control plane and its <mark>architecture</mark> <mark>at</mark> a glance';
    expect(cleanExcerpt(html, { typed: ['cluster', 'architecure'] })).toBe('A <mark>cluster:</mark> a control plane and its <mark>architecture</mark> at a glance');
  });

  it('drops the section heading repeated at the start of its excerpt', () => {
    expect(cleanExcerpt('<mark>etcd</mark> <mark>etcd</mark> is a consistent store.', { typed: ['etcd'], title: 'etcd' })).toBe('<mark>etcd</mark> is a consistent store.');
    expect(cleanExcerpt('Leader election with Leases Only one instance', { typed: ['lease'], title: 'Leader election with Leases' })).toBe('Only one instance');
    // Not when the title is all there is, and not in the middle.
    expect(cleanExcerpt('<mark>etcd</mark>', { typed: ['etcd'], title: 'etcd' })).toBe('<mark>etcd</mark>');
    expect(cleanExcerpt('state lives in <mark>etcd.</mark>', { typed: ['etcd'], title: 'etcd' })).toBe('state lives in <mark>etcd.</mark>');
  });

  it('leaves out the characters of an ASCII tree', () => {
    const html = 'Cluster ├── Control plane │ ├── <mark>kube-apiserver</mark> ── the only door └── Worker nodes';
    expect(cleanExcerpt(html, { typed: ['kube-apiserver'] })).toBe('Cluster Control plane <mark>kube-apiserver</mark> the only door Worker nodes');
  });

  it('keeps marks on the parts of a hyphenated word that were typed', () => {
    expect(cleanExcerpt('the <mark>kube-scheduler</mark> picks', { typed: ['scheduler'] })).toBe('the <mark>kube-scheduler</mark> picks');
  });

  it('keeps the escaping Pagefind did', () => {
    expect(cleanExcerpt('a &lt;pod-name&gt; <mark>kubectl</mark>', { typed: ['kubectl'] })).toBe('a &lt;pod-name&gt; <mark>kubectl</mark>');
  });
});
