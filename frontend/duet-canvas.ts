// The canvas: shows the program's SVG (made safe by the server: allow-listed elements and attributes, escaped
// text) with zoom (wheel, pinch, buttons, fit), pan (drag the background, middle button, or Space + drag), and the
// pointer's coordinates in the drawing's own units.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { zoneSpots } from './duet-zones';
import { Predictor, PredictionJson } from './duet-predict';

interface ZoneInfo { name: string; active: boolean }
interface SliderInfo { index: number; name: string; value: number; lo: number; hi: number; int: boolean; label: string }
interface Drag {
  shape: number; zone: string; id: number;
  x0: number; y0: number;            // pointer at mouse-down, in the shape's local units
  inv: DOMMatrix;                    // screen → local at mouse-down
  rootInv: DOMMatrix;                // screen → drawing units at mouse-down
  dx: number; dy: number; moved: boolean;
  waiting: boolean; pending: boolean;
  pred: Predictor | null;            // client-side prediction of this zone's drag, if the server sent one
  predicted: boolean;                // the drawing shows the prediction for (dx, dy)
}

const SVGNS = 'http://www.w3.org/2000/svg';

/** Keeps receiving the pointer's events outside the canvas (a pointer the browser does not know is ignored). */
function capture(e: PointerEvent) {
  try { (e.currentTarget as Element).setPointerCapture(e.pointerId); } catch { /* e.g. a synthetic event */ }
}

const MIN_ZOOM = 0.05, MAX_ZOOM = 40;

@customElement('duet-canvas')
export class DuetCanvas extends LitElement {
  @state() private zoom = 1;
  @state() private panX = 0;
  @state() private panY = 0;
  @state() private coords = '';
  @state() private dimmed = false;
  @state() private message = '';
  @state() private caption = '';
  @state() private sliders: SliderInfo[] = [];

  /** Zones the server reported for each shape (by element index): names and whether each is active. */
  private zoneTable = new Map<number, ZoneInfo[]>();
  private hoverShape = -1;
  private hoverZone: string | null = null;
  private drag: Drag | null = null;
  /** The server's predictions of drags, by "shape/zone" (null: that zone's drags cannot be predicted). */
  private predictions = new Map<string, PredictionJson | null>();
  /** After a predicted drag's pointer-up, until the server has answered its last step: older answers are skipped. */
  private settling: { dx: number; dy: number; keys: Set<string> } | null = null;
  private axisLock: 'x' | 'y' | null = null;

  private svgText = '';
  private dragging: { x: number; y: number; panX: number; panY: number; id: number } | null = null;
  private spaceDown = false;
  private fittedOnce = false;
  private pinch: { dist: number; zoom: number } | null = null;
  private touches = new Map<number, { x: number; y: number }>();

  protected createRenderRoot() { return this; }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('keyup', this.onKey);
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('keyup', this.onKey);
    super.disconnectedCallback();
  }

  private onKey = (e: KeyboardEvent) => {
    if (this.drag && (e.key === 'x' || e.key === 'X' || e.key === 'y' || e.key === 'Y')) {
      this.axisLock = e.type === 'keydown' ? (e.key.toLowerCase() as 'x' | 'y') : null;
      e.preventDefault();
      return;
    }
    if (this.drag && e.key === 'Shift') { this.onDragMove(null); return; }
    if (e.code === 'Space') {
      const t = (e.composedPath()[0] || e.target) as HTMLElement;
      if (t && t.closest && (t.closest('.cm-editor') || t.closest('duet-code-editor') || t.tagName === 'INPUT'
        || t.tagName === 'TEXTAREA')) return;
      this.spaceDown = e.type === 'keydown';
      this.classList.toggle('duet-space', this.spaceDown);
    }
  };

  render() {
    const pct = Math.round(this.zoom * 100);
    return html`
      <div class="duet-viewport ${this.dimmed ? 'duet-dimmed' : ''}"
           @wheel=${this.onWheel} @pointerdown=${this.onDown} @pointermove=${this.onMove}
           @pointerup=${this.onUp} @pointercancel=${this.onUp} @pointerleave=${this.onLeave}>
        <div class="duet-stage" style="transform: translate(${this.panX}px, ${this.panY}px) scale(${this.zoom})"></div>
      </div>
      <div class="duet-canvas-controls">
        <button class="duet-zoom-out" title="Zoom out (-)" @click=${() => this.zoomBy(1 / 1.25)}>−</button>
        <button class="duet-zoom-reset" title="Actual size (0)" @click=${() => this.setZoom(1)}>${pct}%</button>
        <button class="duet-zoom-in" title="Zoom in (+)" @click=${() => this.zoomBy(1.25)}>+</button>
        <button class="duet-fit" title="Fit the drawing (F)" @click=${() => this.fit()}>Fit</button>
      </div>
      <div class="duet-coords">${this.coords}</div>
      <div class="duet-caption">${this.caption}</div>
      ${this.sliders.length ? html`<div class="duet-sliders" @pointerdown=${(e: Event) => e.stopPropagation()}>
        ${this.sliders.map(sl => html`<label class="duet-slider" title=${sl.name}>
          <span class="duet-slider-name">${sl.name}</span>
          <input type="range" data-slider=${sl.index} min=${sl.lo} max=${sl.hi} step=${sl.int ? 1 : 'any'}
                 .value=${String(sl.value)}
                 @input=${(e: Event) => this.slide(sl, e, 'move')}
                 @change=${(e: Event) => this.slide(sl, e, 'end')}>
          <span class="duet-slider-value">${sl.label}</span>
        </label>`)}
      </div>` : ''}
      ${this.message ? html`<div class="duet-canvas-message">${this.message}</div>` : ''}
    `;
  }

  private stage(): HTMLElement | null { return this.querySelector('.duet-stage'); }
  private viewport(): HTMLElement | null { return this.querySelector('.duet-viewport'); }
  rootSvg(): SVGSVGElement | null { return this.querySelector('.duet-stage > svg'); }

  /** Shows a new drawing. The markup is produced by Duet's server-side SVG writer. */
  async setSvg(svg: string) {
    await this.updateComplete;
    this.svgText = svg;
    const stage = this.stage();
    if (!stage) return;
    // parse as XML (not HTML): the writer's output is well-formed SVG; anything else is refused
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    if (root.nodeName === 'parsererror' || root.querySelector('parsererror')) {
      this.message = 'The drawing could not be shown.';
      return;
    }
    this.message = '';
    stage.replaceChildren(document.importNode(root, true));
    this.drawHandles();
    if (!this.fittedOnce) {
      this.fittedOnce = true;
      requestAnimationFrame(() => this.fit(true));
    }
  }

  /** Sets attributes of the shapes shown (a drag step where only numbers moved): [[index, name, value], …]. */
  patch(updates: [number, string, string][]) {
    const root = this.rootSvg();
    if (!root) return;
    // one pass over the drawing instead of a search per update (a drag step may set thousands of attributes)
    const byIndex = new Map<number, Element>();
    if (updates.length > 8) root.querySelectorAll('[data-duet-i]').forEach(e => byIndex.set(Number(e.getAttribute('data-duet-i')), e));
    for (const [i, name, value] of updates) {
      const el = updates.length > 8 ? byIndex.get(i) : root.querySelector(`[data-duet-i="${i}"]`);
      if (el) el.setAttribute(name, value);
    }
    this.drawHandles();
  }

  /** Dims the drawing (the program has an error: the last good drawing stays, dimmed). */
  setDimmed(d: boolean) { this.dimmed = d; }

  /** Forget the view (a different document was opened): the next drawing is fitted. */
  resetView() { this.fittedOnce = false; }

  setZoom(z: number, cx?: number, cy?: number) {
    const vp = this.viewport();
    if (!vp) return;
    const r = vp.getBoundingClientRect();
    const px = cx ?? r.width / 2, py = cy ?? r.height / 2;
    const nz = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
    // keep the drawing point under (px, py) where it is
    this.panX = px - (px - this.panX) * (nz / this.zoom);
    this.panY = py - (py - this.panY) * (nz / this.zoom);
    this.zoom = nz;
  }

  zoomBy(f: number, cx?: number, cy?: number) { this.setZoom(this.zoom * f, cx, cy); }

  /** Zooms and pans so the whole drawing is visible (never enlarging past 100% unless asked). */
  fit(initial = false) {
    const svg = this.rootSvg(), vp = this.viewport();
    if (!svg || !vp) return;
    let box: DOMRect | SVGRect;
    try { box = svg.getBBox(); } catch { return; }
    const r = vp.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || r.width <= 0 || r.height <= 0) return;
    // where the content box sits inside the svg element at zoom 1
    const m = svg.getScreenCTM(), sm = (this.stage() as HTMLElement).getBoundingClientRect();
    if (!m) return;
    const x0 = (m.a * box.x + m.e - sm.left) / this.zoom, y0 = (m.d * box.y + m.f - sm.top) / this.zoom;
    const w = (m.a * box.width) / this.zoom, h = (m.d * box.height) / this.zoom;
    const pad = 24;
    let z = Math.min((r.width - 2 * pad) / w, (r.height - 2 * pad) / h);
    if (initial) z = Math.min(z, 1);
    z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
    this.zoom = z;
    this.panX = (r.width - w * z) / 2 - x0 * z;
    this.panY = (r.height - h * z) / 2 - y0 * z;
    if (initial && y0 * z + this.panY > pad && x0 >= 0 && y0 >= 0 && z === 1) {
      // a drawing that fits at 100% keeps its own origin in view, as the program lays it out
      this.panX = Math.min(this.panX, pad);
      this.panY = Math.min(this.panY, pad);
    }
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault();
    const r = this.viewport()!.getBoundingClientRect();
    const f = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
    this.zoomBy(f, e.clientX - r.left, e.clientY - r.top);
  }

  private onDown(e: PointerEvent) {
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.touches.size === 2) {
        const [a, b] = [...this.touches.values()];
        this.pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y), zoom: this.zoom };
        this.dragging = null;
        return;
      }
    }
    if (e.button === 0 && !this.spaceDown && this.startDrag(e)) return;
    const onShape = (e.target as Element).closest('.duet-stage > svg *') !== null
      && (e.target as Element).tagName !== 'svg';
    // panning: the background, the middle button, or Space held
    if (e.button === 1 || this.spaceDown || (!onShape && e.button === 0)) {
      this.dragging = { x: e.clientX, y: e.clientY, panX: this.panX, panY: this.panY, id: e.pointerId };
      capture(e);
      this.classList.add('duet-panning');
      e.preventDefault();
    }
  }

  private onMove(e: PointerEvent) {
    if (e.pointerType === 'touch' && this.touches.has(e.pointerId)) {
      this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.pinch && this.touches.size === 2) {
        const [a, b] = [...this.touches.values()];
        const r = this.viewport()!.getBoundingClientRect();
        this.setZoom(this.pinch.zoom * Math.hypot(a.x - b.x, a.y - b.y) / this.pinch.dist,
          (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top);
        return;
      }
    }
    if (this.drag && this.drag.id === e.pointerId) {
      this.onDragMove(e);
      // the root svg does not move during a drag: its matrix from mouse-down (asking now would lay out the moved shapes)
      const p = this.drag ? new DOMPoint(e.clientX, e.clientY).matrixTransform(this.drag.rootInv) : null;
      if (p) this.coords = `x ${Math.round(p.x)}  y ${Math.round(p.y)}`;
      return;
    }
    if (this.dragging && this.dragging.id === e.pointerId) {
      this.panX = this.dragging.panX + (e.clientX - this.dragging.x);
      this.panY = this.dragging.panY + (e.clientY - this.dragging.y);
    } else {
      this.hover(e);
    }
    this.showCoords(e);
  }

  private onUp(e: PointerEvent) {
    if (this.drag && this.drag.id === e.pointerId) {
      this.endDrag();
      return;
    }
    this.touches.delete(e.pointerId);
    if (this.touches.size < 2) this.pinch = null;
    if (this.dragging && this.dragging.id === e.pointerId) {
      this.dragging = null;
      this.classList.remove('duet-panning');
    }
  }

  private onLeave() {
    if (!this.dragging && !this.drag) {
      this.coords = '';
      this.setHover(-1, null);
    }
  }

  // ------------------------------------------------------------------------------------------------ zones

  /** The server's zone list for a shape (names and activity); handles are drawn for those zones only. */
  setZones(shape: number, zones: ZoneInfo[]) {
    this.zoneTable.set(shape, zones);
    if (shape === this.hoverShape) this.drawHandles();
  }

  /** Forget zone lists (the program changed): the next pointer move over a shape asks for its zones again. */
  clearZones() {
    this.zoneTable.clear();
    this.predictions.clear();
    if (!this.drag) {
      this.hoverShape = -1;
      this.hoverZone = null;
      this.drawHandles();
    }
  }

  setCaption(text: string) { this.caption = text; }

  setSliders(list: SliderInfo[]) { this.sliders = list; }

  /** The server has handled a drag step: the next one may be sent (after pointer-up: the drag is over). */
  dragAck() {
    if (!this.drag) { this.settling = null; return; }
    this.drag.waiting = false;
    if (this.drag.pending) this.sendDrag('move');
  }

  private shapeEl(i: number): SVGGraphicsElement | null {
    return this.querySelector(`.duet-stage > svg [data-duet-i="${i}"]`) as SVGGraphicsElement | null;
  }

  private info(shape: number, zone: string): ZoneInfo | undefined {
    return (this.zoneTable.get(shape) || []).find(z => z.name === zone);
  }

  private hover(e: PointerEvent) {
    const t = e.target as Element;
    const handle = t.closest('[data-zone]');
    if (handle) {
      this.setHover(Number(handle.getAttribute('data-shape')), handle.getAttribute('data-zone'));
      return;
    }
    const el = t.closest('.duet-stage > svg [data-duet-i]');
    if (el) {
      const i = Number(el.getAttribute('data-duet-i'));
      const body = zoneSpots(el).find(z => z.kind === 'body');
      this.setHover(i, body ? body.name : null);
    } else {
      this.setHover(-1, null);
    }
  }

  private setHover(shape: number, zone: string | null) {
    if (shape === this.hoverShape && zone === this.hoverZone) return;
    const shapeChanged = shape !== this.hoverShape;
    this.hoverShape = shape;
    this.hoverZone = zone;
    const vp = this.viewport();
    const z = shape >= 0 && zone ? this.info(shape, zone) : undefined;
    if (vp) vp.style.cursor = z && z.active ? (this.cursorOf(shape, zone!) || 'move') : (z ? 'not-allowed' : '');
    if (shapeChanged) this.drawHandles();
    this.dispatchEvent(new CustomEvent('duet-hover', { detail: { shape, zone: zone || '' }, bubbles: true }));
  }

  private cursorOf(shape: number, zone: string): string | undefined {
    const el = this.shapeEl(shape);
    return el ? zoneSpots(el).find(s => s.name === zone)?.cursor : undefined;
  }

  /** A point in a shape's local units → the stage's own (unzoomed) pixel units. */
  private toStage(el: SVGGraphicsElement, x: number, y: number): { x: number; y: number } | null {
    const m = el.getScreenCTM(), st = this.stage();
    if (!m || !st) return null;
    const p = new DOMPoint(x, y).matrixTransform(m), r = st.getBoundingClientRect();
    return { x: (p.x - r.left) / this.zoom, y: (p.y - r.top) / this.zoom };
  }

  /** Draws the hovered (or dragged) shape's handles in an overlay above the drawing. */
  private drawHandles() {
    const stage = this.stage();
    if (!stage) return;
    let overlay = stage.querySelector(':scope > svg.duet-overlay') as SVGSVGElement | null;
    if (!overlay) {
      overlay = document.createElementNS(SVGNS, 'svg') as SVGSVGElement;
      overlay.setAttribute('class', 'duet-overlay');
      stage.appendChild(overlay);
    } else if (overlay !== stage.lastElementChild) {
      stage.appendChild(overlay);
    }
    overlay.replaceChildren();
    const shape = this.drag ? this.drag.shape : this.hoverShape;
    const zones = this.zoneTable.get(shape);
    const el = shape >= 0 ? this.shapeEl(shape) : null;
    if (!el || !zones) return;
    const known = new Map(zones.map(z => [z.name, z]));
    for (const spot of zoneSpots(el)) {
      const z = known.get(spot.name);
      if (!z || spot.kind === 'body') continue;
      if (this.drag && spot.name !== this.drag.zone && spot.kind === 'point') continue;
      const a = this.toStage(el, spot.x, spot.y);
      if (!a) continue;
      let h: SVGElement;
      if (spot.kind === 'edge') {
        const b = this.toStage(el, spot.x2!, spot.y2!);
        if (!b) continue;
        h = document.createElementNS(SVGNS, 'line');
        h.setAttribute('x1', String(a.x)); h.setAttribute('y1', String(a.y));
        h.setAttribute('x2', String(b.x)); h.setAttribute('y2', String(b.y));
        h.setAttribute('class', 'duet-handle-edge' + (z.active ? '' : ' duet-inactive'));
      } else {
        h = document.createElementNS(SVGNS, 'circle');
        h.setAttribute('cx', String(a.x)); h.setAttribute('cy', String(a.y)); h.setAttribute('r', String(6 / this.zoom));
        h.setAttribute('stroke-width', String(2 / this.zoom));
        const dragged = this.drag && this.drag.zone === spot.name;
        h.setAttribute('class', 'duet-handle' + (z.active ? '' : ' duet-inactive') + (dragged ? ' duet-dragged' : ''));
      }
      h.setAttribute('data-zone', spot.name);
      h.setAttribute('data-shape', String(shape));
      h.style.cursor = z.active ? spot.cursor : 'not-allowed';
      overlay.appendChild(h);
    }
  }

  // ------------------------------------------------------------------------------------------------ dragging

  private startDrag(e: PointerEvent): boolean {
    const t = e.target as Element;
    let shape = -1, zone: string | null = null;
    const handle = t.closest('[data-zone]');
    if (handle) {
      shape = Number(handle.getAttribute('data-shape'));
      zone = handle.getAttribute('data-zone');
    } else {
      const el = t.closest('.duet-stage > svg [data-duet-i]');
      if (!el) return false;
      shape = Number(el.getAttribute('data-duet-i'));
      zone = zoneSpots(el).find(z => z.kind === 'body')?.name || null;
    }
    if (shape < 0 || !zone) return false;
    const info = this.info(shape, zone);
    if (!info || !info.active) return false;
    const el = this.shapeEl(shape);
    const m = el?.getScreenCTM();
    if (!el || !m) return false;
    const inv = m.inverse();
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(inv);
    const rootM = this.rootSvg()?.getScreenCTM();
    this.drag = { shape, zone, id: e.pointerId, x0: p.x, y0: p.y, inv, rootInv: rootM ? rootM.inverse() : new DOMMatrix(),
      dx: 0, dy: 0, moved: false, waiting: false,
      pending: false, pred: null, predicted: false };
    this.settling = null;
    this.drag.pred = this.predictor(shape, zone);
    capture(e);
    this.classList.add('duet-dragging');
    e.preventDefault();
    this.sendDrag('start');
    return true;
  }

  private lastEvent: PointerEvent | null = null;

  private onDragMove(e: PointerEvent | null) {
    const d = this.drag;
    if (!d) return;
    if (e) this.lastEvent = e;
    const ev = this.lastEvent;
    if (!ev) return;
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(d.inv);
    let dx = p.x - d.x0, dy = p.y - d.y0;
    // Shift: keep to the main axis; X / Y held: only that axis
    if (ev.shiftKey) { if (Math.abs(dx) >= Math.abs(dy)) dy = 0; else dx = 0; }
    if (this.axisLock === 'x') dy = 0;
    if (this.axisLock === 'y') dx = 0;
    if (dx === d.dx && dy === d.dy) return;
    d.dx = dx; d.dy = dy; d.moved = true;
    d.predicted = false;
    if (d.pred && d.pred.bound()) {
      const step = d.pred.step(dx, dy);
      if (step) {
        d.pred.apply(step);
        this.handlesNextFrame();
        if (step.text !== null) this.showCode(step.text);
        d.predicted = true;
      }
    } else {
      d.pred = null;
    }
    this.sendDrag('move');
  }

  /** The server's prediction of a zone's drags (JSON text, or null if they cannot be predicted). */
  setPrediction(shape: number, zone: string, json: string | null) {
    this.predictions.set(shape + '/' + zone, json ? JSON.parse(json) as PredictionJson : null);
    const d = this.drag;
    if (d && !d.pred && !d.moved && d.shape === shape && d.zone === zone) d.pred = this.predictor(shape, zone);
  }

  private codeText: string | null = null;
  private handlesPending = false;

  /** Redraws the handles before the next frame (once): reading the moved shape's position now would lay out the
   *  whole drawing inside the pointer event. */
  private handlesNextFrame() {
    if (this.handlesPending) return;
    this.handlesPending = true;
    requestAnimationFrame(() => { this.handlesPending = false; this.drawHandles(); });
  }

  /** The predicted program text, in the code pane before the frame is drawn (once per frame: the latest). */
  private showCode(text: string) {
    if (this.codeText === null) requestAnimationFrame(() => {
      const t = this.codeText;
      this.codeText = null;
      if (t !== null) this.codeEditor()?.setText(t);
    });
    this.codeText = text;
  }

  private codeEditor(): { text: string; setText(t: string): void } | null {
    return document.querySelector('duet-code-editor') as unknown as { text: string; setText(t: string): void } | null;
  }

  /** A predictor bound to the drawing and code shown, or null (none sent, or stale). */
  private predictor(shape: number, zone: string): Predictor | null {
    const j = this.predictions.get(shape + '/' + zone);
    const root = this.rootSvg();
    if (!j || !root) return null;
    try {
      const p = new Predictor(j);
      const code = this.codeEditor();
      return p.bind(root, code ? code.text : null) ? p : null;
    } catch {
      return null; // e.g. an operator this page does not know: the server path only
    }
  }

  /**
   * The server's answer to a drag step for the total displacement (dx, dy): the attributes that changed, and its
   * verdict on this page's prediction of that step: "ok" (right: the predicted attributes are left out), "wrong"
   * (control flow the traces do not show, such as a branch taken on a changed number: every predicted attribute is
   * included, and the rest of the gesture goes by the server) or "" (not predicted). While a predicted drag goes on
   * (or settles after pointer-up), an unjudged answer for an older displacement does not undo the prediction.
   */
  dragPatch(dx: number, dy: number, updates: [number, string, string][], verdict: string) {
    const d = this.drag;
    if (verdict === 'wrong' && d) { d.pred = null; d.predicted = false; }
    if (verdict === '') {
      const keys = d ? (d.pred && d.predicted ? d.pred.keys : null) : this.settling?.keys;
      const cur = d ? d : this.settling;
      if (keys && cur && (cur.dx !== dx || cur.dy !== dy)) updates = updates.filter(([i, n]) => !keys.has(i + '|' + n));
      else if (d && d.pred) d.pred.forget();
    }
    this.patch(updates);
  }

  private sendDrag(phase: 'start' | 'move' | 'end') {
    const d = this.drag;
    if (!d) return;
    if (phase === 'move' && d.waiting) { d.pending = true; return; }
    d.pending = false;
    if (phase !== 'end') d.waiting = true;
    this.dispatchEvent(new CustomEvent('duet-drag', {
      detail: { shape: d.shape, zone: d.zone, dx: d.dx, dy: d.dy, phase, moved: d.moved, predicted: d.predicted },
      bubbles: true
    }));
  }

  private endDrag() {
    const d = this.drag;
    if (!d) return;
    if (this.codeText !== null) { this.codeEditor()?.setText(this.codeText); this.codeText = null; }
    this.sendDrag('end');
    this.settling = d.pred && d.predicted ? { dx: d.dx, dy: d.dy, keys: d.pred.keys } : null;
    this.drag = null;
    this.lastEvent = null;
    this.axisLock = null;
    this.classList.remove('duet-dragging');
    this.drawHandles();
  }

  private slide(sl: SliderInfo, e: Event, phase: 'move' | 'end') {
    const v = Number((e.target as HTMLInputElement).value);
    this.dispatchEvent(new CustomEvent('duet-slider', { detail: { index: sl.index, value: v, phase }, bubbles: true }));
  }

  /** The pointer position in the drawing's user units (through the root svg's own transform and viewBox). */
  toDrawing(clientX: number, clientY: number): { x: number; y: number } | null {
    const svg = this.rootSvg();
    const m = svg?.getScreenCTM();
    if (!svg || !m) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  private showCoords(e: PointerEvent) {
    const p = this.toDrawing(e.clientX, e.clientY);
    this.coords = p ? `x ${Math.round(p.x)}  y ${Math.round(p.y)}` : '';
  }

  get svg(): string { return this.svgText; }
}
