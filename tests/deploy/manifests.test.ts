/**
 * The deployment files agree with each other and with the nginx config: the port nginx
 * listens on is the one the Dockerfile exposes, the pod declares, the probes call and the
 * Service targets; every file the kustomization lists exists; the image runs unprivileged.
 * (The config itself is tested running, in nginx.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './nginx-server.ts';

/** Parsed YAML, checked field by field below. */
type Yaml = any;

const K8S = join(ROOT, 'deploy/kubernetes');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = (name: string): Yaml => parse(read(`deploy/kubernetes/${name}`));

const nginxConf = read('deploy/nginx/default.conf');
const NGINX_PORT = Number(nginxConf.match(/^\s*listen (\d+);$/m)?.[1]);

const deployment = manifest('deployment.yaml');
const service = manifest('service.yaml');
const ingress = manifest('ingress.yaml');
const kustomization = manifest('kustomization.yaml');
const pod = deployment.spec.template.spec;
const container = pod.containers[0];

/** A port given by number or by the container port's name, as a number. */
function containerPortNumber(port: number | string): number | undefined {
  return typeof port === 'number' ? port : container.ports.find((p: Yaml) => p.name === port)?.containerPort;
}

describe('Deployment', () => {
  it('is an apps/v1 Deployment of two pods, replaced one by one with none unavailable', () => {
    expect(deployment).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2 } });
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(pod.containers).toHaveLength(1);
  });

  it("declares nginx's port and probes /healthz on it", () => {
    expect(NGINX_PORT).toBe(8080);
    expect(container.ports).toEqual([{ name: 'http', containerPort: NGINX_PORT, protocol: 'TCP' }]);
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      expect(container[probe].httpGet.path, probe).toBe('/healthz');
      expect(containerPortNumber(container[probe].httpGet.port), probe).toBe(NGINX_PORT);
    }
  });

  it('sets resource requests and limits', () => {
    for (const kind of ['requests', 'limits']) {
      expect(container.resources[kind], kind).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    }
  });

  it('runs unprivileged on a read-only root filesystem, with /tmp the only writable place', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: expect.any(Object) }]);
  });
});

describe('Service and Ingress', () => {
  it("sends the Service's port 80 to the pods' nginx port", () => {
    expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: deployment.metadata.name }, spec: { type: 'ClusterIP' } });
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toHaveLength(1);
    expect(service.spec.ports[0].port).toBe(80);
    expect(containerPortNumber(service.spec.ports[0].targetPort)).toBe(NGINX_PORT);
  });

  it('routes every Ingress path to a port of that Service', () => {
    expect(ingress).toMatchObject({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { ingressClassName: 'nginx' } });
    const backends = ingress.spec.rules.flatMap((rule: Yaml) => rule.http.paths.map((path: Yaml) => path.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe(service.metadata.name);
      expect(service.spec.ports.some((port: Yaml) => port.name === backend.port.name || port.port === backend.port.number)).toBe(true);
    }
  });
});

describe('kustomization', () => {
  it('lists every manifest in the folder, and names the Deployment image', () => {
    const files = readdirSync(K8S).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(kustomization.images.map((image: Yaml) => image.name)).toContain(container.image);
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  it.skipIf(kubectl.status !== 0)('renders with kubectl kustomize (when kubectl is installed)', () => {
    const rendered = spawnSync('kubectl', ['kustomize', K8S], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toContain(`image: ${kustomization.images[0].newName}:${kustomization.images[0].newTag}`);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  // The base images are ARGs declared before the first FROM: resolve their defaults.
  const [preamble = '', ...stages] = dockerfile.split(/^(?=FROM )/m);
  const baseImages = new Map([...preamble.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
  const from = (stage = '') => stage.match(/^FROM (\S+)/)?.[1]?.replace(/^\$\{(\w+)\}$/, (_, name: string) => baseImages.get(name) ?? name);
  const final = stages.at(-1) ?? '';

  it('builds the site in a first stage with Chromium, npm ci and npm run build', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(from(stages[0])).toMatch(/^node:24-\w+/);
    expect(stages[0]).toMatch(/^FROM \S+ AS build$/m);
    expect(stages[0]).toMatch(/apt-get install[^\n]*\\?\n?[^\n]*chromium/);
    expect(stages[0]).toMatch(/RUN npm ci\b/);
    expect(stages[0]).toMatch(/npm run build/);
    expect(stages[0]).toMatch(/^ARG ATLAS_SITE_URL\b/m);
    expect(stages[0]).toMatch(/^ARG ATLAS_BASE\b/m);
  });

  it('serves it from an unprivileged final stage on the port nginx listens on', () => {
    expect(from(final)).toMatch(/^nginxinc\/nginx-unprivileged:/);
    const users = [...final.matchAll(/^USER (\S+)$/gm)].map((match) => match[1]);
    // Numeric: Kubernetes can only check runAsNonRoot against a numeric user.
    expect(users.at(-1)).toBe('101');
    expect(final).toMatch(new RegExp(`^EXPOSE ${NGINX_PORT}$`, 'm'));
  });

  it('installs the nginx config where it is included from, and the site where it is served from', () => {
    expect(final).toContain('COPY deploy/nginx/default.conf /etc/nginx/conf.d/default.conf');
    const include = nginxConf.match(/^\s*include (\S+);$/m)?.[1];
    expect(final).toContain(`COPY deploy/nginx/security-headers.conf /etc/nginx/${include}`);
    const root = nginxConf.match(/^\s*root (\S+);$/m)?.[1];
    expect(final).toContain(`COPY --from=build ${root} ${root}`);
    expect(stages[0]).toContain(`deploy/nginx/layout.sh dist ${root}`);
  });

  it('.dockerignore leaves out local builds but keeps what the image needs', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git']));
    for (const needed of ['package.json', 'package-lock.json', 'astro.config.mjs', 'src', 'content', 'public', 'deploy/nginx']) {
      expect(ignored.filter((pattern) => needed === pattern || needed.startsWith(`${pattern}/`)), needed).toEqual([]);
    }
  });
});

describe('GitHub workflows', () => {
  const pages: Yaml = parse(read('.github/workflows/pages.yml'));
  const steps = (job: string): Yaml[] => pages.jobs[job].steps;
  const uses = (job: string) => steps(job).map((step) => String(step.uses ?? '').replace(/@.*/, ''));

  it('builds with npm ci and npm run build, for the Pages address', () => {
    expect(uses('build')).toEqual(expect.arrayContaining(['actions/checkout', 'actions/configure-pages', 'actions/upload-pages-artifact']));
    const runs = steps('build').map((step) => String(step.run ?? ''));
    expect(runs.some((run) => /apt-get install[^\n]*chromium/.test(run))).toBe(true);
    expect(runs.some((run) => /^npm ci\b/.test(run))).toBe(true);
    const build = steps('build').find((step) => String(step.run ?? '').trim() === 'npm run build');
    expect(build?.env).toEqual({ ATLAS_SITE_URL: expect.stringContaining('${{'), ATLAS_BASE: expect.stringMatching(/\/$/) });
    expect(steps('build').find((step) => String(step.uses).startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
  });

  it('deploys with the Pages permissions, one deployment at a time', () => {
    expect(pages.jobs.deploy.needs).toBe('build');
    // Published only after CI passed on main, and from the commit CI tested.
    expect(pages.on.workflow_run).toEqual({ workflows: ['CI'], types: ['completed'], branches: ['main'] });
    // No other trigger: a manual run or a push would publish a commit CI has not passed.
    expect(Object.keys(pages.on)).toEqual(['workflow_run']);
    expect(pages.jobs.build.if).toContain("github.event.workflow_run.conclusion == 'success'");
    // Not CI on a pull request whose branch is also called main (a fork's, say).
    expect(pages.jobs.build.if).toContain("github.event.workflow_run.event == 'push'");
    expect(pages.jobs.build.if).toContain('github.event.workflow_run.head_repository.full_name == github.repository');
    expect(steps('build').find((step) => String(step.uses).startsWith('actions/checkout'))?.with?.ref).toContain('workflow_run.head_sha');
    expect(uses('deploy')).toContain('actions/deploy-pages');
    expect(pages.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(pages.concurrency.group).toBe('pages');
  });

  it('CI runs bash .ci/run', () => {
    const ci: Yaml = parse(read('.github/workflows/ci.yml'));
    expect(Object.values(ci.jobs).flatMap((job: Yaml) => job.steps.map((step: Yaml) => step.run))).toContain('bash .ci/run');
  });
});
