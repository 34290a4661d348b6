/**
 * Builds the CodeMirror 6 editor for NetworkPolicy YAML. Loaded with a dynamic import by `PolicyEditor`,
 * so CodeMirror stays out of the page's first-load JavaScript; vim mode is a second lazy chunk.
 */
import { basicSetup } from 'codemirror';
import { EditorView, keymap, hoverTooltip, Decoration, type DecorationSet } from '@codemirror/view';
import { Compartment, EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { completeAt, type EditorCluster } from '@/lib/editor/complete';
import { hoverAt } from '@/lib/editor/hover';
import { lineSpan, toEditorDiagnostics } from '@/lib/editor/diagnostics';
import { liveDiagnostics } from '@/lib/editor/live-diagnostics';

/** What the React wrapper needs from the editor. */
export type EditorHandle = {
  view: EditorView;
  setVim(enabled: boolean): Promise<void>;
  highlightLine(line: number): void;
  setText(text: string): void;
  destroy(): void;
};

/** Options for one editor instance. */
export type CreateEditorOptions = {
  parent: HTMLElement;
  text: string;
  readOnly?: boolean;
  cluster: EditorCluster | null;
  taskNamespace: string;
  /** Accessible name of the editing area. */
  label: string;
  vim: boolean;
  /** Plain YAML (e.g. the author's cluster or expectations): no NetworkPolicy completion, hover or diagnostics. */
  plainYaml?: boolean;
  onChange(text: string): void;
  onSubmit(): void;
};

const setHighlight = StateEffect.define<number | null>();
const highlightMark = Decoration.line({ class: 'cm-np-highlight', attributes: { 'aria-current': 'true' } });

// The line a result row pointed at; cleared on the next edit so it never points at stale text.
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setHighlight)) {
        if (e.value === null) return Decoration.none;
        const line = tr.state.doc.line(Math.min(Math.max(e.value, 1), tr.state.doc.lines));
        return Decoration.set([highlightMark.range(line.from)]);
      }
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid #cbd5e1', borderRadius: '0.375rem', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '2px solid #0284c7', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '18rem' },
  '.cm-scroller': { maxHeight: '32rem', overflow: 'auto' },
  '.cm-np-highlight': { backgroundColor: '#fef08a' },
  '.cm-tooltip-hover': { maxWidth: '28rem', padding: '0.5rem', fontSize: '12px' },
  '.cm-np-hover-title': { fontFamily: 'ui-monospace, monospace', fontWeight: '600' },
});

function completionSource(cluster: EditorCluster | null, taskNamespace: string) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const text = ctx.state.doc.toString();
    const result = completeAt(text, ctx.pos, cluster, { defaultNamespace: taskNamespace });
    if (!result || !result.options.length) return null;
    // Unasked, pop up only while a word is typed: an empty-prefix popup would swallow the next Enter.
    if (!ctx.explicit && result.from === ctx.pos) return null;
    return {
      from: result.from,
      options: result.options.map((o) => ({ label: o.label, type: o.type, detail: o.detail, info: o.info, apply: o.apply, boost: o.boost })),
      validFor: /^[\w./:-]*$/,
    };
  };
}

const hover = hoverTooltip((view, pos) => {
  const doc = hoverAt(view.state.doc.toString(), pos);
  if (!doc) return null;
  return {
    pos: doc.from,
    end: doc.to,
    above: true,
    create() {
      const dom = document.createElement('div');
      const title = document.createElement('div');
      title.className = 'cm-np-hover-title';
      title.textContent = `${doc.title} (${doc.kind})`;
      const body = document.createElement('div');
      body.textContent = doc.doc;
      dom.append(title, body);
      if (doc.values?.length) {
        const values = document.createElement('div');
        values.textContent = `values: ${doc.values.join(', ')}`;
        dom.append(values);
      }
      return { dom };
    },
  };
});

/** Creates the editor in `opts.parent`. */
export function createEditor(opts: CreateEditorOptions): EditorHandle {
  const vimCompartment = new Compartment();
  const submitKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          opts.onSubmit();
          return true;
        },
      },
    ]),
  );
  const extensions: Extension[] = [
    vimCompartment.of([]),
    submitKeys,
    basicSetup,
    keymap.of([indentWithTab]),
    yaml(),
    theme,
    highlightField,
    EditorState.tabSize.of(2),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': opts.label, 'aria-multiline': 'true' }),
    // Esc then Tab leaves the editor (WCAG "no keyboard trap"); Esc is not consumed so vim still sees it.
    EditorView.domEventHandlers({
      keydown(event, view) {
        if (event.key === 'Escape') view.setTabFocusMode(2000);
        return false;
      },
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) opts.onChange(u.state.doc.toString());
    }),
  ];
  if (opts.readOnly) {
    extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
  } else if (!opts.plainYaml) {
    extensions.push(
      autocompletion({ override: [completionSource(opts.cluster, opts.taskNamespace)], activateOnTyping: true }),
      hover,
      lintGutter(),
      linter(
        (view): CmDiagnostic[] => {
          const text = view.state.doc.toString();
          const diags = liveDiagnostics(text, { cluster: opts.cluster, taskNamespace: opts.taskNamespace });
          return toEditorDiagnostics(diags, text);
        },
        { delay: 400 },
      ),
    );
  }
  const view = new EditorView({ parent: opts.parent, state: EditorState.create({ doc: opts.text, extensions }) });

  async function setVim(enabled: boolean) {
    if (!enabled) {
      view.dispatch({ effects: vimCompartment.reconfigure([]) });
      return;
    }
    const { vim } = await import('@replit/codemirror-vim');
    view.dispatch({ effects: vimCompartment.reconfigure(vim()) });
  }
  if (opts.vim) void setVim(true);

  return {
    view,
    setVim,
    highlightLine(line: number) {
      const span = lineSpan(view.state.doc.toString(), line);
      if (!span) return;
      view.dispatch({ effects: [setHighlight.of(line), EditorView.scrollIntoView(span.from, { y: 'center' })], selection: { anchor: span.from } });
      view.focus();
    },
    setText(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    destroy: () => view.destroy(),
  };
}
