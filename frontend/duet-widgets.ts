// The extra widgets of a selected shape (fill and stroke colour bars, opacity boxes, stroke-width box, rotation
// ring): drawn in the overlay above the drawing, in the stage's (unzoomed drawing) units. Dragging a ball drags the
// zone of the same name on the server; while it is dragged the ball follows the rule the server applies.

const SVGNS = 'http://www.w3.org/2000/svg';

export interface WidgetZone { name: string; active: boolean; value?: number; ring?: number }

/** The rules of the server (org.duet.sync.Rule), to move a ball while it is dragged. */
export function widgetValue(zone: string, v: number, dx: number): number {
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
  switch (zone) {
    case 'FillBall': case 'StrokeBall': return clamp(v + 2 * dx, 0, 499);
    case 'FillOpacityBall': case 'StrokeOpacityBall': return clamp(v + dx / 20, 0, 1);
    case 'StrokeWidthBall': return Math.round(clamp(v + dx / 3, 0, 20));
    default: return v;
  }
}

function el(tag: string, attrs: Record<string, string | number>, cls?: string): SVGElement {
  const e = document.createElementNS(SVGNS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (cls) e.setAttribute('class', cls);
  return e;
}

/** A gradient for colour numbers 0–500: hues 0–360, black to 380, a grey ramp to 480, white to 500. */
function ensureGradients(overlay: SVGSVGElement) {
  if (overlay.querySelector('#duet-colour-scale')) return;
  const defs = el('defs', {});
  const g = el('linearGradient', { id: 'duet-colour-scale', x1: 0, y1: 0, x2: 1, y2: 0 });
  const stops: [number, string][] = [];
  for (let h = 0; h <= 360; h += 30) stops.push([h / 500, `hsl(${h},100%,50%)`]);
  stops.push([360 / 500, 'rgb(0,0,0)'], [380 / 500, 'rgb(0,0,0)'], [480 / 500, 'rgb(255,255,255)'],
    [1, 'rgb(255,255,255)']);
  for (const [o, c] of stops) g.appendChild(el('stop', { offset: o, 'stop-color': c }));
  const w = el('linearGradient', { id: 'duet-opacity-scale', x1: 0, y1: 0, x2: 1, y2: 0 });
  w.appendChild(el('stop', { offset: 0, 'stop-color': '#000', 'stop-opacity': 0 }));
  w.appendChild(el('stop', { offset: 1, 'stop-color': '#000', 'stop-opacity': 1 }));
  defs.appendChild(g);
  defs.appendChild(w);
  overlay.insertBefore(defs, overlay.firstChild);
}

export interface WidgetPlace {
  /** Top-left of the shape's bounding box, in stage units. */
  ax: number; ay: number;
  /** The rotation centre and the ring's top in stage units (when the shape has a rotation widget). */
  centre?: { x: number; y: number }; top?: { x: number; y: number };
  /** The dragged widget and the value its ball shows now (or the pointer, for the rotation ball). */
  dragged?: string; draggedValue?: number; pointer?: { x: number; y: number };
}

/** Draws the widgets of one selected shape. `zoom` keeps balls and strokes the same size on screen. */
export function drawWidgets(overlay: SVGSVGElement, shape: number, zones: WidgetZone[], p: WidgetPlace, zoom: number) {
  ensureGradients(overlay);
  const g = el('g', { 'data-widgets': shape }, 'duet-widgets') as SVGGElement;
  const ballR = 7 / zoom, sw = 1 / zoom;
  const by = new Map(zones.map(z => [z.name, z]));
  const value = (z: WidgetZone) => (p.dragged === z.name && p.draggedValue !== undefined ? p.draggedValue : z.value ?? 0);
  const ball = (z: WidgetZone, x: number, y: number, title: string) => {
    const b = el('circle', { cx: x, cy: y, r: ballR, 'stroke-width': 2 / zoom, 'data-zone': z.name, 'data-shape': shape },
      'duet-widget-ball' + (z.active ? '' : ' duet-inactive') + (p.dragged === z.name ? ' duet-dragged' : ''));
    const t = el('title', {});
    t.textContent = title + (z.active ? '' : ' (nothing in the program can change it)');
    b.appendChild(t);
    g.appendChild(b);
  };
  const box = (x: number, y: number, w: number, h: number, fill: string, name: string) => {
    g.appendChild(el('rect', { x, y, width: w, height: h, fill, stroke: '#5e5c64', 'stroke-width': sw, 'data-box': name },
      'duet-widget-box'));
  };
  const colour = (name: string, y: number, label: string) => {
    const z = by.get(name);
    if (!z) return;
    box(p.ax, y, 250, 20, 'url(#duet-colour-scale)', name);
    const n = value(z);
    ball(z, p.ax + (n / 500) * 250, y + 10, `${label}: colour number ${Math.round(n)} (drag along the bar)`);
  };
  const opacity = (name: string, y: number, label: string) => {
    const z = by.get(name);
    if (!z) return;
    box(p.ax - 25, y, 20, 20, 'url(#duet-opacity-scale)', name);
    const o = value(z);
    ball(z, p.ax - 25 + o * 20, y + 10, `${label}: ${Math.round(o * 100) / 100} (drag sideways)`);
  };
  colour('FillBall', p.ay - 40, 'Fill');
  opacity('FillOpacityBall', p.ay - 40, 'Fill opacity');
  colour('StrokeBall', p.ay - 65, 'Stroke');
  opacity('StrokeOpacityBall', p.ay - 65, 'Stroke opacity');
  const swz = by.get('StrokeWidthBall');
  if (swz) {
    const x = p.ax + 255, y = p.ay - 65;
    box(x, y, 60, 20, '#ffffff', 'StrokeWidthBall');
    g.appendChild(el('polygon', { points: `${x + 2},${y + 10} ${x + 58},${y + 2} ${x + 58},${y + 18}`, fill: '#c0bfbc' },
      'duet-widget-wedge'));
    const v = value(swz);
    ball(swz, x + (v / 20) * 60, y + 10, `Stroke width: ${v} (drag sideways)`);
  }
  const rz = by.get('RotateBall');
  if (rz && p.centre && p.top) {
    const R = Math.hypot(p.top.x - p.centre.x, p.top.y - p.centre.y);
    g.appendChild(el('circle', { cx: p.centre.x, cy: p.centre.y, r: R, fill: 'none', 'stroke-width': 5 / zoom },
      'duet-widget-ring'));
    let bx = p.top.x, byy = p.top.y;
    if (p.dragged === 'RotateBall' && p.pointer) {
      const vx = p.pointer.x - p.centre.x, vy = p.pointer.y - p.centre.y, d = Math.hypot(vx, vy);
      if (d > 0) { bx = p.centre.x + (vx / d) * R; byy = p.centre.y + (vy / d) * R; }
    }
    g.appendChild(el('line', { x1: p.centre.x, y1: p.centre.y, x2: bx, y2: byy, 'stroke-width': 2 / zoom },
      'duet-widget-spoke'));
    ball(rz, bx, byy, `Rotation: ${Math.round((rz.value ?? 0) * 10) / 10}° (drag around the ring)`);
  }
  overlay.appendChild(g);
}

/** The rotation of an element written rotate(a cx cy), or null. */
export function rotation(e: Element): { a: number; cx: number; cy: number } | null {
  const t = e.getAttribute('transform') || '';
  const m = /^\s*rotate\(\s*([-+\d.eE]+)[\s,]+([-+\d.eE]+)[\s,]+([-+\d.eE]+)\s*\)\s*$/.exec(t);
  return m ? { a: Number(m[1]), cx: Number(m[2]), cy: Number(m[3]) } : null;
}
