/**
 * The glossary of the second edition (issue 16): the terms a learner meets before they are
 * defined, one spelling per tag, and the corrected versioned facts stated where they belong.
 * Reads content/ through the same index the build uses, so a term that fails here also fails
 * (or would mislead) on the site.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildVaultIndex } from '../../src/lib/vault-index.ts';
import { readVault } from '../../src/lib/vault-files.ts';
import { createTermMatcher } from '../../src/lib/term-matcher.ts';

const index = buildVaultIndex(readVault(resolve(import.meta.dirname, '../../content')));
const terms = [...index.terms.values()];
const bodyOf = (slug: string) => index.bySlug.get(`glossary/${slug}`)!.body;
// Prose only: code blocks do not count as an explanation.
const proseWords = (body: string) => body.replace(/^```[\s\S]*?^```/gm, '').split(/\s+/).filter(Boolean).length;

// Other pages link to these file names, so the slugs are fixed.
const NEW_TERMS = `label selector annotation namespace replicaset statefulset daemonset job cronjob configmap
secret volume persistent-volume persistent-volume-claim storage-class probe init-container sidecar-container
ephemeral-container resource-requests-and-limits qos-class taint toleration affinity static-pod kubeadm kubeconfig
coredns endpointslice ingress gateway-api runtimeclass user-namespace image-digest dockerfile podman buildkit gvisor
kata-containers`.split(/\s+/);

// One spelling per tag: no `fundamentals` beside `fundamental`, no `tools` beside `tool`.
const ALLOWED_TAGS = [
  'fundamental', 'architecture', 'containers', 'runtime', 'spec', 'tool', 'history', 'workload',
  'networking', 'storage', 'configuration', 'scheduling', 'security',
];

describe('new glossary terms', () => {
  it('are all there, in a glossary of at least 75 terms, with no index problems', () => {
    expect(NEW_TERMS).toHaveLength(39);
    expect(NEW_TERMS.filter((slug) => !index.terms.has(slug))).toEqual([]);
    expect(terms.length).toBeGreaterThanOrEqual(75);
    expect(index.problems).toEqual([]);
  });

  it.each(NEW_TERMS)('%s has a definition, tags, related terms, a checked source and a short body', (slug) => {
    const term = index.terms.get(slug)!;
    expect(term.title).toBeTruthy();
    // One plain sentence: no Markdown, and exactly one full stop at the end at most.
    expect(term.definition).not.toMatch(/\[\[|\]\]|\*\*|`/);
    expect(term.definition.replace(/\.$/, '')).not.toMatch(/\.\s+[A-Z]/);
    expect(term.definition.length).toBeGreaterThan(40);
    expect(term.tags.length).toBeGreaterThan(0);
    expect(term.related.length).toBeGreaterThanOrEqual(2);
    for (const related of term.related) expect(index.terms.has(related), `${slug} → ${related}`).toBe(true);
    expect(term.official).toMatch(/^https:\/\//);
    expect(term.verified?.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(term.status).toBe('current');
    const words = proseWords(bodyOf(slug));
    expect(words, `${slug}: ${words} words of explanation`).toBeGreaterThanOrEqual(80);
    expect(words, `${slug}: ${words} words of explanation`).toBeLessThanOrEqual(200);
    // Every body leads on to related terms with wikilinks.
    expect(bodyOf(slug)).toMatch(/\[\[[a-z0-9-]+(\|[^\]]+)?\]\]/);
  });
});

describe('every glossary term', () => {
  it('cites an https page and a verified date', () => {
    const bad = terms.filter((t) => !/^https:\/\//.test(t.official ?? '') || !(t.verified instanceof Date) || Number.isNaN(t.verified.getTime()));
    expect(bad.map((t) => t.slug)).toEqual([]);
  });

  it('uses only the allowed tags, one spelling each', () => {
    const stray = terms.flatMap((t) => t.tags.filter((tag) => !ALLOWED_TAGS.includes(tag)).map((tag) => `${t.slug}: #${tag}`));
    expect(stray).toEqual([]);
  });

  it('never speaks of "the source notes" or "the original notes" that readers never see', () => {
    const mentions = terms.filter((t) => /\b(source|original|seed) notes\b|correcting the (original )?notes/i.test(bodyOf(t.slug)));
    expect(mentions.map((t) => t.slug)).toEqual([]);
  });

  it('states a misconception as myth and fact in a "Common misconception" callout', () => {
    const callouts = terms.flatMap((t) => [...bodyOf(t.slug).matchAll(/^> \[!\w+\] Common misconception\n((?:>.*\n?)+)/gm)].map((m) => ({ slug: t.slug, text: m[1]! })));
    expect(callouts.length).toBeGreaterThanOrEqual(5);
    for (const { slug, text } of callouts) {
      expect(text, slug).toMatch(/\*\*Myth:\*\*/);
      expect(text, slug).toMatch(/\*\*Fact:\*\*/);
    }
  });

  it('gives the dockershim dates on the dockershim entry only', () => {
    const repeats = terms
      .filter((t) => t.slug !== 'dockershim')
      .filter((t) => bodyOf(t.slug).split('\n').some((line) => /dockershim/i.test(line) && /v1\.2[0-4]\b/.test(line)));
    expect(repeats.map((t) => t.slug)).toEqual([]);
  });
});

describe('the corrected facts of issue 16', () => {
  it('kube-proxy: iptables is the default, nftables GA since v1.33, ipvs deprecated since v1.35', () => {
    const body = bodyOf('kube-proxy');
    expect(body).toMatch(/`iptables` is still the default/);
    expect(body).toMatch(/`nftables`[^]*?generally available since v1\.33/);
    expect(body).toMatch(/`ipvs` is deprecated since v1\.35/);
    expect(index.terms.get('kube-proxy')!.official).toBe('https://kubernetes.io/docs/reference/networking/virtual-ips/');
  });

  it('cloud-controller-manager: in-tree providers disabled in v1.29 and removed in v1.31', () => {
    const body = bodyOf('cloud-controller-manager');
    expect(body).toMatch(/disabled[^.]*v1\.29[^.]*removed[^.]*v1\.31/);
    expect(body).not.toMatch(/disabled by default since v1\.29/);
  });

  it('containerd: v1.35 is the last release with containerd 1.x; 2.x uses config version 3', () => {
    const body = bodyOf('containerd');
    expect(body).toMatch(/v1\.35 is the last release that supports containerd 1\.x/);
    expect(body).toContain('version = 3');
    expect(body).toContain("io.containerd.cri.v1.runtime");
  });

  it('native sidecar containers are init containers with restartPolicy Always, stable since v1.33', () => {
    for (const slug of ['pod', 'sidecar-container']) {
      expect(bodyOf(slug), slug).toMatch(/restartPolicy: Always/);
      expect(bodyOf(slug), slug).toMatch(/stable since v1\.33/);
    }
  });

  it('node: eviction is the 50 s monitor grace period plus the default 300 s tolerations', () => {
    const body = bodyOf('node');
    expect(body).toMatch(/50 seconds by default since v1\.32/);
    expect(body).toMatch(/300 seconds/);
    expect(body).not.toMatch(/five minutes by default/);
    expect(bodyOf('toleration')).toMatch(/tolerationSeconds: 300/);
  });

  it('etcd: kubeadm installs no etcdctl on the host', () => {
    const body = bodyOf('etcd');
    expect(body).toMatch(/does not install the `etcdctl` client on the host/);
    expect(body).toMatch(/kubectl -n kube-system exec etcd-/);
  });

  it('nerdctl: largely docker-compatible with documented gaps, and root or a rootless setup', () => {
    const body = bodyOf('nerdctl');
    expect(body).not.toMatch(/the same flags as/);
    expect(body).toMatch(/not implemented yet/);
    expect(body).toMatch(/containerd-rootless-setuptool\.sh install/);
    expect(body).not.toMatch(/^nerdctl run/m);
  });

  it('virtual machine: cites Docker\'s page on containers and virtual machines', () => {
    expect(index.terms.get('virtual-machine')!.official).toMatch(/^https:\/\/docs\.docker\.com\/.*virtual-machines/);
  });

  it('Linux namespaces and user namespaces agree: no user namespace unless hostUsers is false', () => {
    expect(bodyOf('linux-namespaces')).toMatch(/no user namespace of its own by\s+default/);
    for (const slug of ['linux-namespaces', 'user-namespace']) expect(bodyOf(slug), slug).toContain('hostUsers: false');
  });
});

describe('Kubernetes Namespace and Linux namespaces', () => {
  const matcher = createTermMatcher(index.terms.values());
  const linked = (text: string) => matcher.find(text).map((m) => m.term.slug);

  it('share no name', () => {
    const names = (slug: string) => {
      const t = index.terms.get(slug)!;
      return [t.slug, t.title, ...t.aliases, ...t.misspellings, ...t.outdatedNames.map((n) => n.name)].map((n) => n.toLowerCase());
    };
    expect(names('namespace').filter((n) => names('linux-namespaces').includes(n))).toEqual([]);
  });

  it('link prose to the right entry: kernel namespaces are never taken for the API object', () => {
    expect(linked('Each Pod gets its own network namespace.')).not.toContain('namespace');
    expect(linked('Create the Deployment in the shop Namespace.')).toContain('namespace');
    expect(linked('A Pod can ask for a user namespace.')).toEqual(['pod', 'user-namespace']);
  });

  it('leave ordinary English alone where a term is a common word', () => {
    expect(linked('Giving Pods IP addresses is the plugin\'s job.')).not.toContain('job');
    expect(linked('Keep the secret key safe.')).not.toContain('secret');
    expect(linked('Create a Job that runs once.')).toContain('job');
  });
});
