// The drawing tools on the canvas (interaction.md §6): while a tool other than the cursor is chosen, the pointer
// draws in the drawing's own units with a live preview (a translucent grey shape and hollow dots), and the finished
// gesture goes to the server as a 'duet-draw' event, where org.duet.edit.Draw writes the shape's code. Also the
// Delete key ('duet-delete': the server removes the selected shapes' blobs).
//
// The canvas (duet-canvas.ts) calls onDown/onMove/onUp/onKey first; each returns true when it handled the event.

const SVGNS = 'http://www.w3.org/2000/svg';

/** A click within this many drawing units of the first (or, for paths, the previous) point finishes (Draw.SNAP). */
export const SNAP = 10;

type ClickKind = 'PLAIN' | 'Q' | 'C';
interface Pt { x: number; y: number; k: ClickKind }

/** What the canvas lends the tools. */
export interface DrawHost {
  /** The drawing's root svg (the preview is drawn inside it, in its user units). */
  root(): SVGSVGElement | null;
  /** A pointer position in the drawing's user units. */
  toDrawing(clientX: number, clientY: number): { x: number; y: number } | null;
  /** Forget the hovered shape (the tool changed). */
  unhover(): void;
  /** Says on the canvas why a gesture draws nothing (before it reaches the server). */
  say(text: string): void;
}

/** Tools drawn by clicking points; the others are dragged. */
function byClicks(tool: string) { return tool.startsWith('polygon') || tool.startsWith('path'); }

/** True when the key event comes from a place where keys are typed (the code pane, a field, a dialog). */
function typing(e: KeyboardEvent) {
  const t = (e.composedPath()[0] || e.target) as HTMLElement;
  return !!t && ((t.closest && (t.closest('.cm-editor') || t.closest('duet-code-editor')
    || t.closest('vaadin-dialog-overlay'))) || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA'
    || t.isContentEditable);
}

/**
 * What a click does to a polygon or path being drawn — the rules of org.duet.edit.Draw.nextClick: near the first
 * point a polygon finishes (is cancelled with fewer than 3 points), a path is cancelled on its second click and closed
 * later; near the previous point an open path finishes; any other click is added.
 */
export function nextClick(tool: string, pts: Pt[], x: number, y: number): 'ADD' | 'FINISH' | 'CLOSE' | 'CANCEL' {
  if (!pts.length) return 'ADD';
  const first = pts[0], prev = pts[pts.length - 1];
  const nearFirst = Math.hypot(x - first.x, y - first.y) <= SNAP;
  if (tool.startsWith('polygon')) return nearFirst ? (pts.length >= 3 ? 'FINISH' : 'CANCEL') : 'ADD';
  if (nearFirst) return pts.length === 1 ? 'CANCEL' : 'CLOSE';
  if (Math.hypot(x - prev.x, y - prev.y) <= SNAP) return 'FINISH';
  return 'ADD';
}

/** The box of a drag; with Shift a square, its side the larger extent, from the first point in the drag direction. */
function box(a: Pt, b: Pt, shift: boolean) {
  let x2 = b.x, y2 = b.y;
  if (shift) {
    const side = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    x2 = a.x + (b.x < a.x ? -side : side);
    y2 = a.y + (b.y < a.y ? -side : side);
  }
  return { x: Math.min(a.x, x2), y: Math.min(a.y, y2), w: Math.abs(x2 - a.x), h: Math.abs(y2 - a.y) };
}

/** The end of a line; with Shift snapped to a multiple of 45°, keeping the length. */
function lineEnd(a: Pt, b: Pt, shift: boolean): Pt {
  if (!shift) return b;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const ang = Math.round(Math.atan2(b.y - a.y, b.x - a.x) / (Math.PI / 4)) * (Math.PI / 4);
  return { x: Math.round(a.x + len * Math.cos(ang)), y: Math.round(a.y + len * Math.sin(ang)), k: 'PLAIN' };
}

export class DrawTool {
  /** The chosen tool's word (Tool.word on the server: rect, rect-bb, lambda …); '' is the cursor. */
  tool = '';
  /** Points clicked so far (polygon, path). */
  private pts: Pt[] = [];
  /** A press of a drag tool (or of a click). */
  private press: { id: number; sx: number; sy: number; p: Pt; moved: boolean } | null = null;
  private cur: Pt | null = null;
  private shift = false;
  /** Q or C held (path control points). */
  private held: ClickKind = 'PLAIN';
  private lastClick: { t: number; x: number; y: number } | null = null;
  private g: SVGGElement | null = null;
  /** A tool chosen while a drag was held: it takes over when the drag ends (the drag finishes with its own tool). */
  private next: string | null = null;

  constructor(private el: HTMLElement, private host: DrawHost) {}

  /**
   * A tool was chosen ('' for the cursor): by a click on its button (or its key) here, and then again by the
   * server's answer. The same tool again changes nothing (a drag in progress goes on). Another tool while a drag is
   * held waits for the drag to end (the drag is drawn with the tool it began with: never dropped); between the
   * clicks of a polygon or path, it drops that drawing.
   */
  setTool(word: string) {
    word = word || '';
    if (this.press !== null) {
      this.next = word === this.tool ? null : word;
      return;
    }
    this.next = null;
    if (word === this.tool) return; // (the server's answer to a click here: a polygon begun since goes on)
    this.cancel();
    this.tool = word;
    this.el.classList.toggle('duet-drawing-tool', !!this.tool);
    this.el.setAttribute('data-tool', this.tool || 'cursor');
    // forget the hovered shape: no handles while drawing, and the cursor finds the shape under it afresh
    this.host.unhover();
  }

  /** The canvas changes the tool itself (Esc, a click without a drag): tells the server. */
  private switchTool(word: string) {
    this.setTool(word);
    this.fire('duet-tool', { tool: word });
  }

  private fire(name: string, detail: object) {
    this.el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  /** True while points have been clicked or a drag goes on. */
  busy() { return this.pts.length > 0 || this.press !== null; }

  private at(e: PointerEvent): Pt | null {
    const p = this.host.toDrawing(e.clientX, e.clientY);
    return p ? { x: Math.round(p.x), y: Math.round(p.y), k: 'PLAIN' } : null;
  }

  /** The drag is over: a tool chosen meanwhile takes over. */
  private released() {
    const n = this.next;
    this.next = null;
    if (n !== null && n !== this.tool) this.setTool(n);
  }

  onDown(e: PointerEvent): boolean {
    if (!this.tool || e.button !== 0) return false;
    if (!e.isPrimary) return true;
    const p = this.at(e);
    if (!p) {
      this.host.say('Nothing drawn: there is no drawing to draw on yet (the program has not been shown).');
      return true;
    }
    e.preventDefault();
    try { (e.currentTarget as Element).setPointerCapture(e.pointerId); } catch { /* a synthetic event */ }
    this.press = { id: e.pointerId, sx: e.clientX, sy: e.clientY, p, moved: false };
    this.shift = e.shiftKey;
    this.cur = p;
    this.preview();
    return true;
  }

  onMove(e: PointerEvent): boolean {
    if (!this.tool) return false;
    const p = this.at(e);
    if (p) this.cur = p;
    this.shift = e.shiftKey;
    const pr = this.press;
    if (pr && pr.id === e.pointerId && Math.hypot(e.clientX - pr.sx, e.clientY - pr.sy) >= 3) pr.moved = true;
    if (this.press || this.pts.length) this.preview();
    return true;
  }

  onUp(e: PointerEvent): boolean {
    const pr = this.press;
    if (!this.tool || !pr || pr.id !== e.pointerId) return false;
    this.press = null;
    try {
      this.up(e, pr);
    } finally {
      this.released();
    }
    return true;
  }

  private up(e: PointerEvent, pr: { id: number; sx: number; sy: number; p: Pt; moved: boolean }) {
    if (e.type === 'pointercancel') {
      if (!this.pts.length) this.clearPreview();
      this.host.say('Nothing drawn: the browser cancelled the gesture.');
      return;
    }
    const p = this.at(e) || this.cur || pr.p;
    this.shift = e.shiftKey;
    // (a release away from the press is a drag even if no move came between them)
    if (Math.hypot(e.clientX - pr.sx, e.clientY - pr.sy) >= 3) pr.moved = true;
    if (byClicks(this.tool)) {
      this.click({ x: p.x, y: p.y, k: this.tool.startsWith('path') ? this.held : 'PLAIN' });
      return;
    }
    if (!pr.moved) {
      // a press and release without a drag: back to the cursor
      this.clearPreview();
      if (this.next === null) this.switchTool('');
      return;
    }
    this.finish([pr.p, p], false);
  }

  onKey(e: KeyboardEvent): boolean {
    const down = e.type === 'keydown';
    if (down && (e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey
        && !this.busy() && !typing(e)) {
      e.preventDefault();
      this.fire('duet-delete', {});
      return true;
    }
    if (!this.tool || typing(e)) return false;
    if (e.key === 'Shift') {
      this.shift = down;
      if (this.busy()) this.preview();
      return false;
    }
    if (this.tool.startsWith('path') && (e.code === 'KeyQ' || e.code === 'KeyC') && !e.ctrlKey && !e.metaKey) {
      this.held = down ? (e.code === 'KeyQ' ? 'Q' : 'C') : 'PLAIN';
      this.preview();
      e.preventDefault();
      return true;
    }
    if (down && e.key === 'Escape') {
      e.preventDefault();
      if (this.busy()) this.cancel();
      else this.switchTool('');
      return true;
    }
    if (down && e.key === 'Enter' && this.pts.length && !e.ctrlKey) {
      e.preventDefault();
      this.finishClicks();
      return true;
    }
    return false;
  }

  /** A click of a polygon or path (a double click finishes it). */
  private click(p: Pt) {
    const now = performance.now(), last = this.lastClick;
    const double = last !== null && now - last.t < 450 && Math.hypot(p.x - last.x, p.y - last.y) <= SNAP;
    this.lastClick = { t: now, x: p.x, y: p.y };
    let what = nextClick(this.tool, this.pts, p.x, p.y);
    if (double && what === 'ADD') {
      // the second click of a double click ends the shape where the first one put its last point
      if (this.tool.startsWith('polygon') && this.pts.length < 3) return;
      what = 'FINISH';
    }
    switch (what) {
      case 'ADD':
        this.pts.push(p);
        this.preview();
        return;
      case 'FINISH':
        this.finishClicks();
        return;
      case 'CLOSE':
        this.finish(this.pts, true);
        return;
      default: { // CANCEL
        const one = this.pts.length === 1;
        this.cancel();
        if (one) this.switchTool('');
      }
    }
  }

  private finishClicks() {
    if (this.tool.startsWith('polygon') && this.pts.length < 3) { this.cancel(); return; }
    this.finish(this.pts, false);
  }

  /** Sends the gesture; the preview stays until the new drawing replaces it (or briefly, if nothing is drawn). */
  private finish(points: Pt[], closed: boolean) {
    this.fire('duet-draw', {
      tool: this.tool, shift: this.shift, closed,
      points: points.map(p => `${p.x},${p.y},${p.k}`).join(' ')
    });
    this.pts = [];
    this.press = null;
    this.lastClick = null;
    const g = this.g;
    this.g = null;
    if (g) setTimeout(() => g.remove(), 1500);
  }

  /** Drops a drawing in progress. */
  cancel() {
    this.pts = [];
    this.press = null;
    this.lastClick = null;
    this.clearPreview();
    this.released();
  }

  private clearPreview() {
    this.g?.remove();
    this.g = null;
  }

  // ------------------------------------------------------------------------------------------------ preview

  private preview() {
    const root = this.host.root();
    if (!root) return;
    if (!this.g || this.g.ownerSVGElement !== root) {
      this.g?.remove();
      this.g = document.createElementNS(SVGNS, 'g') as SVGGElement;
      this.g.setAttribute('class', 'duet-draw-preview');
      this.g.setAttribute('pointer-events', 'none');
    }
    if (this.g.parentNode !== root || root.lastElementChild !== this.g) root.appendChild(this.g);
    const g = this.g;
    g.replaceChildren();
    const m = root.getScreenCTM();
    const unit = m ? 1 / Math.max(1e-6, Math.hypot(m.a, m.b)) : 1; // one screen pixel in drawing units
    const shape = (tag: string, attrs: Record<string, string | number>) => {
      const e = document.createElementNS(SVGNS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      e.setAttribute('class', 'duet-draw-shape');
      if (!e.hasAttribute('stroke-width')) e.setAttribute('stroke-width', String(unit));
      g.appendChild(e);
      return e;
    };
    const dot = (p: { x: number; y: number }, control = false) => {
      const c = document.createElementNS(SVGNS, 'circle');
      c.setAttribute('cx', String(p.x)); c.setAttribute('cy', String(p.y));
      c.setAttribute('r', String(5 * unit));
      c.setAttribute('stroke-width', String(1.5 * unit));
      c.setAttribute('class', control ? 'duet-draw-dot duet-draw-control' : 'duet-draw-dot');
      g.appendChild(c);
    };
    const cur = this.cur;
    const t = this.tool;
    if (byClicks(t)) {
      const pts = cur ? [...this.pts, { x: cur.x, y: cur.y, k: t.startsWith('path') ? this.held : 'PLAIN' } as Pt]
        : this.pts;
      if (!pts.length) return;
      if (t.startsWith('polygon')) {
        shape('polygon', { points: pts.map(p => `${p.x},${p.y}`).join(' ') });
      } else {
        shape('path', { d: pathD(pts), 'stroke-width': 3 * unit });
      }
      pts.forEach((p, i) => dot(p, p.k !== 'PLAIN' && i > 0));
      return;
    }
    const pr = this.press;
    if (!pr || !cur) return;
    const a = pr.p;
    if (!pr.moved) { dot(a); return; }
    if (t === 'line') {
      const b = lineEnd(a, cur, this.shift);
      shape('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': 5 });
      dot(a); dot(b);
      return;
    }
    const b = box(a, cur, this.shift);
    if (t.startsWith('ellipse')) {
      shape('ellipse', { cx: b.x + b.w / 2, cy: b.y + b.h / 2, rx: b.w / 2, ry: b.h / 2 });
    } else {
      shape('rect', { x: b.x, y: b.y, width: b.w, height: b.h });
      if (t === 'text' && b.h > 0) {
        const tx = shape('text', { x: b.x, y: b.y + b.h, 'font-size': b.h, 'font-family': 'Tahoma, sans-serif' });
        tx.textContent = 'Text';
      }
      if (t === 'lambda') {
        const tx = shape('text', { x: b.x + b.w / 2, y: b.y + b.h / 2, 'font-size': Math.max(8, Math.min(b.w, b.h) / 2),
          'text-anchor': 'middle', 'dominant-baseline': 'central' });
        tx.textContent = 'λ';
      }
    }
    dot(a); dot({ x: a.x + (cur.x >= a.x ? b.w : -b.w), y: a.y + (cur.y >= a.y ? b.h : -b.h) });
  }
}

/** A path preview, read as Draw.path reads clicks: a Q click and the next make a Q, a C click and the next two a C. */
function pathD(pts: Pt[]): string {
  let d = `M ${pts[0].x} ${pts[0].y}`;
  const xy = (p: Pt) => `${p.x} ${p.y}`;
  let i = 1;
  while (i < pts.length) {
    const p = pts[i];
    if (p.k === 'Q' && i + 1 < pts.length) { d += ` Q ${xy(p)} ${xy(pts[i + 1])}`; i += 2; }
    else if (p.k === 'C' && i + 2 < pts.length) { d += ` C ${xy(p)} ${xy(pts[i + 1])} ${xy(pts[i + 2])}`; i += 3; }
    else if (p.k === 'C' && i + 1 < pts.length) { d += ` Q ${xy(p)} ${xy(pts[i + 1])}`; i += 2; }
    else { d += ` L ${xy(p)}`; i++; }
  }
  return d;
}
