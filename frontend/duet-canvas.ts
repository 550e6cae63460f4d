// The canvas: shows the program's SVG (made safe by the server: allow-listed elements and attributes, escaped
// text) with zoom (wheel, pinch, buttons, fit), pan (drag the background, middle button, or Space + drag), and the
// pointer's coordinates in the drawing's own units.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { zoneSpots } from './duet-zones';
import { drawWidgets, rotation, widgetValue, WidgetPlace } from './duet-widgets';
import { drawFeatures, FeatureGeom, pointsOf } from './duet-features';
import { DrawTool } from './duet-draw';
import { Predictor, PredictionJson } from './duet-predict';

interface ZoneInfo { name: string; active: boolean; value?: number; ring?: number }
interface PointWidget { name: string; active: boolean; x: number; y: number }
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
  /** Selected shapes (element indexes), in the order they were selected. */
  private selected: number[] = [];
  /** A press that becomes a click (selection) if the pointer is released where it went down. */
  private press: {
    x: number; y: number; id: number; shape: number; shift: boolean; handle: boolean;
    feature: string | null; pointFeatures: string[] | null; handleAt: Element | null;
  } | null = null;
  /** Features of shapes (from the server, for selected shapes), the selected features ("N.name"), the hovered point. */
  private features = new Map<number, FeatureGeom[]>();
  private selectedFeatures = new Set<string>();
  private hairPoint: string | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  private rehoverQueued = false;
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
  /** The drawing tools (duet-draw.ts): while one is chosen, the pointer draws instead of selecting or dragging. */
  private tools = new DrawTool(this, { root: () => this.rootSvg(), toDrawing: (x, y) => this.toDrawing(x, y),
    unhover: () => this.setHover(-1, null), say: (text: string) => { this.caption = text; } });

  /** The server chose a drawing tool (its word, as org.duet.edit.Tool) or the cursor (''). */
  setTool(word: string) { this.tools.setTool(word); }

  /**
   * A click on a tool's button (or its key, which clicks the button) chooses the tool here at once, from the
   * button's data-tool: a drag begun before the server's answer arrives is drawn with it, not with the tool before.
   * The server's setTool that follows is then the same word (nothing changes).
   */
  private onToolClick = (e: MouseEvent) => {
    const t = e.target as Element | null;
    const b = t && t.closest ? t.closest('#tools [data-tool]') : null;
    if (b) this.tools.setTool(b.getAttribute('data-tool') || '');
  };

  protected createRenderRoot() { return this; }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('keyup', this.onKey);
    window.addEventListener('click', this.onToolClick, true);
    this.observeSize();
  }

  private resizeObserver?: ResizeObserver;
  private lastWidth = 0;

  /** When the canvas narrows (the inspector opens beside it), keep the selected shapes in view. */
  private async observeSize() {
    await this.updateComplete;
    this.resizeObserver?.disconnect();
    const vp = this.viewport();
    if (!vp || !this.isConnected) return;
    this.resizeObserver = new ResizeObserver(() => {
      const w = vp.clientWidth;
      if (w < this.lastWidth) this.keepSelectionInView();
      this.lastWidth = w;
    });
    this.lastWidth = vp.clientWidth;
    this.resizeObserver.observe(vp);
  }

  /** Pans so that the selected shapes' right edge is inside the viewport (when they fit at all). */
  private keepSelectionInView() {
    const vp = this.viewport();
    if (!vp || !this.selected.length) return;
    const vr = vp.getBoundingClientRect();
    let right = -Infinity, left = Infinity;
    for (const s of this.selected) {
      const el = this.shapeEl(s);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      right = Math.max(right, r.right);
      left = Math.min(left, r.left);
    }
    if (!isFinite(right)) return;
    const margin = 24;
    const over = right - (vr.right - margin);
    if (over > 0) this.panX -= Math.min(over, Math.max(0, left - vr.left - margin));
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('keyup', this.onKey);
    window.removeEventListener('click', this.onToolClick, true);
    super.disconnectedCallback();
  }

  private onKey = (e: KeyboardEvent) => {
    if (this.tools.onKey(e)) return;
    if (this.drag && (e.key === 'x' || e.key === 'X' || e.key === 'y' || e.key === 'Y')) {
      this.axisLock = e.type === 'keydown' ? (e.key.toLowerCase() as 'x' | 'y') : null;
      e.preventDefault();
      return;
    }
    if (this.drag && e.key === 'Shift') { this.onDragMove(null); return; }
    if ((e.key === 'a' || e.key === 'A') && e.type === 'keydown' && !this.drag && this.hoverShape >= 0 && this.hoverZone
        && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const t = (e.composedPath()[0] || e.target) as HTMLElement;
      if (t && t.closest && (t.closest('.cm-editor') || t.closest('duet-code-editor') || t.tagName === 'INPUT'
        || t.tagName === 'TEXTAREA' || t.closest('vaadin-dialog-overlay'))) return;
      e.preventDefault();
      this.dispatchEvent(new CustomEvent('duet-ask-alternatives',
        { detail: { shape: this.hoverShape, zone: this.hoverZone }, bubbles: true }));
      return;
    }
    if (e.key === 'Escape' && e.type === 'keydown' && !this.drag && (this.selected.length || this.selectedFeatures.size)) {
      const t = (e.composedPath()[0] || e.target) as HTMLElement;
      if (t && t.closest && (t.closest('.cm-editor') || t.closest('vaadin-dialog-overlay'))) return;
      if (this.selectedFeatures.size) this.setFeatureSelection([]);
      this.select(-1, false);
      return;
    }
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
        ${this.sliders.map((sl, k) => html`<label class="duet-slider" title=${sl.name}>
          <span class="duet-slider-name ${this.selectedFeatures.has('slider' + (k + 1)) ? 'duet-on' : ''}"
                data-feature=${'slider' + (k + 1)}
                title="Click to select this slider's value for relating (slider${k + 1})"
                @click=${(e: Event) => { e.preventDefault(); this.toggleFeatures(['slider' + (k + 1)]); }}>${sl.name}</span>
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
    if (!this.spaceDown && this.tools.onDown(e)) return;
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.touches.size === 2) {
        const [a, b] = [...this.touches.values()];
        this.pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y), zoom: this.zoom };
        this.dragging = null;
        return;
      }
    }
    if (e.button === 0 && !this.spaceDown) {
      const t = e.target as Element;
      const body = t.closest('.duet-stage > svg [data-duet-i]');
      const feat = t.closest('[data-feature]');
      const pt = t.closest('[data-features-of-point]');
      this.press = { x: e.clientX, y: e.clientY, id: e.pointerId, shift: e.shiftKey,
        handle: t.closest('[data-zone]') !== null || feat !== null || pt !== null,
        shape: body ? Number(body.getAttribute('data-duet-i')) : -1,
        feature: feat ? feat.getAttribute('data-feature') : null,
        pointFeatures: pt ? (pt.getAttribute('data-features-of-point') || '').split(' ').filter(s => s) : null,
        handleAt: t.closest('[data-zone]') };
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
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (!this.dragging && this.tools.onMove(e)) { this.showCoords(e); return; }
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
    if (this.tools.onUp(e)) return;
    const pr = this.press;
    this.press = null;
    const click = pr !== null && pr.id === e.pointerId && e.type === 'pointerup'
      && Math.hypot(e.clientX - pr.x, e.clientY - pr.y) < 4;
    if (this.drag && this.drag.id === e.pointerId) {
      this.endDrag();
      if (click && pr!.feature) this.toggleFeatures([pr!.feature]);
      else if (click && pr!.pointFeatures) this.togglePoint(pr!.pointFeatures);
      else if (click && !pr!.handle) this.select(pr!.shape, pr!.shift);
      else if (click && pr!.handleAt) this.togglePoint(this.pointAtHandle(pr!.handleAt));
      return;
    }
    if (click && pr!.feature) this.toggleFeatures([pr!.feature]);
    else if (click && pr!.pointFeatures) this.togglePoint(pr!.pointFeatures);
    else if (click && pr!.handleAt) this.togglePoint(this.pointAtHandle(pr!.handleAt));
    else if (click && !pr!.handle) this.select(pr!.shape, pr!.shift);
    this.touches.delete(e.pointerId);
    if (this.touches.size < 2) this.pinch = null;
    if (this.dragging && this.dragging.id === e.pointerId) {
      this.dragging = null;
      this.classList.remove('duet-panning');
    }
  }

  private onLeave() {
    this.lastPointer = null;
    if (!this.dragging && !this.drag) {
      this.coords = '';
      this.setHover(-1, null);
    }
  }

  // ------------------------------------------------------------------------------------------------ zones

  /** The server's zone list for a shape (names and activity); handles are drawn for those zones only. */
  setZones(shape: number, zones: ZoneInfo[]) {
    this.zoneTable.set(shape, zones);
    if (shape === this.hoverShape || this.selected.includes(shape)) this.drawHandles();
  }

  /** Forget zone lists (the program changed): the next pointer move over a shape asks for its zones again. */
  clearZones() {
    this.zoneTable.clear();
    this.features.clear();
    this.predictions.clear();
    if (!this.drag) {
      this.hoverShape = -1;
      this.hoverZone = null;
      this.drawHandles();
      // The pointer may rest on a shape of the new drawing: once it is in place, hover it again so that its handles
      // come back without the user having to move.
      if (this.lastPointer && !this.rehoverQueued) {
        this.rehoverQueued = true;
        requestAnimationFrame(() => {
          this.rehoverQueued = false;
          if (this.drag || this.dragging || !this.lastPointer) return;
          const t = document.elementFromPoint(this.lastPointer.x, this.lastPointer.y);
          if (t && this.contains(t)) this.hoverAt(t);
        });
      }
    }
  }

  setCaption(text: string) { this.caption = text; }

  /** Plain click: select only this shape (none: clear); Shift-click: add or remove it. Tells the server. */
  private select(shape: number, add: boolean) {
    let next: number[];
    if (shape < 0) next = add ? this.selected : [];
    else if (add) next = this.selected.includes(shape) ? this.selected.filter(s => s !== shape) : [...this.selected, shape];
    else next = [shape];
    if (next.length === this.selected.length && next.every((s, i) => s === this.selected[i])) return;
    this.selected = next;
    this.drawHandles();
    this.dispatchEvent(new CustomEvent('duet-select', { detail: { shapes: next.join(' ') }, bubbles: true }));
  }

  /** The X and Y features of the point under a zone handle of a shape whose features are known. */
  private pointAtHandle(h: Element): string[] {
    const shape = Number(h.getAttribute('data-shape'));
    const fs = this.features.get(shape);
    const el = this.shapeEl(shape);
    if (!fs || !el || h.tagName !== 'circle') return [];
    const hx = Number(h.getAttribute('cx')), hy = Number(h.getAttribute('cy'));
    for (const [, p] of pointsOf(fs)) {
      const c = this.toStage(el, p.px, p.py);
      if (c && Math.hypot(c.x - hx, c.y - hy) < 1.5 / this.zoom)
        return [p.x, p.y].filter(f => f).map(f => `${shape}.${f!.name}`);
    }
    return [];
  }

  /** A point: if both its coordinates are selected, unselect both; otherwise select both. */
  private togglePoint(refs: string[]) {
    if (!refs.length) return;
    const all = refs.every(r => this.selectedFeatures.has(r));
    const next = new Set(this.selectedFeatures);
    for (const r of refs) { if (all) next.delete(r); else next.add(r); }
    this.setFeatureSelection([...next], true);
  }

  private toggleFeatures(refs: string[]) {
    const next = new Set(this.selectedFeatures);
    for (const r of refs) { if (next.has(r)) next.delete(r); else next.add(r); }
    this.setFeatureSelection([...next], true);
  }

  /** Sets the selected features; tells the server when the user changed them. */
  setFeatureSelection(refs: string[], fromUser = true) {
    this.selectedFeatures = new Set(refs);
    this.drawHandles();
    this.requestUpdate(); // the sliders' names show which are selected
    if (fromUser)
      this.dispatchEvent(new CustomEvent('duet-features', { detail: { refs: refs.join(' ') }, bubbles: true }));
  }

  /** The server's features of a shape (for drawing crosshairs and distance lines). */
  setFeatures(shape: number, list: FeatureGeom[]) {
    this.features.set(shape, list);
    this.drawHandles();
  }

  /** The server's selection (e.g. cleared after the program changed its shapes). */
  setSelected(shapes: number[]) {
    this.selected = shapes.slice();
    this.drawHandles();
  }

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
    if (shape < 0) return this.points.find(p => p.name === zone);
    return (this.zoneTable.get(shape) || []).find(z => z.name === zone);
  }

  /** The program's point widgets ((e : Point) pairs) in drawing units. */
  private points: PointWidget[] = [];

  setPoints(list: PointWidget[]) {
    this.points = list;
    this.drawHandles();
  }

  /** Point widgets: small diamonds at their points (the dragged one follows the pointer). */
  private drawPoints(overlay: SVGSVGElement) {
    const root = this.rootSvg();
    if (!root || !this.points.length) return;
    const d = this.drag && this.drag.shape < 0 ? this.drag : null;
    for (const p of this.points) {
      const moved = d && d.zone === p.name;
      const a = this.toStage(root, p.x + (moved ? d!.dx : 0), p.y + (moved ? d!.dy : 0));
      if (!a) continue;
      const r = 7 / this.zoom;
      const h = document.createElementNS(SVGNS, 'polygon');
      h.setAttribute('points', `${a.x},${a.y - r} ${a.x + r},${a.y} ${a.x},${a.y + r} ${a.x - r},${a.y}`);
      h.setAttribute('stroke-width', String(1.5 / this.zoom));
      h.setAttribute('class', 'duet-point-widget' + (p.active ? '' : ' duet-inactive') + (moved ? ' duet-dragged' : ''));
      h.setAttribute('data-zone', p.name);
      h.setAttribute('data-shape', '-1');
      const t = document.createElementNS(SVGNS, 'title');
      t.textContent = `${p.name}: drag to move the point (${Math.round(p.x)}, ${Math.round(p.y)})`;
      h.appendChild(t);
      overlay.appendChild(h);
    }
  }

  private hover(e: PointerEvent) {
    this.hoverAt(e.target as Element);
  }

  private hoverAt(t: Element) {
    // the point whose crosshair shows: the one under the pointer (a feature dot or hair, or a zone handle on it)
    const pt = t.closest('[data-point]');
    const h = t.closest('[data-zone]');
    let hp: string | null = pt ? pt.getAttribute('data-point') : null;
    if (!hp && h) {
      const refs = this.pointAtHandle(h);
      if (refs.length) {
        const shape = refs[0].split('.')[0], fs = this.features.get(Number(shape)) || [];
        const f = fs.find(f => `${shape}.${f.name}` === refs[0]);
        if (f && f.point) hp = `${shape}|${f.point}`;
      }
    }
    if (hp !== this.hairPoint) {
      this.hairPoint = hp;
      this.drawHandles();
    }
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

  /**
   * Draws, in an overlay above the drawing, the handles of the hovered shape and of the selected shapes (or only of
   * the dragged shape while a drag goes on), a dashed box around each selected shape, and its extra widgets.
   */
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
    if (this.drag) {
      if (this.drag.shape < 0) { this.drawPoints(overlay); return; }
      if (this.selected.includes(this.drag.shape)) this.drawSelected(overlay, this.drag.shape);
      this.drawShapeHandles(overlay, this.drag.shape);
      return;
    }
    this.drawPoints(overlay);
    for (const s of this.selected) this.drawSelected(overlay, s);
    const featured = new Set(this.selected);
    for (const r of this.selectedFeatures) if (r.includes('.')) featured.add(Number(r.split('.')[0]));
    for (const s of featured) {
      const fs = this.features.get(s), el = this.shapeEl(s);
      if (fs && el) drawFeatures(overlay, s, fs, this.selectedFeatures, this.hairPoint,
        (x, y) => this.toStage(el, x, y), this.zoom);
    }
    const shapes = new Set(this.selected);
    if (this.hoverShape >= 0) shapes.add(this.hoverShape);
    for (const s of shapes) this.drawShapeHandles(overlay, s);
  }

  /** A stage-unit box around an element (its bounding box through its transforms). */
  private stageBox(el: SVGGraphicsElement): { x: number; y: number; w: number; h: number } | null {
    let b: DOMRect;
    try { b = el.getBBox(); } catch { return null; }
    const pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
      .map(([x, y]) => this.toStage(el, x, y));
    if (pts.some(p => !p)) return null;
    const xs = pts.map(p => p!.x), ys = pts.map(p => p!.y);
    const x = Math.min(...xs), y = Math.min(...ys);
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
  }

  private drawSelected(overlay: SVGSVGElement, shape: number) {
    const el = this.shapeEl(shape);
    if (!el) return;
    const box = this.stageBox(el);
    if (!box) return;
    const pad = 4 / this.zoom;
    const r = document.createElementNS(SVGNS, 'rect');
    r.setAttribute('x', String(box.x - pad)); r.setAttribute('y', String(box.y - pad));
    r.setAttribute('width', String(box.w + 2 * pad)); r.setAttribute('height', String(box.h + 2 * pad));
    r.setAttribute('stroke-width', String(1.5 / this.zoom));
    r.setAttribute('stroke-dasharray', `${5 / this.zoom} ${4 / this.zoom}`);
    r.setAttribute('class', 'duet-selected-box');
    r.setAttribute('data-selected', String(shape));
    overlay.appendChild(r);
    const zones = this.zoneTable.get(shape);
    if (!zones) return;
    const place: WidgetPlace = { ax: box.x, ay: box.y };
    const rot = rotation(el);
    const rz = zones.find(z => z.name === 'RotateBall');
    if (rot && rz && rz.ring !== undefined) {
      place.centre = this.toStage(el, rot.cx, rot.cy) || undefined;
      place.top = this.toStage(el, rot.cx, rot.cy - rz.ring) || undefined;
    }
    const d = this.drag;
    if (d && d.shape === shape) {
      place.dragged = d.zone;
      const z = zones.find(z => z.name === d.zone);
      if (z && z.value !== undefined) place.draggedValue = widgetValue(d.zone, z.value, d.dx);
      const ev = this.lastEvent, st = this.stage();
      if (ev && st) {
        const sr = st.getBoundingClientRect();
        place.pointer = { x: (ev.clientX - sr.left) / this.zoom, y: (ev.clientY - sr.top) / this.zoom };
      }
    }
    drawWidgets(overlay, shape, zones, place, this.zoom);
  }

  private drawShapeHandles(overlay: SVGSVGElement, shape: number) {
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
        const sel = this.selected.includes(shape);
        h.setAttribute('class', 'duet-handle' + (z.active ? '' : ' duet-inactive') + (dragged ? ' duet-dragged' : '')
          + (sel ? ' duet-selected' : ''));
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
    // a feature's dot or distance line lies on its shape: pressed and moved, it drags the shape (a click selects it)
    const onShape = t.closest('.duet-feature-dot, .duet-feature-distance');
    const owner = onShape ? (onShape.getAttribute('data-point') || onShape.getAttribute('data-feature') || '') : '';
    if (handle) {
      shape = Number(handle.getAttribute('data-shape'));
      zone = handle.getAttribute('data-zone');
    } else if (onShape && /^\d+[|.]/.test(owner)) {
      shape = Number(owner.split(/[|.]/)[0]);
      const el = this.shapeEl(shape);
      zone = el ? zoneSpots(el).find(z => z.kind === 'body')?.name || null : null;
    } else {
      const el = t.closest('.duet-stage > svg [data-duet-i]');
      if (!el) return false;
      shape = Number(el.getAttribute('data-duet-i'));
      zone = zoneSpots(el).find(z => z.kind === 'body')?.name || null;
    }
    if ((shape < 0 && !zone?.startsWith('PointSlider')) || !zone) return false;
    const info = this.info(shape, zone);
    if (!info || !info.active) return false;
    const el = shape < 0 ? this.rootSvg() : this.shapeEl(shape);
    // the colour, opacity and width widgets move in the drawing's own axes, not the shape's (it may be rotated)
    const flat = zone.endsWith('Ball') && zone !== 'RotateBall';
    const m = flat ? this.rootSvg()?.getScreenCTM() : el?.getScreenCTM();
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
    if (d.zone.endsWith('Ball') || d.shape < 0) this.drawHandles(); // the widget follows at once
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
