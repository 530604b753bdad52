/**
 * Share cards: the 1200×630 PNG that chat apps, tickets and slides show when someone pastes a
 * link to a note or a term (Open Graph `og:image`, Twitter `summary_large_image`).
 *
 * This module says what a card shows, where it goes and its cache key; share-card-drawing.ts
 * draws it (satori and resvg, loaded only by the thread that draws: most builds draw nothing).
 *
 * Cards are cached by content hash (`cardKey`): the hash covers what the card shows plus this
 * module's `CARD_VERSION`, so a warm build copies files and renders nothing.
 */
import { createHash } from 'node:crypto';
import type { GlossaryTerm, VaultDocument, VaultIndex } from './vault-model.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the card's layout (share-card-drawing.ts) changes, so cached cards are redrawn. */
const CARD_VERSION = 2;

/** What a card shows. */
export interface CardContent {
  siteName: string;
  /** "Glossary" or the note's folder, above the title. */
  kicker: string;
  title: string;
  /** A term's definition or a note's description/excerpt. */
  text: string;
  /** The page's address, `/glossary/etcd/`, shown in the footer. */
  address: string;
  /** A term's status line, "Outdated word" or "Removed in v1.24"; none for current terms. */
  status?: { label: string; tone: 'warn' | 'danger' };
}


/** The status a term's card shows: "Outdated word", "Removed in v1.24". */
export function cardStatus(term: GlossaryTerm): CardContent['status'] {
  if (term.status === 'removed') return { label: `Removed${term.statusSince ? ` in ${term.statusSince}` : ''}`, tone: 'danger' };
  if (term.status === 'outdated') return { label: `Outdated word${term.statusSince ? ` since ${term.statusSince}` : ''}`, tone: 'warn' };
  return undefined;
}

export function cardContent(doc: VaultDocument, siteName: string): CardContent {
  const folder = doc.path.includes('/') ? doc.path.slice(0, doc.path.lastIndexOf('/')).replace(/\//g, ' › ') : '';
  return {
    siteName,
    kicker: doc.term ? 'Glossary' : folder || 'Note',
    address: doc.slug ? `/${doc.slug}/` : '/',
    title: doc.title,
    text: doc.term?.definition ?? doc.description ?? doc.excerpt,
    status: doc.term ? cardStatus(doc.term) : undefined,
  };
}

/** The cache key of a card: everything it shows, and the layout version. */
export function cardKey(content: CardContent): string {
  return createHash('sha256').update(JSON.stringify([CARD_VERSION, content])).digest('hex').slice(0, 20);
}

/** The card's file under the site root: `og/<slug>.png`, `og/index.png` for the home page. */
export function cardPath(doc: Pick<VaultDocument, 'slug'>): string {
  return `og/${doc.slug || 'index'}.png`;
}

/** Documents that get a card: every published note and term. */
export function cardDocuments(index: VaultIndex): VaultDocument[] {
  return index.documents.filter((doc) => doc.publish);
}
