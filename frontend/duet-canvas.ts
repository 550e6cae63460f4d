// The canvas: shows the program's SVG (made safe by the server: allow-listed elements and attributes, escaped
// text) with zoom (wheel, pinch, buttons, fit), pan (drag the background, middle button, or Space + drag), and the
// pointer's coordinates in the drawing's own units.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

const MIN_ZOOM = 0.05, MAX_ZOOM = 40;

@customElement('duet-canvas')
export class DuetCanvas extends LitElement {
  @state() private zoom = 1;
  @state() private panX = 0;
  @state() private panY = 0;
  @state() private coords = '';
  @state() private dimmed = false;
  @state() private message = '';

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
    if (!this.fittedOnce) {
      this.fittedOnce = true;
      requestAnimationFrame(() => this.fit(true));
    }
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
    const onShape = (e.target as Element).closest('.duet-stage > svg *') !== null
      && (e.target as Element).tagName !== 'svg';
    // panning: the background, the middle button, or Space held
    if (e.button === 1 || this.spaceDown || (!onShape && e.button === 0)) {
      this.dragging = { x: e.clientX, y: e.clientY, panX: this.panX, panY: this.panY, id: e.pointerId };
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
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
    if (this.dragging && this.dragging.id === e.pointerId) {
      this.panX = this.dragging.panX + (e.clientX - this.dragging.x);
      this.panY = this.dragging.panY + (e.clientY - this.dragging.y);
    }
    this.showCoords(e);
  }

  private onUp(e: PointerEvent) {
    this.touches.delete(e.pointerId);
    if (this.touches.size < 2) this.pinch = null;
    if (this.dragging && this.dragging.id === e.pointerId) {
      this.dragging = null;
      this.classList.remove('duet-panning');
    }
  }

  private onLeave() { if (!this.dragging) this.coords = ''; }

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
