// Zone geometry: where the hot spots of a drawn shape are, computed from the shape's own attributes in the
// browser (names as in Duet's zone table: Interior, TopLeft, TopEdge, …, Point1…, Edge1…, Edge).

export interface ZoneSpot {
  name: string;
  /** 'point': a handle at (x, y); 'edge': a segment (x, y)–(x2, y2); 'body': the shape itself. */
  kind: 'point' | 'edge' | 'body';
  x: number;
  y: number;
  x2?: number;
  y2?: number;
  cursor: string;
}

const num = (el: Element, a: string) => parseFloat(el.getAttribute(a) || '0') || 0;

const CURSORS: Record<string, string> = {
  Interior: 'move', TopLeft: 'nwse-resize', BotRight: 'nwse-resize', TopRight: 'nesw-resize', BotLeft: 'nesw-resize',
  LeftEdge: 'ew-resize', RightEdge: 'ew-resize', TopEdge: 'ns-resize', BotEdge: 'ns-resize',
};

function box(x: number, y: number, w: number, h: number, out: ZoneSpot[]) {
  const p = (name: string, px: number, py: number) => out.push({ name, kind: 'point', x: px, y: py, cursor: CURSORS[name] });
  p('TopLeft', x, y);
  if (Math.abs(w) >= 30) p('TopEdge', x + w / 2, y);
  p('TopRight', x + w, y);
  if (Math.abs(h) >= 30) p('RightEdge', x + w, y + h / 2);
  p('BotRight', x + w, y + h);
  if (Math.abs(w) >= 30) p('BotEdge', x + w / 2, y + h);
  p('BotLeft', x, y + h);
  if (Math.abs(h) >= 30) p('LeftEdge', x, y + h / 2);
}

function parsePoints(s: string): [number, number][] {
  const nums = (s.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) || []).map(Number);
  const pts: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i], nums[i + 1]]);
  return pts;
}

/** The numbered points of a path: every point of an absolute command, control points included (A: its end). */
function pathPoints(d: string): [number, number][] {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) || [];
  const arity: Record<string, number> = { Z: 0, H: 1, V: 1, M: 2, L: 2, T: 2, S: 4, Q: 4, C: 6, A: 7 };
  const pts: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const c = tokens[i++];
    const up = c.toUpperCase();
    const n = arity[up];
    if (n === undefined) continue;
    const args = tokens.slice(i, i + n).map(Number);
    i += n;
    if (c !== up) continue; // relative commands have no zones
    if (up === 'M' || up === 'L' || up === 'T') pts.push([args[0], args[1]]);
    else if (up === 'S' || up === 'Q') { pts.push([args[0], args[1]]); pts.push([args[2], args[3]]); }
    else if (up === 'C') { pts.push([args[0], args[1]]); pts.push([args[2], args[3]]); pts.push([args[4], args[5]]); }
    else if (up === 'A') pts.push([args[5], args[6]]);
  }
  return pts;
}

/** Every zone spot of a shape, in its own (local) coordinates. */
export function zoneSpots(el: Element): ZoneSpot[] {
  const out: ZoneSpot[] = [];
  const body = (name: string, cursor: string) => out.push({ name, kind: 'body', x: 0, y: 0, cursor });
  switch (el.tagName) {
    case 'rect':
      body('Interior', 'move');
      box(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'), out);
      break;
    case 'circle': {
      const cx = num(el, 'cx'), cy = num(el, 'cy'), r = num(el, 'r');
      body('Interior', 'move');
      box(cx - r, cy - r, 2 * r, 2 * r, out);
      break;
    }
    case 'ellipse': {
      const cx = num(el, 'cx'), cy = num(el, 'cy'), rx = num(el, 'rx'), ry = num(el, 'ry');
      body('Interior', 'move');
      box(cx - rx, cy - ry, 2 * rx, 2 * ry, out);
      break;
    }
    case 'line':
      body('Edge', 'pointer');
      out.push({ name: 'Point1', kind: 'point', x: num(el, 'x1'), y: num(el, 'y1'), cursor: 'move' });
      out.push({ name: 'Point2', kind: 'point', x: num(el, 'x2'), y: num(el, 'y2'), cursor: 'move' });
      break;
    case 'polygon':
    case 'polyline': {
      body('Interior', 'move');
      const pts = parsePoints(el.getAttribute('points') || '');
      const n = pts.length;
      const edges = el.tagName === 'polygon' ? n : n - 1;
      for (let i = 0; i < edges; i++) {
        const a = pts[i], b = pts[(i + 1) % n];
        out.push({ name: 'Edge' + (i + 1), kind: 'edge', x: a[0], y: a[1], x2: b[0], y2: b[1], cursor: 'pointer' });
      }
      pts.forEach((p, i) => out.push({ name: 'Point' + (i + 1), kind: 'point', x: p[0], y: p[1], cursor: 'move' }));
      break;
    }
    case 'path': {
      body('Interior', 'move');
      pathPoints(el.getAttribute('d') || '').forEach((p, i) =>
        out.push({ name: 'Point' + (i + 1), kind: 'point', x: p[0], y: p[1], cursor: 'move' }));
      break;
    }
    case 'text':
      body('Interior', 'move');
      break;
  }
  return out;
}
