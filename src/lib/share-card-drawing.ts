/**
 * Draws a share card (share-cards.ts says what it shows) at build time, with no browser: satori
 * lays out a small element tree into SVG with the Inter font shipped in `@fontsource/inter`
 * (satori reads WOFF/TTF/OTF, not WOFF2), resvg rasterises the SVG (its native binary comes
 * inside the npm package), and png.ts encodes the pixels (faster than resvg's encoder). The
 * palette is the site's light theme (`--atlas-*` in src/styles/global.css). A change to the
 * layout bumps `CARD_VERSION` in share-cards.ts.
 *
 * Imported only by the drawing thread (integrations/share-card-worker.ts) and the cards bench:
 * satori alone took 75 ms to load at the start of every build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng } from './png.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from './share-cards.ts';

/** The site's light palette (src/styles/global.css). */
const PALETTE = {
  bg: '#ffffff',
  bgSoft: '#f4f6f9',
  fg: '#1b1f24',
  muted: '#4a5563',
  border: '#d5dbe3',
  accent: '#1a56b8',
  warn: '#8a4b00',
  warnSoft: '#fff4e0',
  danger: '#b3261e',
  dangerSoft: '#fdecea',
};

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Font[] | undefined;

function loadFonts(): Font[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const file = (weight: number) => require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
  fonts = [
    { name: 'Inter', data: readFileSync(file(400)), weight: 400, style: 'normal' },
    { name: 'Inter', data: readFileSync(file(700)), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
function clip(text: string, max: number): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).replace(/[,.;:]$/, '')}…`;
}

/** A satori element (the shape React elements have; satori needs no React). */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Array<Node | string> | Node | string };
}
const el = (type: string, style: Record<string, string | number>, ...children: Array<Node | string | undefined | false>): Node => ({
  type,
  props: { style, children: children.filter((c): c is Node | string => Boolean(c)) },
});

/** Inner size: satori sizes boxes without their padding, so the frame is drawn by nesting. */
const PAD_X = 72;
const INNER_WIDTH = CARD_WIDTH - 2 * PAD_X;
const BODY_HEIGHT = 470;
const TEXT_SIZE = 38;

function cardTree(content: CardContent): Node {
  const title = clip(content.title, 90);
  // Long titles get a smaller size, so the text below keeps room.
  const titleSize = title.length > 48 ? 64 : 84;
  const status = content.status;
  // The text gets the lines the title and status leave (Inter's average glyph is ~0.55 em).
  const titleLines = Math.min(3, Math.ceil(title.length / (INNER_WIDTH / (titleSize * 0.55))));
  const room = BODY_HEIGHT - 56 - titleLines * titleSize * 1.1 - (status ? 76 : 0) - 28;
  const textLines = Math.max(1, Math.floor(room / (TEXT_SIZE * 1.35)));
  return el(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', backgroundColor: PALETTE.bg, fontFamily: 'Inter', color: PALETTE.fg },
    el('div', { display: 'flex', width: CARD_WIDTH, height: 16, backgroundColor: PALETTE.accent }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', width: INNER_WIDTH, height: BODY_HEIGHT, marginLeft: PAD_X, marginTop: 52 },
      el('div', { display: 'flex', fontSize: 32, fontWeight: 700, color: PALETTE.accent }, content.kicker),
      el('div', { display: 'block', width: INNER_WIDTH, marginTop: 18, fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, lineClamp: 3 }, title),
      status &&
        el(
          'div',
          { display: 'flex', marginTop: 26 },
          el(
            'div',
            {
              display: 'flex',
              fontSize: 32,
              fontWeight: 700,
              padding: '6px 18px',
              borderRadius: 8,
              color: status.tone === 'danger' ? PALETTE.danger : PALETTE.warn,
              backgroundColor: status.tone === 'danger' ? PALETTE.dangerSoft : PALETTE.warnSoft,
            },
            status.label,
          ),
        ),
      el(
        'div',
        { display: 'block', width: INNER_WIDTH, marginTop: 28, fontSize: TEXT_SIZE, lineHeight: 1.35, color: PALETTE.muted, lineClamp: textLines },
        clip(content.text, 400),
      ),
    ),
    el(
      'div',
      {
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        width: INNER_WIDTH,
        height: 90,
        paddingLeft: PAD_X,
        paddingRight: PAD_X,
        backgroundColor: PALETTE.bgSoft,
        borderTop: `2px solid ${PALETTE.border}`,
        fontSize: 30,
      },
      el('div', { display: 'flex', fontWeight: 700, color: PALETTE.fg }, content.siteName),
      el('div', { display: 'flex', color: PALETTE.muted }, content.address),
    ),
  );
}

/** Renders one card to PNG bytes. */
export async function renderCard(content: CardContent): Promise<Buffer> {
  // satori's types want a ReactNode; our element objects have exactly that shape.
  const svg = await satori(cardTree(content) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return encodePng(image.pixels, image.width, image.height);
}
