/**
 * The trail above a page's title: Home › folder › subfolder › Note, or Home › Glossary › Term.
 * A folder is a link when it has a page (a folder index page, or a "folder note" with the
 * folder's URL); otherwise it is plain text, never a link that leads nowhere.
 */
import { folderPages } from './navigation.ts';
import { dirname, slugFromVaultPath } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface Crumb {
  label: string;
  /** Page slug ('' for the home page); undefined: no page, shown as text. */
  slug?: string;
}

export function breadcrumbTrail(index: VaultIndex, doc: VaultDocument): Crumb[] {
  const trail: Crumb[] = [{ label: 'Home', slug: '' }];
  if (doc.kind === 'term') {
    trail.push({ label: 'Glossary', slug: 'glossary' });
  } else {
    const folder = dirname(doc.path);
    const pages = new Set<string>(folderPages(index).map((group) => group.slug));
    const segments = folder ? folder.split('/') : [];
    segments.forEach((segment, at) => {
      const slug = slugFromVaultPath(segments.slice(0, at + 1).join('/'));
      const linked = pages.has(slug) || index.bySlug.has(slug);
      trail.push(linked ? { label: segment, slug } : { label: segment });
    });
  }
  trail.push({ label: doc.title, slug: doc.slug });
  return trail;
}
