// The code pane: CodeMirror 6 with little's syntax colours, bracket matching, line numbers and error marks.
// The program's history lives on the server (typing and canvas gestures share one undo stack), so the undo keys
// are sent there; the server answers with setText().
//
// Typing is sent 90 ms after the last keystroke, and however steady the typing, at most 300 ms after the first
// unsent one (the server saves each change at once), and at once before anything else the page does (a click, a
// key outside the pane, a shortcut) and when the page is hidden or left. Each text from the server has a serial
// number; each change sent says the serial of the text it was typed on, so that the server can tell an edit of an
// outdated version (another window saved meanwhile) from an edit of the latest, and never save the former over
// the latter. A text from another window is not put over edits the server has not seen yet: the pane keeps them.
import { LitElement, html, css } from 'lit';
import { customElement } from 'lit/decorators.js';
import { EditorState, Annotation, Extension, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, Decoration,
  DecorationSet
} from '@codemirror/view';
import {
  StreamLanguage, StringStream, bracketMatching, syntaxHighlighting, HighlightStyle, indentOnInput
} from '@codemirror/language';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { setDiagnostics, lintGutter, Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { tags } from '@lezer/highlight';

/** Marks a transaction that came from the server, so it is not sent back as a user edit. */
const remote = Annotation.define<boolean>();

const KEYWORDS = new Set([
  'let', 'letrec', 'def', 'defrec', 'if', 'case', 'typecase', 'typ', 'true', 'false', 'null'
]);
const OPERATORS = new Set([
  'pi', 'empty', 'cos', 'sin', 'arccos', 'arcsin', 'floor', 'ceiling', 'round', 'toString', 'sqrt', 'debug',
  'explode', 'mod', 'pow', 'arctan2', 'get', 'remove', 'insert'
]);

interface LittleState { afterOpen: boolean }

/** A tokenizer for little: numbers with annotations and slider ranges, strings, comments, keywords, brackets. */
const little = StreamLanguage.define<LittleState>({
  name: 'little',
  startState: () => ({ afterOpen: false }),
  token(stream: StringStream, state: LittleState): string | null {
    if (stream.eatSpace()) return null;
    const afterOpen = state.afterOpen;
    state.afterOpen = false;
    if (stream.sol() && stream.match(/^#\s*[^\s:]+\s*:.*$/)) return 'meta';
    const ch = stream.peek()!;
    if (ch === ';') { stream.skipToEnd(); return 'comment'; }
    if (ch === '"' || ch === "'") {
      stream.next();
      let escaped = false;
      for (;;) {
        const c = stream.next();
        if (c === undefined) break;
        if (escaped) { escaped = false; continue; }
        if (c === '\\') { escaped = true; continue; }
        if (c === ch) break;
      }
      return 'string';
    }
    if (stream.match(/^-?\d+(\.\d+)?/)) {
      // the annotation and the range are coloured apart from the digits
      return 'number';
    }
    if (stream.match(/^[!?~](?=[{\s\])|]|$)/)) return 'annotation';
    if (ch === '{' && stream.match(/^\{\s*-?\d+(\.\d+)?[!?~]?\s*-\s*-?\d+(\.\d+)?[!?~]?\s*\}/)) return 'range';
    if (ch === '(' ) { stream.next(); state.afterOpen = true; return 'paren'; }
    if (ch === ')' || ch === '[' || ch === ']' || ch === '|' || ch === '{' || ch === '}') { stream.next(); return 'paren'; }
    if (ch === '\\') { stream.next(); return 'keyword'; }
    const word = stream.match(/^[A-Za-z][A-Za-z0-9_']*/) as RegExpMatchArray | null;
    if (word) {
      const w = word[0];
      if (KEYWORDS.has(w)) return 'keyword';
      if (afterOpen && OPERATORS.has(w)) return 'operator';
      if (/^[A-Z]/.test(w)) return 'typeName';
      return 'variableName';
    }
    if (stream.match(/^[^\sA-Za-z0-9()[\]{}|]+/)) return 'operator';
    stream.next();
    return null;
  },
  tokenTable: {
    annotation: tags.modifier,
    range: tags.special(tags.number),
    paren: tags.paren,
  },
  languageData: { commentTokens: { line: ';' } },
});

const littleHighlight = HighlightStyle.define([
  { tag: tags.number, color: '#1a5fb4', fontWeight: '600' },
  { tag: tags.modifier, color: '#c01c28', fontWeight: '700' },
  { tag: tags.special(tags.number), color: '#813d9c' },
  { tag: tags.string, color: '#26803a' },
  { tag: tags.comment, color: '#77767b', fontStyle: 'italic' },
  { tag: tags.keyword, color: '#a51d2d', fontWeight: '600' },
  { tag: tags.operator, color: '#986a44' },
  { tag: tags.typeName, color: '#1c71d8' },
  { tag: tags.meta, color: '#77767b' },
  { tag: tags.paren, color: '#5e5c64' },
]);

/** Marks (classes on ranges) that the server asks for: changed constants, constants a drag would change, … */
const setMarks = StateEffect.define<{ from: number; to: number; cls: string; title?: string }[]>();
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setMarks)) {
        const b = new RangeSetBuilder<Decoration>();
        const sorted = [...e.value].filter(m => m.to > m.from).sort((a, b2) => a.from - b2.from);
        for (const m of sorted) {
          const attrs: Record<string, string> = {};
          if (m.title) attrs.title = m.title;
          b.add(m.from, m.to, Decoration.mark({ class: m.cls, attributes: attrs }));
        }
        marks = b.finish();
      }
    }
    return marks;
  },
  provide: f => EditorView.decorations.from(f),
});

/** The UTF-8 length of a text given as chunks of a CodeMirror document, without encoding it. */
function utf8Length(chunks: Iterator<string>): number {
  let n = 0;
  for (let r = chunks.next(); !r.done; r = chunks.next()) {
    const s = r.value as string;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
      else n += 3;
    }
  }
  return n;
}

@customElement('duet-code-editor')
export class DuetCodeEditor extends LitElement {
  private view?: EditorView;
  private pending?: number;
  /** When the first keystroke not yet sent was made (performance.now()), or undefined if nothing is unsent. */
  private firstUnsent?: number;
  private initialText = '';
  /** Delay after the last keystroke before the text is sent (the program re-runs then). */
  debounceMs = 90;
  /** However steady the typing, an edit is sent at most this long after its first unsent keystroke. */
  maxWaitMs = 300;
  /** The serial of the server's text the pane's text was typed on (sent with each change). */
  private serial = 0;
  /** Changes sent so far: each carries its number, and the server's texts say up to which one it had seen. */
  private sent = 0;
  /** The largest program, in UTF-8 bytes, that typing or pasting may make (0: no limit); set by the server. */
  maxBytes = 0;

  // CodeMirror lives in this element's shadow root, where its style sheets are safe from the page's own
  static styles = css`
    :host { display: block; height: 100%; overflow: hidden; }
    .duet-cm-host { height: 100%; }
    .cm-editor { height: 100%; }
    .cm-editor.cm-focused { outline: none; }
    .duet-mark-changed { background: rgba(255, 196, 0, 0.35); border-radius: 2px; }
    .duet-mark-drives { background: rgba(53, 132, 228, 0.25); border-radius: 2px; }
    .duet-mark-depends { background: rgba(53, 132, 228, 0.10); border-radius: 2px; }
    .duet-mark-unsolved { text-decoration: underline dotted #c01c28; }
    .duet-number-menu {
      position: fixed; z-index: 10; min-width: 15rem; padding: 4px 0; background: #fff;
      border: 1px solid #deddda; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.16);
      font: 13px system-ui, sans-serif; color: #241f31;
    }
    .duet-number-menu .duet-menu-title { padding: 3px 12px 5px; color: #77767b; font-size: 12px; }
    .duet-number-menu button {
      display: block; width: 100%; text-align: left; border: 0; background: none; padding: 5px 12px;
      font: inherit; color: inherit; cursor: pointer;
    }
    .duet-number-menu button:hover, .duet-number-menu button:focus { background: #e8eef8; outline: none; }
  `;

  render() { return html`<div class="duet-cm-host"></div>`; }

  /** Ranges of pinned literals [from, to] (from the server), to label the number menu. */
  private pinned: [number, number][] = [];
  private menu?: HTMLElement;

  setPinned(ranges: [number, number][]) { this.pinned = ranges; }

  /** The literal (digits, annotation, range) at a position of the text, or null. */
  private literalAt(pos: number): { from: number; to: number; digits: string; ann: string } | null {
    if (!this.view) return null;
    const line = this.view.state.doc.lineAt(pos);
    const re = /-?(?:\d+\.?\d*|\.\d+)([!?~]?)(\{[^}\n]*\})?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line.text)) !== null) {
      const from = line.from + m.index, to = from + m[0].length;
      const before = m.index > 0 ? line.text[m.index - 1] : ' ';
      if (/[A-Za-z_'\d.]/.test(before)) continue; // part of a name such as x2 or a'
      if (pos >= from && pos <= to) return { from, to, digits: m[0].replace(/[!?~]?(\{[^}]*\})?$/, ''), ann: m[1] };
    }
    return null;
  }

  /** Right-click on a number: freeze or thaw it, pin it so that drags change it. */
  private openNumberMenu(e: MouseEvent) {
    if (!this.view) return;
    const pos = this.view.posAtCoords({ x: e.clientX, y: e.clientY });
    if (pos === null) return;
    const lit = this.literalAt(pos);
    if (!lit) return;
    e.preventDefault();
    this.closeMenu();
    const menu = document.createElement('div');
    menu.className = 'duet-number-menu';
    menu.setAttribute('role', 'menu');
    menu.style.left = `${e.clientX}px`;
    menu.style.top = `${e.clientY}px`;
    const title = document.createElement('div');
    title.className = 'duet-menu-title';
    title.textContent = `The number ${lit.digits}`;
    menu.appendChild(title);
    const frozen = lit.ann === '!';
    const pinned = this.pinned.some(([f, t]) => f <= lit.from && lit.from < t);
    const item = (label: string, action: string) => {
      const b = document.createElement('button');
      b.textContent = label;
      b.setAttribute('role', 'menuitem');
      b.setAttribute('data-action', action);
      b.addEventListener('click', () => {
        this.closeMenu();
        this.flush();
        this.fire('duet-number-action', { offset: lit.from, action });
      });
      menu.appendChild(b);
    };
    if (frozen) item('Thaw: let drags change it', 'thaw');
    else item('Freeze: drags never change it', 'freeze');
    if (!frozen) item(pinned ? 'Unpin' : 'Pin: drags change this number first', pinned ? 'unpin' : 'pin');
    this.renderRoot.appendChild(menu);
    this.menu = menu;
    const r = menu.getBoundingClientRect();
    if (r.bottom > window.innerHeight) menu.style.top = `${Math.max(0, e.clientY - r.height)}px`;
    if (r.right > window.innerWidth) menu.style.left = `${Math.max(0, e.clientX - r.width)}px`;
    (menu.querySelector('button') as HTMLElement | null)?.focus();
    setTimeout(() => window.addEventListener('pointerdown', this.outside, true), 0);
    window.addEventListener('keydown', this.menuKey, true);
  }

  private outside = (e: Event) => {
    if (this.menu && !e.composedPath().includes(this.menu)) this.closeMenu();
  };

  private menuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { this.closeMenu(); e.stopPropagation(); e.preventDefault(); }
  };

  private closeMenu() {
    if (!this.menu) return;
    this.menu.remove();
    this.menu = undefined;
    window.removeEventListener('pointerdown', this.outside, true);
    window.removeEventListener('keydown', this.menuKey, true);
  }

  firstUpdated() {
    const host = this.renderRoot.querySelector('.duet-cm-host') as HTMLElement;
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      drawSelection(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      highlightSelectionMatches(),
      little,
      syntaxHighlighting(littleHighlight),
      lintGutter(),
      marksField,
      EditorView.lineWrapping,
      keymap.of([
        { key: 'Mod-Enter', run: () => this.command('duet-run') },
        { key: 'Mod-z', run: () => this.command('duet-undo'), preventDefault: true },
        { key: 'Mod-Shift-z', run: () => this.command('duet-redo'), preventDefault: true },
        { key: 'Mod-y', run: () => this.command('duet-redo'), preventDefault: true },
        { key: 'Mod-s', run: () => this.command('duet-save'), preventDefault: true },
        ...searchKeymap,
        indentWithTab,
        ...defaultKeymap,
      ]),
      // an edit that would make the program larger than the server keeps is not made (and not sent): the pane
      // keeps its text and the server is told, to say so
      EditorState.transactionFilter.of(tr => {
        if (!tr.docChanged || this.maxBytes <= 0 || tr.annotation(remote)) return tr;
        if (tr.newDoc.length <= this.maxBytes / 3) return tr; // at most 3 bytes a character: surely within
        const bytes = utf8Length(tr.newDoc.iter());
        if (bytes <= this.maxBytes) return tr;
        this.fire('duet-too-large', { bytes });
        return [];
      }),
      EditorView.updateListener.of(u => {
        if (!u.docChanged) return;
        if (u.transactions.some(t => t.annotation(remote))) return;
        this.schedule();
      }),
      EditorView.theme({
        '&': { height: '100%', fontSize: '13.5px' },
        '.cm-scroller': { fontFamily: 'ui-monospace, "JetBrains Mono", "DejaVu Sans Mono", monospace', lineHeight: '1.5' },
        '.cm-content': { padding: '6px 0' },
        '.cm-gutters': { background: '#f6f5f4', borderRight: '1px solid #deddda', color: '#9a9996' },
        '.cm-activeLine': { background: '#f3f6fb' },
        '.cm-activeLineGutter': { background: '#e8eef8' },
        '&.cm-focused .cm-matchingBracket': { background: '#d0e3ff', outline: '1px solid #99c1f1' },
        '&.cm-focused .cm-nonmatchingBracket': { background: '#f9d6d6' },
        '.cm-lintRange-error': {
          backgroundImage: 'none', textDecoration: 'underline wavy #e01b24', textUnderlineOffset: '3px',
          background: 'rgba(224, 27, 36, 0.08)'
        },
      }),
    ];
    this.view = new EditorView({
      state: EditorState.create({ doc: this.initialText, extensions }),
      parent: host,
      root: this.renderRoot as ShadowRoot,
    });
    // a key the pane handled (undo, redo, run, save) goes no further: the page's own shortcuts for the same keys
    // would run the command a second time (Ctrl+Z undoing two steps)
    host.addEventListener('contextmenu', e => this.openNumberMenu(e));
    host.addEventListener('keydown', e => {
      if (this.consumedKey) {
        this.consumedKey = false;
        e.stopPropagation();
      }
    });
  }

  private consumedKey = false;

  /** Sends the pending edit, then the command; the key event is stopped at the pane's edge. */
  private command(name: string): boolean {
    this.flush();
    this.fire(name);
    this.consumedKey = true;
    return true;
  }

  private fire(name: string, detail: object = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private schedule() {
    const now = performance.now();
    if (this.firstUnsent === undefined) this.firstUnsent = now;
    if (this.pending !== undefined) clearTimeout(this.pending);
    const due = Math.min(now + this.debounceMs, this.firstUnsent + this.maxWaitMs);
    this.pending = window.setTimeout(() => this.flush(), Math.max(0, due - now));
  }

  /** Sends the pending edit now (before an undo, a run, a click or key elsewhere, or when the page is hidden). */
  flush() {
    if (this.pending === undefined) return;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.firstUnsent = undefined;
    this.sent++;
    this.fire('duet-change', { value: this.text, serial: this.serial, seq: this.sent });
  }

  /** Whatever the page does next (a click, a key outside the pane or with a modifier) comes after the typing. */
  private flushBeforePointer = () => this.flush();
  private flushBeforeKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !e.composedPath().includes(this)) this.flush();
  };
  /** A page being hidden (another tab, a closed window) or left sends its last keystrokes. */
  private flushWhenHidden = () => { if (document.visibilityState === 'hidden') this.flush(); };
  private flushOnLeave = () => this.flush();

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pointerdown', this.flushBeforePointer, true);
    window.addEventListener('keydown', this.flushBeforeKey, true);
    document.addEventListener('visibilitychange', this.flushWhenHidden);
    window.addEventListener('beforeunload', this.flushOnLeave);
    window.addEventListener('pagehide', this.flushOnLeave);
  }

  disconnectedCallback() {
    this.flush();
    window.removeEventListener('pointerdown', this.flushBeforePointer, true);
    window.removeEventListener('keydown', this.flushBeforeKey, true);
    document.removeEventListener('visibilitychange', this.flushWhenHidden);
    window.removeEventListener('beforeunload', this.flushOnLeave);
    window.removeEventListener('pagehide', this.flushOnLeave);
    super.disconnectedCallback();
  }

  get text(): string { return this.view ? this.view.state.doc.toString() : this.initialText; }

  /**
   * Replaces the text. From the server (a loaded document, undo/redo, a canvas edit, another window's version) it
   * comes with its serial, and the number of the last change the server had seen from this pane. The pane's
   * unsent edit is sent first (typed on the text it was typed on: nothing typed is dropped). With
   * {@code unlessUnsent} (another window's version), a pane with edits the server had not seen keeps them and the
   * text is not shown: the server hears of them as typed on an older version, and offers the choice. Without a
   * serial (the canvas's predicted code) it is only shown. Only the changed middle part is replaced, so the cursor
   * stays where it was.
   */
  setText(text: string, serial?: number, seen?: number, unlessUnsent = false) {
    const unsent = this.pending !== undefined || (seen !== undefined && this.sent > seen);
    this.flush();
    if (unsent && unlessUnsent) return;
    if (serial !== undefined) this.serial = serial;
    if (!this.view) { this.initialText = text; return; }
    const old = this.view.state.doc.toString();
    if (old === text) return;
    let start = 0;
    const max = Math.min(old.length, text.length);
    while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
    let endOld = old.length, endNew = text.length;
    while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) { endOld--; endNew--; }
    this.view.dispatch({
      changes: { from: start, to: endOld, insert: text.slice(start, endNew) },
      annotations: remote.of(true),
    });
  }

  /** Shows errors: [{from, to, message}] with offsets in the text (from = to marks one character). */
  setErrors(errors: { from: number; to: number; message: string }[]) {
    if (!this.view) return;
    const len = this.view.state.doc.length;
    const diags: Diagnostic[] = errors.map(e => {
      const from = Math.max(0, Math.min(e.from, len));
      let to = Math.max(from, Math.min(e.to, len));
      if (to === from && to < len) to = from + 1;
      return { from, to, severity: 'error', message: e.message };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diags));
  }

  /** Marks ranges with CSS classes: [{from, to, cls, title}]. */
  setMarks(marks: { from: number; to: number; cls: string; title?: string }[]) {
    if (!this.view) return;
    const len = this.view.state.doc.length;
    const clamped = marks.map(m => ({ ...m, from: Math.min(m.from, len), to: Math.min(m.to, len) }));
    this.view.dispatch({ effects: setMarks.of(clamped) });
  }

  /** Moves the cursor to an offset and scrolls it into view. */
  reveal(offset: number) {
    if (!this.view) return;
    const pos = Math.max(0, Math.min(offset, this.view.state.doc.length));
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    this.view.focus();
  }

  focusEditor() { this.view?.focus(); }
}
