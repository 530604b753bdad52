/**
 * Lays out the concept graph at build time, so `/map/` is a plain SVG with no layout code in
 * the browser.
 *
 * Why d3-force: it is small (no DOM, three tiny d3 dependencies), runs in Node, is deterministic
 * (its random source is a fixed-seed LCG and nodes start on a phyllotaxis spiral in input
 * order, so the same graph gives the same picture), and a step costs O(n log n) through its
 * Barnes–Hut quadtree, which keeps 1,000 nodes well under the 2 s budget. ELK's layered layout
 * suits flow diagrams, not a web of concepts; graphology's ForceAtlas2 would need a graph
 * library as well.
 *
 * A force layout spaces points, not labels, so a second pass removes every overlap between
 * the label boxes (each node's dot plus its label on the right), with label widths measured
 * from font metrics rather than guessed per character count.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export interface LayoutOptions {
  /** Label size in CSS px at the map's default size. Default 13 (the budget is ≥ 12). */
  fontSize?: number;
  /** Radius of a node's dot. Default 5. */
  radius?: number;
  /** Simulation steps, over which the layout cools to d3's alpha floor. Default 120. */
  ticks?: number;
}

export interface LayoutInput {
  nodes: { id: string; label: string }[];
  /** Indices into `nodes`. */
  edges: { source: number; target: number }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  id: string;
  /** Centre of the dot. */
  x: number;
  y: number;
  /** The dot and its label, which must not overlap any other node's box. */
  box: Box;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  fontSize: number;
  radius: number;
}

/** Gap between the dot and its label, and around every box. */
const LABEL_GAP = 4;
const PAD = 3;
const MARGIN = 12;

export function layoutGraph(input: LayoutInput, options: LayoutOptions = {}): Layout {
  const fontSize = options.fontSize ?? 13;
  const radius = options.radius ?? 5;
  const height = Math.ceil(fontSize * 1.4);
  const sizes = input.nodes.map((node) => ({ width: radius * 2 + LABEL_GAP + textWidth(node.label, fontSize), height }));

  type SimNode = SimulationNodeDatum & { i: number };
  const simNodes: SimNode[] = input.nodes.map((_, i) => ({ i }));
  const simulation = forceSimulation(simNodes)
    .force('link', forceLink<SimNode, { source: number; target: number }>(input.edges.map((e) => ({ ...e }))).id((d) => d.i).distance(70).strength(0.25))
    .force('charge', forceManyBody<SimNode>().strength(-60).distanceMax(400).theta(0.95))
    // Pull every part, including pages with no links, towards the middle; wider than tall.
    .force('x', forceX<SimNode>(0).strength(0.03))
    .force('y', forceY<SimNode>(0).strength(0.06))
    // Cool down in `ticks` steps instead of d3's 300: the picture settles long before that,
    // and each step costs O(n log n).
    .alphaDecay(1 - Math.pow(0.001, 1 / (options.ticks ?? 120)))
    .stop();
  const ticks = options.ticks ?? 120;
  for (let t = 0; t < ticks; t += 1) simulation.tick();

  // Boxes start with the dot on the left, centred on the simulated point.
  const boxes: Box[] = simNodes.map((node, i) => ({
    x: (node.x ?? 0) - radius - PAD,
    y: (node.y ?? 0) - sizes[i]!.height / 2 - PAD,
    width: sizes[i]!.width + PAD * 2,
    height: sizes[i]!.height + PAD * 2,
  }));
  // Boxes overlap only where the layout is dense: spreading it first means most keep their
  // simulated place, and the rest move only as far as the nearest free spot.
  spreadOut(boxes, 0.35);
  placeWithoutOverlap(boxes);

  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const nodes = input.nodes.map((node, i) => {
    const b = boxes[i]!;
    const box = { x: round(b.x + dx + PAD), y: round(b.y + dy + PAD), width: round(b.width - PAD * 2), height: round(b.height - PAD * 2) };
    return { id: node.id, x: round(box.x + radius), y: round(box.y + box.height / 2), box };
  });
  return { width: Math.ceil(maxX - minX + MARGIN * 2), height: Math.ceil(maxY - minY + MARGIN * 2), nodes, fontSize, radius };
}

/**
 * Scales positions about their centre so the boxes cover at most `density` of the bounding
 * area (a force layout packs the middle densely, and pushing boxes apart there alone would take
 * many rounds and stretch the picture unevenly); with `density` 0, by a fixed 15%.
 */
function spreadOut(boxes: Box[], density: number): void {
  const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0);
  const xs = boxes.map((b) => b.x + b.width / 2);
  const ys = boxes.map((b) => b.y + b.height / 2);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const bounds = Math.max(1, (x1 - x0) * (y1 - y0));
  const factor = density > 0 ? Math.sqrt(area / density / bounds) : 1.15;
  if (factor <= 1) return;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  boxes.forEach((b, i) => {
    b.x = cx + (xs[i]! - cx) * factor - b.width / 2;
    b.y = cy + (ys[i]! - cy) * factor - b.height / 2;
  });
}

/**
 * Puts every box where no other box is, moving as few as possible and as little as possible:
 * boxes are placed one by one from the middle outwards; one that would overlap a box already
 * placed walks out along a spiral from where the simulation put it until it is free. Placed
 * boxes sit in a grid of cells as large as the largest box, so each check looks at nine cells.
 * The spiral always ends in free space, so the result never has an overlap.
 */
export function placeWithoutOverlap(boxes: Box[]): void {
  if (boxes.length < 2) return;
  const cellW = Math.max(...boxes.map((b) => b.width));
  const cellH = Math.max(...boxes.map((b) => b.height));
  const cx = boxes.reduce((sum, b) => sum + b.x + b.width / 2, 0) / boxes.length;
  const cy = boxes.reduce((sum, b) => sum + b.y + b.height / 2, 0) / boxes.length;
  const distance = (b: Box) => Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy);
  const order = boxes.map((_, i) => i).sort((i, j) => distance(boxes[i]!) - distance(boxes[j]!) || i - j);
  const grid = new Map<string, Box[]>();
  const key = (gx: number, gy: number) => `${gx},${gy}`;
  const free = (b: Box) => {
    const gx = Math.floor(b.x / cellW);
    const gy = Math.floor(b.y / cellH);
    for (let x = gx - 1; x <= gx + 1; x += 1) {
      for (let y = gy - 1; y <= gy + 1; y += 1) {
        for (const other of grid.get(key(x, y)) ?? []) if (overlaps(b, other)) return false;
      }
    }
    return true;
  };
  for (const i of order) {
    const box = boxes[i]!;
    const [x0, y0] = [box.x, box.y];
    // A Fermat spiral, flattened vertically: labels are wide, so moving up or down frees a
    // box sooner than moving sideways.
    for (let step = 1; !free(box); step += 1) {
      const angle = step * 0.8;
      const r = 3 * Math.sqrt(step);
      box.x = x0 + Math.cos(angle) * r * 2;
      box.y = y0 + Math.sin(angle) * r;
    }
    const k = key(Math.floor(box.x / cellW), Math.floor(box.y / cellH));
    const cell = grid.get(k);
    if (cell) cell.push(box);
    else grid.set(k, [box]);
  }
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.001 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.001;
}

/*
 * Advance widths of DejaVu Sans (the widest font in the site's stack, and the one this machine
 * renders with), in em. Measuring with the widest font means labels drawn in any narrower one
 * (system-ui, Segoe UI, Roboto) only leave more room, never overlap.
 */
const WIDTHS: Record<string, number> = {
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278,
  k: 0.579, l: 0.278, m: 0.974, n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392,
  u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295,
  K: 0.656, L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611,
  U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
  ' ': 0.318, '-': 0.361, '.': 0.318, ',': 0.318, ':': 0.337, '/': 0.337, '(': 0.39, ')': 0.39, "'": 0.275, '’': 0.318,
};

/** Width of `text` in px at `fontSize`, from DejaVu Sans metrics (digits 0.636 em, others 0.7). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += WIDTHS[char] ?? (/\d/.test(char) ? 0.636 : 0.7);
  return Math.ceil(em * fontSize);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
