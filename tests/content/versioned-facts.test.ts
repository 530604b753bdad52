/**
 * One table of the versioned facts the knowledge base states, checked against every page that
 * states one (notes and glossary entries alike), so that a note and a term can never disagree.
 *
 * Each fact has two checks:
 * - `statement`: the usual phrasing, with the version captured; the captured version must be the
 *   fact's version, and at least one page must state the fact (a table entry nobody states is
 *   a sign that the phrasing drifted and the check went blind);
 * - `about` + `keyword`: any other sentence that names the subject, uses the keyword and gives
 *   a version must include the fact's version, whatever its phrasing.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildVaultIndex } from '../../src/lib/vault-index.ts';
import { readVault } from '../../src/lib/vault-files.ts';
import { factSentences } from './sentences.ts';

interface VersionedFact {
  fact: string;
  version: string;
  /** The usual phrasing; the first defined capture group is the version it states. */
  statement: RegExp;
  /** Sentences about the subject... */
  about: RegExp;
  /** ...that use this keyword, and name any version, must name `version`. */
  keyword: RegExp;
}

const V = String.raw`(v1\.\d+)`;

export const VERSIONED_FACTS: VersionedFact[] = [
  {
    fact: 'dockershim was deprecated in v1.20',
    version: 'v1.20',
    statement: new RegExp(String.raw`dockershim[^;]*?\bdeprecated\b(?: it)?[^;]{0,40}?${V}|\bdeprecated\b[^;]{0,60}?dockershim[^;]{0,10}?\bin ${V}`, 'i'),
    about: /dockershim/i,
    keyword: /\bdeprecated\b/i,
  },
  {
    fact: 'dockershim was removed in v1.24',
    version: 'v1.24',
    statement: new RegExp(String.raw`\bremoved\b[^;]{0,60}?\b(?:in|since) ${V}`, 'i'),
    about: /dockershim/i,
    keyword: /\bremoved\b/i,
  },
  {
    fact: 'kubeadm stopped applying the master label in v1.24',
    version: 'v1.24',
    statement: new RegExp(String.raw`(?:stopped applying|no longer appl\w*)[^;]{0,60}?master\S*\s+(?:node\s+)?(?:\[\[)?label\b[^;]{0,20}?${V}`, 'i'),
    about: /\bmaster\b/i,
    keyword: /\blabel\b/i,
  },
  {
    fact: 'kubeadm stopped applying the master taint in v1.25',
    version: 'v1.25',
    statement: new RegExp(String.raw`(?:stopped applying|no longer appl\w*)[^;]{0,120}?\btaint\b[^;]{0,20}?${V}`, 'i'),
    about: /\bmaster\b/i,
    keyword: /\btaint\b/i,
  },
  {
    fact: 'cgroup v2 support is stable since v1.25',
    version: 'v1.25',
    statement: new RegExp(String.raw`cgroup v2[^;]{0,80}?\bstable\b[^;]{0,30}?${V}`, 'i'),
    about: /cgroup v2/i,
    keyword: /\bstable\b/i,
  },
  {
    fact: 'the kubelet refuses cgroup v1 by default since v1.35',
    version: 'v1.35',
    statement: new RegExp(String.raw`${V}[^;.]{0,60}?\brefuses?\b[^;]{0,60}?cgroup v1|\brefuses?\b[^;]{0,40}?cgroup v1[^;]{0,40}?${V}`, 'i'),
    about: /cgroup v1/i,
    keyword: /\brefuses?\b|\bby default\b/i,
  },
  {
    fact: 'the ipvs mode of kube-proxy is deprecated since v1.35',
    version: 'v1.35',
    statement: new RegExp(String.raw`\bipvs\b[^;]{0,60}?\bdeprecated\b[^;]{0,20}?${V}`, 'i'),
    about: /\bipvs\b/i,
    keyword: /\bdeprecated\b/i,
  },
  {
    fact: 'the nftables mode of kube-proxy is generally available since v1.33',
    version: 'v1.33',
    statement: new RegExp(String.raw`nftables[^;]{0,100}?(?:generally available|\bGA\b|\bstable\b)[^;]{0,20}?${V}`, 'i'),
    about: /nftables/i,
    keyword: /generally available|\bGA\b|\bstable\b/i,
  },
  {
    fact: 'user namespace support for Pods is on by default since v1.33',
    version: 'v1.33',
    statement: new RegExp(String.raw`(?:on|enabled) by default[^;]{0,20}?${V}`, 'i'),
    about: /user namespace|UserNamespacesSupport|hostUsers/i,
    keyword: /\bby default\b/i,
  },
  {
    fact: 'native sidecar containers are stable since v1.33',
    version: 'v1.33',
    statement: new RegExp(String.raw`\bstable\b[^;]{0,20}?${V}`, 'i'),
    about: /sidecar/i,
    keyword: /\bstable\b/i,
  },
  {
    fact: 'in-tree cloud provider code was removed in v1.31',
    version: 'v1.31',
    statement: new RegExp(String.raw`\bremoved\b[^;]{0,20}?${V}`, 'i'),
    about: /in-tree|compiled-in cloud|cloud provider code/i,
    keyword: /\bremoved\b/i,
  },
  {
    fact: 'the kubelet requires CRI v1 since v1.26',
    version: 'v1.26',
    statement: new RegExp(String.raw`(?:since|from) ${V},? the kubelet (?:only )?(?:requires|accepts|supports)`, 'i'),
    about: /\bCRI\b/,
    keyword: /\bv1 of the CRI\b|\bCRI v1\b/i,
  },
  {
    fact: 'kubectl run creates only a Pod since v1.18',
    version: 'v1.18',
    statement: new RegExp(String.raw`(?:since|in) ${V}[^;]{0,30}?creates only`, 'i'),
    about: /kubectl run/i,
    keyword: /creates only/i,
  },
  {
    fact: 'v1.35 is the last Kubernetes release that supports containerd 1.x',
    version: 'v1.35',
    statement: new RegExp(String.raw`${V}[^;]{0,40}?\blast\b[^;]{0,60}?containerd 1\.x|containerd 1\.x[^;]{0,60}?\blast\b[^;]{0,40}?${V}`, 'i'),
    about: /containerd 1\.x/i,
    keyword: /\blast\b/i,
  },
  {
    fact: 'the node-monitor grace period defaults to 50 seconds since v1.32',
    version: 'v1.32',
    statement: new RegExp(String.raw`\b50 ?(?:s|seconds)\b[^;]{0,30}?${V}`, 'i'),
    about: /node-monitor grace period|node monitor grace period|node-monitor-grace-period/i,
    keyword: /\b50 ?(?:s|seconds)\b/i,
  },
  {
    fact: 'ephemeral containers are stable since v1.25',
    version: 'v1.25',
    statement: new RegExp(String.raw`ephemeral container[^;]{0,40}?\bstable\b[^;]{0,20}?${V}`, 'i'),
    about: /ephemeral container/i,
    keyword: /\bstable\b/i,
  },
  {
    fact: 'RuntimeClass is stable since v1.20',
    version: 'v1.20',
    statement: new RegExp(String.raw`RuntimeClass[^;]{0,40}?\bstable\b[^;]{0,20}?${V}`, 'i'),
    about: /RuntimeClass/,
    keyword: /\bstable\b/i,
  },
  {
    fact: 'in-place Pod resize is stable since v1.35',
    version: 'v1.35',
    statement: new RegExp(String.raw`${V}[^;]{0,80}?in place is stable|in-place (?:Pod )?resiz\w*[^;]{0,40}?\bstable\b[^;]{0,20}?${V}`, 'i'),
    about: /in[- ]place/i,
    keyword: /\bstable\b/i,
  },
  {
    fact: 'the Endpoints API is deprecated since v1.33',
    version: 'v1.33',
    statement: new RegExp(String.raw`Endpoints API[^;]{0,60}?\bdeprecated\b[^;]{0,20}?${V}`, 'i'),
    about: /Endpoints API/,
    keyword: /\bdeprecated\b/i,
  },
];

const index = buildVaultIndex(readVault(resolve(import.meta.dirname, '../../content')));
const sentences = index.documents.flatMap((doc) => factSentences(doc).map((text) => ({ path: doc.path, text })));
const versionsIn = (text: string) => [...text.matchAll(/\bv1\.\d+\b/g)].map((m) => m[0]);

describe('versioned facts', () => {
  it('reads sentences from the notes and the glossary', () => {
    const paths = new Set(sentences.map((s) => s.path));
    expect([...paths].some((p) => p.startsWith('glossary/'))).toBe(true);
    expect([...paths].some((p) => !p.startsWith('glossary/'))).toBe(true);
  });

  it.each(VERSIONED_FACTS.map((f) => [f.fact, f] as const))('%s: every page that states it gives the same version', (_, fact) => {
    const stated: string[] = [];
    const wrong: string[] = [];
    for (const { path, text } of sentences) {
      if (!fact.about.test(text)) continue;
      const match = fact.statement.exec(text);
      if (match) {
        const version = match.slice(1).find(Boolean);
        stated.push(path);
        if (version !== fact.version) wrong.push(`${path}: states ${version}: "${text}"`);
      }
      if (fact.keyword.test(text) && versionsIn(text).length && !versionsIn(text).includes(fact.version)) {
        wrong.push(`${path}: names ${versionsIn(text).join(', ')} but not ${fact.version}: "${text}"`);
      }
    }
    expect(wrong).toEqual([]);
    expect(stated.length, `no page states "${fact.fact}" in the expected phrasing`).toBeGreaterThan(0);
  });
});
