import { describe, expect, it } from 'vitest';
import { correctKeywords, joinCompounds, searchVocabulary, vocabulary } from '../../../src/search/vocabulary.ts';

const doc = (title: string, headings: string[] = [], aliases: string[] = [], body = '') => ({
  title,
  aliases,
  body,
  publish: true,
  headings: headings.map((text) => ({ depth: 2, text, slug: text.toLowerCase(), key: text.toLowerCase(), line: 1 })),
});

describe('searchVocabulary', () => {
  it('holds the words of titles, headings and names, lower case, hyphenated whole and split, sorted', () => {
    const words = searchVocabulary([
      doc('Cluster architecture', ['The control plane', 'kube-scheduler at work']),
      doc('etcd', [], ['Distributed store']),
      { ...doc('Secret draft'), publish: false },
    ]);
    expect(words).toEqual(['architecture', 'cluster', 'control', 'distributed', 'kube-scheduler', 'plane', 'scheduler', 'store'].filter((w) => w.length >= 5));
  });
});

describe('CamelCase compounds', () => {
  it('joins the words a reader splits a CamelCase name into', () => {
    const words = vocabulary(searchVocabulary([doc('Nodes', [], [], 'The node is `NotReady`; a Pod in CrashLoopBackOff; a ConfigMap; the HTTPRoute.')]));
    expect([...words.words].filter((w) => /[A-Z]/.test(w) || ['configmap', 'crashloopbackoff', 'httproute', 'notready'].includes(w))).toEqual(['configmap', 'crashloopbackoff', 'httproute', 'notready']);
    expect(joinCompounds(['node', 'not', 'ready'], words)).toEqual(['node', 'notready']);
    expect(joinCompounds(['crash', 'loop', 'back', 'off'], words)).toEqual(['crashloopbackoff']);
    expect(joinCompounds(['config', 'map', 'size'], words)).toEqual(['configmap', 'size']);
    expect(joinCompounds(['not', 'found'], words)).toEqual(['not', 'found']);
  });
});

describe('correctKeywords', () => {
  const words = vocabulary(['architecture', 'cluster', 'scheduler', 'kube-scheduler', 'namespace', 'container', 'containerd']);

  it('replaces a misspelt word by the closest word of the vocabulary', () => {
    expect(correctKeywords(['cluster', 'architecure'], words)).toEqual(['cluster', 'architecture']);
    expect(correctKeywords(['schedular'], words)).toEqual(['scheduler']);
    expect(correctKeywords(['namspace'], words)).toEqual(['namespace']);
  });

  it('leaves known words, short words, words being typed and words far from any alone', () => {
    expect(correctKeywords(['containerd'], words)).toEqual(['containerd']);
    expect(correctKeywords(['contai'], words)).toEqual(['contai']); // the start of "container"
    expect(correctKeywords(['pods', 'cri'], words)).toEqual(['pods', 'cri']);
    expect(correctKeywords(['kubernetes'], words)).toEqual(['kubernetes']);
    expect(correctKeywords(['k8s.io'], words)).toEqual(['k8s.io']);
  });

  it('keeps every word of the text, so a real word is not turned into another', () => {
    const words = vocabulary(searchVocabulary([doc('Scheduling', ['Ending a rollout'], [], 'A Pod stays `Pending` until it is scheduled.')]));
    expect(correctKeywords(['pending'], words)).toEqual(['pending']);
    expect(correctKeywords(['pendng'], words)).toEqual(['pending']);
  });

  it('keeps only the most frequent words of the text past its limit', () => {
    const words = searchVocabulary([doc('T', [], [], 'alpha-words often often often; rarely')], 1);
    expect(words).toEqual(['often']);
  });

  it('leaves a misspelt glossary name to the glossary’s own suggestion', () => {
    const withNames = vocabulary(['kubectl', 'dockershim', 'architecture'], ['kubectl', 'dockershim']);
    expect(correctKeywords(['qubectl', 'dokershim', 'architecure'], withNames)).toEqual(['qubectl', 'dokershim', 'architecture']);
  });

  it('does nothing without a vocabulary', () => {
    expect(correctKeywords(['architecure'], vocabulary([]))).toEqual(['architecure']);
  });
});
