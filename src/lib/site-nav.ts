/**
 * The header's links, from the `nav` setting. Each item is one of the site's own pages
 * (`home`, `glossary`, `map`, `tags`, `search`), a note named as in `[[Note]]`, a site path, or an
 * http(s) URL; `{ label, link }` gives it another label. The glossary's link is left out when
 * the vault has no glossary, so a vault without one shows no empty page.
 */
import { hrefFor, normaliseBase } from './paths.ts';
import type { Problem } from './problems.ts';
import { resolveTarget } from './resolve.ts';
import { isSafeUrl } from './safe-url.ts';
import type { SiteConfig } from './site-config.ts';
import type { VaultIndex } from './vault-model.ts';

export interface NavLink {
  label: string;
  href: string;
  /** The part of the site this link stands for, to mark it as current (`aria-current`). */
  section?: string;
  external: boolean;
}

const OWN_PAGES = ['home', 'glossary', 'map', 'tags', 'search'] as const;
type OwnPage = (typeof OWN_PAGES)[number];

export function siteNavigation(config: SiteConfig, index: VaultIndex): { links: NavLink[]; problems: Problem[] } {
  const links: NavLink[] = [];
  const problems: Problem[] = [];
  for (const [i, item] of config.nav.entries()) {
    const link = typeof item === 'string' ? item : item.link;
    const label = typeof item === 'string' ? undefined : item.label;
    const own = OWN_PAGES.find((page) => page === link.trim().toLowerCase());
    if (own) {
      if (own === 'glossary' && index.terms.size === 0) continue;
      links.push({ label: label ?? config.labels[own], href: ownHref(config.base, own), section: own, external: false });
    } else if (/^[a-z][a-z\d+.-]*:/i.test(link)) {
      if (isSafeUrl(link)) links.push({ label: label ?? new URL(link).host, href: link, external: true });
      else problems.push(problem(config, ['nav', i], `The link \`${link}\` is not an http(s) or mailto URL.`, 'Use an address starting with https://.'));
    } else if (link.startsWith('/')) {
      links.push({ label: label ?? link, href: normaliseBase(config.base) + link.replace(/^\/+/, ''), external: false });
    } else {
      const found = resolveTarget(index, undefined, link);
      if (found.kind === 'document' && found.document.publish) {
        links.push({ label: label ?? found.document.title, href: hrefFor(config.base, found.document.slug), section: found.document.slug, external: false });
      } else {
        const hint = found.kind === 'missing' && found.suggestions.length ? `Did you mean ${found.suggestions.map((s) => `\`${s}\``).join(' or ')}?` : `Write a note's name, or one of ${OWN_PAGES.map((p) => `\`${p}\``).join(', ')}.`;
        problems.push(problem(config, ['nav', i], `The navigation link \`${link}\` names no published note.`, hint));
      }
    }
  }
  return { links, problems };
}

function ownHref(base: string, page: OwnPage): string {
  return page === 'home' ? normaliseBase(base) : hrefFor(base, page);
}

/** A problem about a setting, positioned in the vault's settings file. */
export function problem(config: SiteConfig, path: ReadonlyArray<PropertyKey>, message: string, suggestion?: string): Problem {
  const source = config.settingsSource;
  const at = source?.positionOf(path) ?? { line: 1, column: 1 };
  return {
    file: source?.path ?? config.settingsFile,
    line: at.line,
    column: at.column,
    ruleId: 'settings-invalid',
    severity: 'error',
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}
