/**
 * The ledger of published addresses: every page, heading, term and block anchor the site has
 * ever published (`/x/`, `/x/#heading`, `/glossary/etcd/#term`, `/x/#^block`), kept with the
 * vault in `.atlas/published.json`. A link someone pasted into a ticket must keep working, so
 * when a build no longer produces an address from the ledger, the address is still served:
 *
 * - a page whose note moved gets a redirect page, from the note's `redirects:` property, from
 *   one of its `aliases` (the old file name), or from a rename the build detects (the ledger
 *   keeps each page's title and a fingerprint of its text);
 * - a reworded heading keeps its old anchor as an extra id (see `rehype-kept-anchors.ts`):
 *   when a note has as many lost heading anchors as new ones, they are paired in order,
 *   which is what rewording one or more headings (without adding or removing any) looks like.
 *
 * Anything else is *lost*, and the strict build fails naming the address, its note and the fix.
 * New addresses join the ledger on every build; an address leaves it only when it is forgotten
 * on purpose (`ATLAS_FORGET`, or `npm run ledger -- forget`).
 *
 * Pure: computed from the vault index and the previous ledger; `ledger-store.ts` reads and
 * writes the file.
 */
import { createHash } from 'node:crypto';
import { blockAnchorId } from './block-ids.ts';
import { dirname, slugFromPermalink, slugifySegment } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface LedgerEntry {
  /** The vault path of the note the address came from. */
  note: string;
  /** Pages: the title, and a fingerprint of the text, to recognise the note after a rename. */
  title?: string;
  content?: string;
  /** Heading anchors: the heading's position among the note's headings (0-based). */
  heading?: number;
  /** An old page: the page it now redirects to (remembered, so the redirect stays). */
  movedTo?: string;
  /** An old heading anchor: the id of the heading that now carries it. */
  anchorOn?: string;
}

/** Address → entry. Addresses are relative to the site's base path. */
export type Ledger = Map<string, LedgerEntry>;

export interface Redirect {
  /** The old page address, e.g. `/old-name/`. */
  from: string;
  to: VaultDocument;
  why: 'redirects' | 'alias' | 'renamed' | 'remembered';
}

export interface LostAddress {
  address: string;
  entry: LedgerEntry;
  /** What the author can do about it. */
  fix: string;
}

export interface LedgerPlan {
  /** Redirect pages to write, one per old page address. */
  redirects: Redirect[];
  /** Vault path → new heading id → old ids that heading also answers to. */
  keptAnchors: Map<string, Map<string, string[]>>;
  lost: LostAddress[];
  /** Addresses produced now that the ledger did not have. */
  added: string[];
  /** Addresses removed on purpose (`ATLAS_FORGET`). */
  forgotten: string[];
  /** The ledger to write after a successful build. */
  next: Ledger;
}

export function pageAddress(slug: string): string {
  return slug ? `/${slug}/` : '/';
}

/** `/x/#y` → `/x/`; a page address is its own page. */
export function pageOf(address: string): string {
  const hash = address.indexOf('#');
  return hash === -1 ? address : address.slice(0, hash);
}

function fragmentOf(address: string): string | undefined {
  const hash = address.indexOf('#');
  return hash === -1 ? undefined : address.slice(hash + 1);
}

/** Whether `address` is one of `forget`, or an anchor of a page address in it. */
export function isForgotten(address: string, forget: string[]): boolean {
  return forget.some((f) => address === f || (!f.includes('#') && pageOf(address) === f));
}

/** A fingerprint of a note's text: unchanged by a rename or a move. */
export function contentFingerprint(doc: VaultDocument): string {
  return createHash('sha256').update(doc.body.trim()).digest('hex').slice(0, 12);
}

/** The id a term page gives its title (src/pages/glossary/[slug].astro). */
export const TERM_ANCHOR = 'term';

/** Every address the index publishes, with its entry. */
export function publishedAddresses(index: VaultIndex): Ledger {
  const ledger: Ledger = new Map();
  for (const doc of index.documents) {
    if (!doc.publish) continue;
    const page = pageAddress(doc.slug);
    ledger.set(page, { note: doc.path, title: doc.title, content: contentFingerprint(doc) });
    if (doc.kind === 'term') ledger.set(`${page}#${TERM_ANCHOR}`, { note: doc.path });
    doc.headings.forEach((heading, position) => {
      const address = `${page}#${heading.slug}`;
      if (!ledger.has(address)) ledger.set(address, { note: doc.path, heading: position });
    });
    for (const id of doc.blocks.keys()) ledger.set(`${page}#${blockAnchorId(id)}`, { note: doc.path });
  }
  return ledger;
}

/** The old page addresses a note names in its `redirects:` property. */
export function declaredRedirects(doc: VaultDocument): string[] {
  return doc.redirects.map((item) => pageAddress(slugFromPermalink(item)));
}

/**
 * The old heading anchors a note hands to its headings in its `anchors:` property: old anchor
 * (`the-comparison`, with or without `#`) → a heading of the note, by its text or its id. For
 * a heading that was removed or split, where pairing in order cannot guess.
 */
export function declaredAnchors(doc: VaultDocument): Map<string, string> {
  const declared = new Map<string, string>();
  for (const [old, heading] of Object.entries(doc.anchors)) {
    const wanted = heading.replace(/^#/, '').trim().toLowerCase();
    const on = doc.headings.find((h) => h.slug === wanted || h.text.trim().toLowerCase() === wanted);
    if (on) declared.set(old.replace(/^#/, ''), on.slug);
  }
  return declared;
}

/** Old page addresses a note's aliases stand for: the alias as a file name in its folder. */
function aliasAddresses(doc: VaultDocument): string[] {
  if (doc.kind === 'term') return []; // Term aliases have their own redirect pages already.
  const folder = dirname(doc.slug);
  return doc.aliases.map((alias) => pageAddress(`${folder ? `${folder}/` : ''}${slugifySegment(alias)}`));
}

/**
 * Compares the previous ledger with what the index publishes now.
 * @param forget addresses to drop on purpose; a page address drops its anchors too.
 */
export function planLedger(previous: Ledger, index: VaultIndex, forget: string[] = []): LedgerPlan {
  const current = publishedAddresses(index);
  const docsByPage = new Map(index.documents.filter((d) => d.publish).map((d) => [pageAddress(d.slug), d]));
  const forgotten: string[] = [];
  const kept: Ledger = new Map();
  for (const [address, entry] of previous) {
    if (isForgotten(address, forget)) forgotten.push(address);
    else kept.set(address, entry);
  }

  // Redirects a note declares are written whether or not the ledger knows the old address.
  const redirects = new Map<string, Redirect>();
  for (const doc of docsByPage.values())
    for (const from of declaredRedirects(doc)) if (!docsByPage.has(from) && !redirects.has(from)) redirects.set(from, { from, to: doc, why: 'redirects' });

  const lost: LostAddress[] = [];
  const oldPages = [...kept].filter(([address]) => !address.includes('#') && !current.has(address));
  for (const [address, entry] of oldPages) {
    if (redirects.has(address)) continue;
    const remembered = entry.movedTo ? docsByPage.get(entry.movedTo) : undefined;
    if (remembered) {
      redirects.set(address, { from: address, to: remembered, why: 'remembered' });
      continue;
    }
    const byAlias = [...docsByPage.values()].find((doc) => aliasAddresses(doc).includes(address));
    // A rename: a page the ledger did not know, with the same text or the same title.
    const fresh = [...docsByPage.entries()].filter(([page]) => !kept.has(page)).map(([, doc]) => doc);
    const renamed =
      fresh.find((doc) => entry.content !== undefined && contentFingerprint(doc) === entry.content) ??
      fresh.find((doc) => entry.title !== undefined && doc.title.toLowerCase() === entry.title.toLowerCase());
    const to = byAlias ?? renamed;
    if (to) redirects.set(address, { from: address, to, why: byAlias ? 'alias' : 'renamed' });
    else
      lost.push({
        address,
        entry,
        fix: `Add \`redirects: ["${address}"]\` to the frontmatter of the note that replaces it, or forget the address: \`npm run ledger -- forget ${address}\`.`,
      });
  }

  // Anchors: on the same page, or on the page an old page now redirects to.
  const keptAnchors = new Map<string, Map<string, string[]>>();
  /** Old anchor address → the heading id that carries it now. */
  const anchorMoves = new Map<string, string>();
  const lostAnchors = new Map<VaultDocument, Array<[string, LedgerEntry]>>();
  for (const [address, entry] of kept) {
    const fragment = fragmentOf(address);
    if (fragment === undefined || current.has(address)) continue;
    const page = pageOf(address);
    const target = docsByPage.get(page) ?? redirects.get(page)?.to;
    if (!target) continue; // Its page is lost, and reported once, above.
    if (current.has(`${pageAddress(target.slug)}#${fragment}`)) continue; // Served through the redirect.
    const list = lostAnchors.get(target) ?? [];
    list.push([address, entry]);
    lostAnchors.set(target, list);
  }
  for (const [doc, anchors] of lostAnchors) {
    const page = pageAddress(doc.slug);
    const known = new Set([...kept.keys()].filter((a) => docsByPage.get(pageOf(a)) === doc || redirects.get(pageOf(a))?.to === doc).map(fragmentOf));
    const map = keptAnchors.get(doc.path) ?? new Map<string, string[]>();
    const keep = (id: string, address: string) => {
      map.set(id, [...(map.get(id) ?? []), fragmentOf(address)!]);
      anchorMoves.set(address, id);
    };
    const served = new Set<string>();
    const headingIds = new Set(doc.headings.map((h) => h.slug));
    // Anchors the note hands to a heading (`anchors:`), and anchors kept by an earlier build,
    // stay on the heading that carries them.
    const declared = declaredAnchors(doc);
    for (const [address, entry] of anchors) {
      const on = declared.get(fragmentOf(address)!) ?? (entry.anchorOn && headingIds.has(entry.anchorOn) ? entry.anchorOn : undefined);
      if (on) {
        keep(on, address);
        served.add(address);
      }
    }
    const headings = anchors
      .filter(([address, e]) => e.heading !== undefined && !e.anchorOn && !served.has(address))
      .sort(([, a], [, b]) => a.heading! - b.heading!);
    const freshHeadings = doc.headings.filter((h) => !known.has(h.slug) && current.get(`${page}#${h.slug}`)?.heading !== undefined);
    const paired = headings.length > 0 && headings.length === freshHeadings.length;
    const pairedWith = new Map<string, string>();
    if (paired)
      headings.forEach(([address], i) => {
        keep(freshHeadings[i]!.slug, address);
        pairedWith.set(fragmentOf(address)!, freshHeadings[i]!.slug);
        served.add(address);
      });
    // An anchor kept on a heading that was reworded again follows that heading.
    for (const [address, entry] of anchors) {
      const on = entry.anchorOn && pairedWith.get(entry.anchorOn);
      if (on && !served.has(address)) {
        keep(on, address);
        served.add(address);
      }
    }
    if (map.size) keptAnchors.set(doc.path, map);
    const namesHeading = (fragment: string): string | undefined => doc.anchors[fragment] ?? doc.anchors[`#${fragment}`];
    for (const [address, entry] of anchors) {
      if (served.has(address)) continue;
      const fragment = fragmentOf(address)!;
      const wrong = namesHeading(fragment);
      lost.push({
        address,
        entry,
        fix: wrong !== undefined
          ? `\`anchors:\` in \`${doc.path}\` hands \`${fragment}\` to \`${String(wrong)}\`, which is not a heading of the note: name one of its headings by its text or id.`
          : fragment.startsWith('^')
          ? `Put the block id \`${fragment}\` back on its paragraph in \`${doc.path}\`, or forget the address: \`npm run ledger -- forget '${address}'\`.`
          : `Hand the old anchor to the heading that now covers it, in the frontmatter of \`${doc.path}\`: \`anchors: { ${fragment}: "${doc.headings[0]?.text ?? 'Heading'}" }\` (any heading's text), or give a heading its old wording back (headings reworded without adding or removing one keep their old anchors), or forget the address: \`npm run ledger -- forget '${address}'\`.`,
      });
    }
  }

  const next: Ledger = new Map(kept);
  for (const [address, entry] of current) next.set(address, entry);
  // Served old addresses stay promised; they now come from the note that serves them.
  for (const redirect of redirects.values())
    if (kept.has(redirect.from)) next.set(redirect.from, { note: redirect.to.path, movedTo: pageAddress(redirect.to.slug) });
  for (const [address, id] of anchorMoves) next.set(address, { ...kept.get(address)!, anchorOn: id });
  return {
    redirects: [...redirects.values()].sort((a, b) => a.from.localeCompare(b.from)),
    keptAnchors,
    lost: lost.sort((a, b) => a.address.localeCompare(b.address)),
    added: [...current.keys()].filter((a) => !kept.has(a)).sort(),
    forgotten: forgotten.sort(),
    next,
  };
}

/** The ledger as a file: sorted, one address a line, so a diff shows exactly what changed. */
export function serializeLedger(ledger: Ledger): string {
  const lines = [...ledger]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([address, entry]) => `    ${JSON.stringify(address)}: ${JSON.stringify(entry)}`);
  return `{\n  "about": "Every address this site has published. Written by the build; see 'Links that never break' in the README.",\n  "addresses": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function parseLedger(text: string): Ledger {
  const data = JSON.parse(text) as { addresses?: Record<string, LedgerEntry> };
  return new Map(Object.entries(data.addresses ?? {}));
}

/** The line of an address in a serialized ledger (for positioned problems). */
export function lineOfAddress(text: string, address: string): number {
  const at = text.indexOf(`${JSON.stringify(address)}:`);
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}
