// Features of the selected shapes (interaction.md §7): the numbers the relate tools work on. A point shows a
// crosshair while it is hovered or one of its coordinates is selected: the vertical hair is its X, the horizontal
// hair its Y; a distance (width, height, radius) is a line across the shape. Orange/pink when not selected,
// green/mint when selected. Clicking a hair or a line toggles that feature.

const SVGNS = 'http://www.w3.org/2000/svg';

export interface FeatureGeom {
  name: string; kind: 'X' | 'Y' | 'DISTANCE' | 'OTHER'; point?: string;
  x?: number; y?: number; x1?: number; y1?: number; x2?: number; y2?: number;
}

type ToStage = (x: number, y: number) => { x: number; y: number } | null;

function line(a: { x: number; y: number }, b: { x: number; y: number }, w: number, cls: string): SVGLineElement {
  const l = document.createElementNS(SVGNS, 'line') as SVGLineElement;
  l.setAttribute('x1', String(a.x)); l.setAttribute('y1', String(a.y));
  l.setAttribute('x2', String(b.x)); l.setAttribute('y2', String(b.y));
  l.setAttribute('stroke-width', String(w));
  l.setAttribute('class', cls);
  return l;
}

/** The points of a shape's features: point name → its X and Y features and position. */
export function pointsOf(features: FeatureGeom[]): Map<string, { x?: FeatureGeom; y?: FeatureGeom; px: number; py: number }> {
  const m = new Map<string, { x?: FeatureGeom; y?: FeatureGeom; px: number; py: number }>();
  for (const f of features) {
    if ((f.kind !== 'X' && f.kind !== 'Y') || !f.point || f.x === undefined || f.y === undefined) continue;
    const p = m.get(f.point) || { px: f.x, py: f.y };
    if (f.kind === 'X') p.x = f; else p.y = f;
    m.set(f.point, p);
  }
  return m;
}

/**
 * Draws the features of one shape: distance lines, a small dot at every point, and a crosshair at the hovered point
 * and at points with a selected coordinate.
 */
export function drawFeatures(overlay: SVGSVGElement, shape: number, features: FeatureGeom[], selected: Set<string>,
                             hoverPoint: string | null, toStage: ToStage, zoom: number) {
  const g = document.createElementNS(SVGNS, 'g');
  g.setAttribute('class', 'duet-features');
  g.setAttribute('data-features', String(shape));
  const ref = (f: FeatureGeom) => `${shape}.${f.name}`;
  for (const f of features) {
    if (f.kind !== 'DISTANCE' || f.x1 === undefined) continue;
    const a = toStage(f.x1!, f.y1!), b = toStage(f.x2!, f.y2!);
    if (!a || !b) continue;
    const on = selected.has(ref(f));
    const l = line(a, b, 5 / zoom, 'duet-feature-distance' + (on ? ' duet-on' : ''));
    l.setAttribute('data-feature', ref(f));
    const t = document.createElementNS(SVGNS, 'title');
    t.textContent = `${f.name} (click to ${on ? 'unselect' : 'select'})`;
    l.appendChild(t);
    g.appendChild(l);
  }
  const half = 20 / zoom;
  for (const [name, p] of pointsOf(features)) {
    const c = toStage(p.px, p.py);
    if (!c) continue;
    const xOn = !!p.x && selected.has(ref(p.x)), yOn = !!p.y && selected.has(ref(p.y));
    if (hoverPoint === `${shape}|${name}` || xOn || yOn) {
      const hairs: [FeatureGeom | undefined, boolean, { x: number; y: number }, { x: number; y: number }][] = [
        [p.x, xOn, { x: c.x, y: c.y - half }, { x: c.x, y: c.y + half }],
        [p.y, yOn, { x: c.x - half, y: c.y }, { x: c.x + half, y: c.y }],
      ];
      for (const [f, on, a, b] of hairs) {
        if (!f) continue;
        const l = line(a, b, 5 / zoom, 'duet-hair' + (on ? ' duet-on' : ''));
        l.setAttribute('data-feature', ref(f));
        l.setAttribute('data-point', `${shape}|${name}`);
        const t = document.createElementNS(SVGNS, 'title');
        t.textContent = `${f.name} (click to ${on ? 'unselect' : 'select'})`;
        l.appendChild(t);
        g.appendChild(l);
      }
    }
    const dot = document.createElementNS(SVGNS, 'circle');
    dot.setAttribute('cx', String(c.x)); dot.setAttribute('cy', String(c.y));
    dot.setAttribute('r', String(3.5 / zoom));
    dot.setAttribute('stroke-width', String(1.5 / zoom));
    dot.setAttribute('class', 'duet-feature-dot' + (xOn && yOn ? ' duet-on' : ''));
    dot.setAttribute('data-point', `${shape}|${name}`);
    dot.setAttribute('data-features-of-point', [p.x, p.y].filter(f => f).map(f => ref(f!)).join(' '));
    const t = document.createElementNS(SVGNS, 'title');
    t.textContent = `point ${name}: click to select its x and y`;
    dot.appendChild(t);
    g.appendChild(dot);
  }
  overlay.appendChild(g);
}
