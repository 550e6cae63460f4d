// Client-side prediction of a drag (org.duet.sync.Prediction describes it): for each pointer move the browser solves
// the zone's trigger for the new displacement exactly as the server's drag does when the assigned locations suffice
// (Gauss–Seidel sweeps; term solver, top-down inverter, guarded Newton), shortens the numbers as the server does,
// and re-evaluates the templates of every attribute that depends on the changed numbers — so the dragged shape, the
// shapes depending on the same numbers and the numbers in the code pane move on the very frame of the move. The
// server still runs the real drag in the background; its answer overrides the prediction.

type Rule = [string, ...(number | string | boolean)[]];
type Part = string | [number, string];

export interface PredictionJson {
  shape: number; zone: string;
  base: Record<string, number | string>;
  exprs: [string, number, number?][][];
  dag: [string, number, number?][];
  trigger: { e: number; loc: number; rule: Rule; value: number | string }[];
  changeable: number[];
  features: number[][];
  attrs: { i: number; n: string; b: string; t: Part[] }[];
  numerals: { id: number; s: number; e: number; text: string; sp: boolean }[];
}

const LOC = -1, CONST = -2;
const OPS: Record<string, number> = {
  pi: 0, cos: 1, sin: 2, arccos: 3, arcsin: 4, floor: 5, ceiling: 6, round: 7, sqrt: 8,
  '+': 9, '-': 10, '*': 11, '/': 12, mod: 13, pow: 14, arctan2: 15,
};
const [PI, COS, SIN, ACOS, ASIN, FLOOR, CEIL, ROUND, SQRT, PLUS, MINUS, MULT, DIV, MOD, POW, ATAN2] =
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const UNARY = new Set([COS, SIN, ACOS, ASIN, FLOOR, CEIL, ROUND, SQRT]);

function jnum(v: number | string): number { return typeof v === 'number' ? v : Number(v); }

/** Floored modulo of two floored numbers, the divisor's sign (the evaluator's jsMod). */
function jsMod(a: number, b: number): number {
  if (b < 0) { const r = -jsMod(-a, -b); return r === b ? 0 : r; }
  let r: number;
  if (a === 0) r = 0; else if (a >= 0) r = a % b; else r = (a % b) + b;
  return r === b ? 0 : r;
}

/** The numeric operators with the evaluator's semantics (org.duet.eval.Arith). */
function apply(op: number, a: number, b: number): number {
  switch (op) {
    case PI: return Math.PI;
    case COS: return Math.cos(a);
    case SIN: return Math.sin(a);
    case ACOS: return Math.acos(a);
    case ASIN: return Math.asin(a);
    case SQRT: return Math.sqrt(a);
    case FLOOR: return Math.floor(a);
    case CEIL: return Math.ceil(a);
    case ROUND: return Math.round(a);
    case PLUS: return a + b;
    case MINUS: return a - b;
    case MULT: return a * b;
    case DIV: return a / b;
    case POW: return Math.pow(a, b);
    case ATAN2: return Math.atan2(a, b);
    case MOD: { const x = Math.floor(a), y = Math.floor(b); return y === 0 ? NaN : jsMod(x, y); }
    default: return NaN;
  }
}

/** A compiled trace (org.duet.sync.TraceExpr): nodes in dependency order, the root last. */
class Expr {
  readonly kind: Int32Array; readonly a: Int32Array; readonly b: Int32Array;
  readonly konst: Float64Array; readonly locId: Int32Array;
  readonly leaves: Set<number>;
  readonly size: number;
  private scratch: Float64Array;

  constructor(nodes: [string, number, number?][]) {
    const n = nodes.length;
    this.size = n;
    this.kind = new Int32Array(n); this.a = new Int32Array(n); this.b = new Int32Array(n);
    this.konst = new Float64Array(n); this.locId = new Int32Array(n);
    this.leaves = new Set();
    this.scratch = new Float64Array(n);
    nodes.forEach((nd, i) => {
      this.a[i] = -1; this.b[i] = -1;
      if (nd[0] === 'L') { this.kind[i] = LOC; this.locId[i] = nd[1]; this.leaves.add(nd[1]); }
      else if (nd[0] === 'K') { this.kind[i] = CONST; this.konst[i] = jnum(nd[1]); }
      else {
        const op = OPS[nd[0]];
        if (op === undefined) throw new Error('unsupported operator ' + nd[0]);
        this.kind[i] = op; this.a[i] = nd[1]; this.b[i] = nd[2] ?? -1;
      }
    });
  }

  evalAll(vals: Float64Array, out: Float64Array) {
    const { kind, a, b, konst, locId } = this;
    for (let n = 0; n < this.size; n++) {
      const k = kind[n];
      if (k === LOC) out[n] = vals[locId[n]];
      else if (k === CONST) out[n] = konst[n];
      else out[n] = apply(k, a[n] >= 0 ? out[a[n]] : 0, b[n] >= 0 ? out[b[n]] : 0);
    }
  }

  eval(vals: Float64Array): number {
    this.evalAll(vals, this.scratch);
    return this.scratch[this.size - 1];
  }

  dependsOn(x: number): Uint8Array {
    const d = new Uint8Array(this.size);
    for (let n = 0; n < this.size; n++) {
      const k = this.kind[n];
      if (k === LOC) d[n] = this.locId[n] === x ? 1 : 0;
      else if (k !== CONST) d[n] = ((this.a[n] >= 0 && d[this.a[n]]) || (this.b[n] >= 0 && d[this.b[n]])) ? 1 : 0;
    }
    return d;
  }
}

// ----------------------------------------------------------------------------------- the solver (sync.Solver)

function close(got: number, want: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

function reached(got: number, want: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  return Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
}

function root(q: number, p: number, near: number): number {
  if (p < 0) { if (q === 0) return NaN; return root(1 / q, -p, near); }
  if (p === 1) return q;
  if (p % 2 === 1) return Math.sign(q) * Math.pow(Math.abs(q), 1.0 / p);
  if (q < 0) return NaN;
  const y = Math.pow(q, 1.0 / p);
  return near < 0 ? -y : y;
}

function term(e: Expr, x: number, target: number, vals: Float64Array): number {
  const size = e.size, dep = e.dependsOn(x);
  const val = new Float64Array(size);
  e.evalAll(vals, val);
  const p = new Int32Array(size), c = new Float64Array(size), r = new Float64Array(size);
  for (let n = 0; n < size; n++) {
    if (!dep[n]) { p[n] = 1; c[n] = 0; r[n] = val[n]; continue; }
    const k = e.kind[n];
    if (k === LOC) { p[n] = 1; c[n] = 1; r[n] = 0; continue; }
    const A = e.a[n], B = e.b[n];
    switch (k) {
      case PLUS: case MINUS: {
        const s = k === PLUS ? 1 : -1;
        r[n] = r[A] + s * r[B];
        if (c[A] === 0) { p[n] = p[B]; c[n] = s * c[B]; }
        else if (c[B] === 0) { p[n] = p[A]; c[n] = c[A]; }
        else if (p[A] === p[B]) { p[n] = p[A]; c[n] = c[A] + s * c[B]; }
        else return NaN;
        break;
      }
      case MULT:
        if (c[A] === 0) { p[n] = p[B]; c[n] = r[A] * c[B]; r[n] = r[A] * r[B]; }
        else if (c[B] === 0) { p[n] = p[A]; c[n] = c[A] * r[B]; r[n] = r[A] * r[B]; }
        else if (r[A] === 0 && r[B] === 0) {
          p[n] = p[A] + p[B]; c[n] = c[A] * c[B]; r[n] = 0;
          if (p[n] === 0) { p[n] = 1; r[n] = c[n]; c[n] = 0; }
        } else return NaN;
        break;
      case DIV:
        if (c[B] === 0) {
          if (r[B] === 0) return NaN;
          p[n] = p[A]; c[n] = c[A] / r[B]; r[n] = r[A] / r[B];
        } else if (c[A] === 0 && r[B] === 0) {
          p[n] = -p[B]; c[n] = r[A] / c[B]; r[n] = 0;
        } else if (r[A] === 0 && r[B] === 0) {
          if (p[A] === p[B]) { p[n] = 1; c[n] = 0; r[n] = c[A] / c[B]; }
          else { p[n] = p[A] - p[B]; c[n] = c[A] / c[B]; r[n] = 0; }
        } else if (p[A] === p[B] && c[A] === c[B] && r[A] === r[B]) {
          p[n] = 1; c[n] = 0; r[n] = 1;
        } else return NaN;
        break;
      default:
        return NaN;
    }
    if (!Number.isFinite(c[n]) || !Number.isFinite(r[n])) return NaN;
  }
  const rt = size - 1;
  if (c[rt] === 0 || p[rt] === 0) return NaN;
  return root((target - r[rt]) / c[rt], p[rt], vals[x]);
}

function nearestPeriodic(cur: number, base: number, other: number): number {
  let best = NaN, dist = Infinity;
  for (const b0 of [base, other]) {
    if (!Number.isFinite(cur)) return base;
    const k = Math.round((cur - b0) / (2 * Math.PI)); // (rint: ties differ, and only pick among equals)
    const cand = b0 + 2 * Math.PI * k;
    const d = Math.abs(cand - cur);
    if (d < dist) { dist = d; best = cand; }
  }
  return best;
}

function topDown(e: Expr, x: number, target: number, vals: Float64Array): number {
  const dep = e.dependsOn(x);
  const val = new Float64Array(e.size);
  e.evalAll(vals, val);
  let n = e.size - 1, t = target;
  for (;;) {
    if (!Number.isFinite(t)) return NaN;
    const k = e.kind[n];
    if (k === LOC) return e.locId[n] === x ? t : NaN;
    if (k === CONST || !dep[n]) return NaN;
    const A = e.a[n], B = e.b[n];
    if (UNARY.has(k)) {
      const cur = val[A];
      switch (k) {
        case COS: { if (t < -1 || t > 1) return NaN; const b = Math.acos(t); t = nearestPeriodic(cur, b, -b); break; }
        case SIN: { if (t < -1 || t > 1) return NaN; const b = Math.asin(t); t = nearestPeriodic(cur, b, Math.PI - b); break; }
        case ACOS: if (t < 0 || t > Math.PI) return NaN; t = Math.cos(t); break;
        case ASIN: if (t < -Math.PI / 2 || t > Math.PI / 2) return NaN; t = Math.sin(t); break;
        case SQRT: if (t < 0) return NaN; t = t * t; break;
        case ROUND: case FLOOR: case CEIL:
          if (t !== Math.round(t) || !Number.isInteger(t)) return NaN;
          if (k === FLOOR) t += 0.5; else if (k === CEIL) t -= 0.5;
          break;
        default: return NaN;
      }
      n = A;
      continue;
    }
    if (dep[A] && dep[B]) return NaN;
    if (!dep[A]) {
      const i = val[A];
      switch (k) {
        case PLUS: t = t - i; break;
        case MINUS: t = i - t; break;
        case MULT: if (i === 0) return NaN; t = t / i; break;
        case DIV: if (t === 0) return NaN; t = i / t; break;
        case POW: if (i <= 0 || i === 1 || t <= 0) return NaN; t = Math.log(t) / Math.log(i); break;
        case ATAN2: { const tan = Math.tan(t); if (tan === 0) return NaN; t = i / tan; break; }
        default: return NaN;
      }
      n = B;
    } else {
      const j = val[B];
      switch (k) {
        case PLUS: t = t - j; break;
        case MINUS: t = t + j; break;
        case MULT: if (j === 0) return NaN; t = t / j; break;
        case DIV: t = t * j; break;
        case POW:
          if (j === 0) return NaN;
          if (Number.isInteger(j) && Math.abs(j) < 1e9) t = root(t, j, val[A]);
          else if (t < 0) return NaN;
          else t = Math.pow(t, 1 / j);
          break;
        case ATAN2: t = j * Math.tan(t); break;
        case MOD: {
          const m = Math.floor(j);
          if (m === 0 || !Number.isInteger(t) || (m > 0 ? t < 0 || t >= m : t > 0 || t <= m)) return NaN;
          t = t + m * Math.floor(Math.floor(val[A]) / m) + 0.5;
          break;
        }
        default: return NaN;
      }
      n = A;
    }
  }
}

function newton(e: Expr, x: number, target: number, work: Float64Array, start: number): number {
  let cur = start;
  for (let it = 0; it < 40; it++) {
    work[x] = cur;
    const f = e.eval(work) - target;
    if (!Number.isFinite(f)) return NaN;
    if (close(f + target, target)) return cur;
    const h = 1e-7 * Math.max(1, Math.abs(cur));
    work[x] = cur + h;
    const slope = (e.eval(work) - target - f) / h;
    if (!Number.isFinite(slope) || slope === 0) return NaN;
    const next = cur - f / slope;
    if (!Number.isFinite(next)) return NaN;
    cur = next;
  }
  return NaN;
}

function accept(e: Expr, x: number, v: number, target: number, work: Float64Array, old: number, oldValue: number) {
  if (!Number.isFinite(v)) return false;
  work[x] = v;
  if (!close(e.eval(work), target)) return false;
  const change = Math.abs(v - old), moved = Math.abs(target - oldValue);
  return !(change > 1e6 * Math.max(moved, 1e-9 * Math.max(1, Math.abs(target))));
}

function solve(e: Expr, x: number, target: number, vals: Float64Array): number | null {
  if (!Number.isFinite(target) || !e.leaves.has(x)) return null;
  const work = vals.slice();
  const old = vals[x], oldValue = e.eval(vals);
  let v = term(e, x, target, vals);
  if (accept(e, x, v, target, work, old, oldValue)) return v;
  v = topDown(e, x, target, vals);
  if (accept(e, x, v, target, work, old, oldValue)) return v;
  v = newton(e, x, target, work, old);
  if (accept(e, x, v, target, work, old, oldValue)) return v;
  return null;
}

// ------------------------------------------------------------------------------------------------ rules, colours

function clamp(v: number, lo: number, hi: number) { return Math.max(lo, Math.min(hi, v)); }

function ruleTarget(r: Rule, v: number, dx: number, dy: number): number {
  switch (r[0]) {
    case '+dx': return v + dx;
    case '-dx': return v - dx;
    case '+dy': return v + dy;
    case '-dy': return v - dy;
    case 'corner': return v + Math.max((r[1] as number) * dx, (r[2] as number) * dy);
    case 'color': return clamp(v + 2 * dx, 0, 499);
    case 'opacity': return clamp(v + dx / 20, 0, 1);
    case 'strokeWidth': return Math.round(clamp(v + dx / 3, 0, 20));
    case 'rotate': {
      if (dx === 0 && dy === 0) return v;
      return v + (90 - Math.atan2(jnum(r[1] as number) - dy, dx) * (180 / Math.PI));
    }
    case 'slider': {
      const lo = jnum(r[1] as number), hi = jnum(r[2] as number);
      const n = clamp(v + dx / 100 * (hi - lo), Math.min(lo, hi), Math.max(lo, hi));
      return r[3] ? Math.round(n) : n;
    }
    default: return NaN;
  }
}

function jsRound(x: number) { return Number.isFinite(x) ? Math.floor(x) + (x - Math.floor(x) >= 0.5 ? 1 : 0) : x; }

/** Sketch-n-Sketch's colour wheel (org.duet.svg.Colors.triple). */
function triple(j: number): number[] {
  if (j >= 0 && j < 360) {
    const s = Math.floor(j / 60);
    if (s === 0) return [200, jsRound(55 + 145 * (1 - (60 - j) / 60)), 55];
    if (s === 1) return [jsRound(200 - 145 * (1 - (120 - j) / 60)), 200, 55];
    if (s === 2) return [55, 200, jsRound(55 + 145 * (1 - (180 - j) / 60))];
    if (s === 3) return [55, jsRound(200 - 145 * (1 - (240 - j) / 60)), 200];
    if (s === 4) return [jsRound(55 + 145 * (1 - (300 - j) / 60)), 55, 200];
    return [200, 55, jsRound(200 - 145 * (1 - (360 - j) / 60))];
  }
  if (j >= 360 && j < 380) return [0, 0, 0];
  if (j >= 480 && j < 500) return [255, 255, 255];
  const x = jsRound(255 * ((j - 380) / 100));
  return [x, x, x];
}

function printed(v: number, how: string): string {
  if (how === 'n') return String(v);
  let c: number[];
  if (how === 'c') { const k = Math.floor(v); c = k >= 0 && k <= 499 ? triple(k) : [0, 0, 0]; }
  else c = triple(jsRound(v));
  return c[0] + ', ' + c[1] + ', ' + c[2];
}

/** x rounded to d decimals (the server rounds half-even on the exact binary value; exact ties are rare). */
function roundTo(x: number, d: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toFixed(d));
  return r === 0 ? 0 : r;
}

// ------------------------------------------------------------------------------------------------ the predictor

export interface PredictedStep {
  /** [attribute number, value] for every attribute of the prediction whose value differs from the one shown. */
  changed: [number, string][];
  /** The graph's node values of this step. */
  nodes: Float64Array;
  /** The code pane's text, or null if it cannot be predicted. */
  text: string | null;
}

export class Predictor {
  readonly shape: number;
  readonly zone: string;
  /** "index|name" of every predicted attribute. */
  readonly keys = new Set<string>();
  private exprs: Expr[];
  /** Every number of the templates and every feature, as one graph of shared nodes (evaluated in one pass). */
  private dag: Expr;
  private nodes: Float64Array;
  private base: Float64Array;
  private trig: { e: Expr; loc: number; rule: Rule; value: number }[];
  private changeable: number[];
  private features: number[][];
  private attrs: { i: number; n: string; b: string; t: Part[] }[];
  private numerals: PredictionJson['numerals'];
  private codeBase: string | null = null;
  private els: (Element | null)[] = [];
  /** The value each attribute was last given by {@link apply}, and the graph's node values then (null: unknown). */
  private shown: string[] = [];
  private shownNodes: Float64Array | null = null;
  /** Per attribute: the graph nodes its numbers read. */
  private refs: number[][] = [];

  constructor(j: PredictionJson) {
    this.shape = j.shape;
    this.zone = j.zone;
    this.exprs = j.exprs.map(n => new Expr(n));
    this.dag = new Expr(j.dag);
    this.nodes = new Float64Array(j.dag.length);
    let max = 0;
    for (const id of Object.keys(j.base)) max = Math.max(max, Number(id));
    for (const id of j.changeable) max = Math.max(max, id);
    this.base = new Float64Array(max + 1).fill(NaN);
    for (const [id, v] of Object.entries(j.base)) this.base[Number(id)] = jnum(v);
    this.trig = j.trigger.map(t => ({ e: this.exprs[t.e], loc: t.loc, rule: t.rule, value: jnum(t.value) }));
    this.changeable = j.changeable;
    this.features = j.features;
    this.attrs = j.attrs;
    this.numerals = j.numerals.slice().sort((a, b) => a.s - b.s);
    for (const a of j.attrs) this.keys.add(a.i + '|' + a.n);
    this.refs = j.attrs.map(a => a.t.filter(p => typeof p !== 'string').map(p => (p as [number, string])[0]));
  }

  /**
   * Ready for a drag on this drawing and code: every predicted attribute shows its value at mouse-down (else the
   * prediction is stale); the code pane's numerals are where the server said (else the code is left to the server).
   */
  bind(root: Element, code: string | null): boolean {
    this.els = [];
    const byIndex = new Map<number, Element | null>();
    for (const a of this.attrs) {
      if (!byIndex.has(a.i)) byIndex.set(a.i, root.querySelector(`[data-duet-i="${a.i}"]`));
      const el = byIndex.get(a.i)!;
      if (el && el.getAttribute(a.n) !== a.b) return false;
      this.els.push(el);
    }
    this.shown = this.attrs.map(a => a.b);
    this.shownNodes = null;
    this.codeBase = code;
    if (code !== null) for (const n of this.numerals) if (code.slice(n.s, n.e) !== n.text) { this.codeBase = null; break; }
    return true;
  }

  /** Sets the predicted attributes on the shapes (those whose value changed since the last time). */
  apply(step: PredictedStep) {
    const { els, shown, attrs } = this;
    for (const [k, v] of step.changed) {
      shown[k] = v;
      const el = els[k];
      if (el) el.setAttribute(attrs[k].n, v);
    }
    this.shownNodes = step.nodes;
  }

  /** Something else has set the attributes: the next {@link apply} sets them all. */
  forget() {
    this.shown = this.attrs.map(() => '\u0000');
    this.shownNodes = null;
  }

  /** Still showing the drawing it was bound to (a full redraw from the server ends the prediction). */
  bound(): boolean {
    for (const el of this.els) if (el) return el.isConnected;
    return true;
  }

  /** The step for the total displacement (dx, dy), or null where only the server can tell. */
  step(dx: number, dy: number): PredictedStep | null {
    const k = this.trig.length;
    const target = this.trig.map(t => ruleTarget(t.rule, t.value, dx, dy));
    // Gauss–Seidel sweeps over the assigned locations (sync.Drag.sweeps without substitutes)
    let vals = this.base.slice();
    const used = this.trig.map(t => t.loc);
    let best: { vals: Float64Array; sat: number; dev: number } | null = null;
    for (let sweep = 0; sweep < 4; sweep++) {
      let changed = false;
      const claimed = new Set<number>();
      for (let i = 0; i < k; i++) {
        const t = this.trig[i];
        if (close(t.e.eval(vals), target[i])) { claimed.add(used[i]); continue; }
        const id = t.loc;
        if (claimed.has(id)) continue;
        const s = solve(t.e, id, target[i], vals);
        if (s === null) continue;
        if (vals[id] !== s) changed = true;
        vals[id] = s;
        claimed.add(id);
        used[i] = id;
      }
      let sat = 0, dev = 0;
      for (let i = 0; i < k; i++) {
        const v = this.trig[i].e.eval(vals);
        if (reached(v, target[i])) sat++;
        else dev += Number.isFinite(v) ? Math.abs(v - target[i]) : Number.MAX_VALUE;
      }
      if (best === null || sat > best.sat || (sat === best.sat && dev < best.dev)) best = { vals: vals.slice(), sat, dev };
      if (sat === k || !changed) break;
    }
    if (!best || best.sat < k) return null;
    vals = best.vals;
    const written = this.shorten(vals);
    const nodes = new Float64Array(this.dag.size);
    this.dag.evalAll(written, nodes);
    // only the attributes whose numbers changed since the step shown are printed again
    const changed: [number, string][] = [];
    const prev = this.shownNodes;
    for (let k = 0; k < this.attrs.length; k++) {
      if (prev) {
        let same = true;
        for (const r of this.refs[k]) {
          const v = nodes[r], w = prev[r];
          if (v !== w && !(v !== v && w !== w)) { same = false; break; }
        }
        if (same) continue;
      }
      let s = '';
      for (const p of this.attrs[k].t) s += typeof p === 'string' ? p : printed(nodes[p[0]], p[1]);
      if (s !== this.shown[k]) changed.push([k, s]);
    }
    return { changed, nodes, text: this.code(written) };
  }

  /** The fewest decimals per changed number keeping every affected attribute within 0.01 (sync.Drag.shorten). */
  private shorten(exact: Float64Array): Float64Array {
    const cur = exact.slice();
    const changedIdx: number[] = [];
    this.changeable.forEach((id, j) => { if (exact[id] !== this.base[id]) changedIdx.push(j); });
    if (!changedIdx.length) return cur;
    const affected: number[] = [];
    const seen = new Set<number>();
    for (const j of changedIdx) for (const f of this.features[j]) if (!seen.has(f)) { seen.add(f); affected.push(f); }
    const nodes = this.nodes;
    this.dag.evalAll(exact, nodes);
    const exactF = affected.map(f => nodes[f]);
    let last = 0;
    const within = () => {
      const n = exactF.length;
      this.dag.evalAll(cur, nodes);
      for (let m = 0; m < n; m++) {
        const i = (last + m) % n;
        const got = nodes[affected[i]], want = exactF[i];
        const ok = Number.isFinite(want) ? Math.abs(got - want) <= 0.01
          : got === want || (Number.isNaN(got) && Number.isNaN(want));
        if (!ok) { last = i; return false; }
      }
      return true;
    };
    for (const j of changedIdx) {
      const id = this.changeable[j];
      const alone = this.features[j].length === 0;
      const x = exact[id];
      let done = false;
      for (let d = 0; d <= 15 && !done; d++) {
        const v = roundTo(x, d);
        if (alone && Math.abs(v - x) > 0.01) continue;
        cur[id] = v;
        done = within();
      }
      if (!done) cur[id] = x;
    }
    return cur;
  }

  /** The program text with the new numerals (org.duet.lang.Printer), or null. */
  private code(written: Float64Array): string | null {
    const base = this.codeBase;
    if (base === null) return null;
    let out = '', at = 0;
    for (const n of this.numerals) {
      const v = written[n.id];
      if (v === this.base[n.id]) continue;
      if (!Number.isFinite(v)) return null;
      const s = v === 0 ? '0' : String(v);
      if (s.includes('e')) return null;
      out += base.slice(at, n.s);
      if (s.startsWith('-') && n.sp) out += ' ';
      out += s;
      at = n.e;
    }
    return out + base.slice(at);
  }
}
