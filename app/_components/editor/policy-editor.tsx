'use client';

import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { EditorCluster } from '@/lib/editor/complete';
import type { EditorHandle } from './create-editor';

/** Imperative controls the exercise page uses (result rows highlight lines; "reset" replaces the text). */
export type PolicyEditorApi = {
  highlightLine(line: number): void;
  setText(text: string): void;
  focus(): void;
};

/** Props of the policy editor. */
export type PolicyEditorProps = {
  ref?: Ref<PolicyEditorApi>;
  id: string;
  label: string;
  initialText: string;
  cluster: EditorCluster | null;
  taskNamespace: string;
  vimMode: boolean;
  readOnly?: boolean;
  /** Plain YAML instead of NetworkPolicies: no policy completion, hover or diagnostics (authoring's cluster and expectations). */
  plainYaml?: boolean;
  onChange?(text: string): void;
  onSubmit?(): void;
};

/**
 * The YAML editor. Renders a plain textarea at once (usable, and what the server HTML contains), then swaps
 * in CodeMirror from a lazily loaded chunk so the exercise page's first load stays small.
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const { ref, id, label, initialText, cluster, taskNamespace, vimMode, readOnly } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<EditorHandle | null>(null);
  const textRef = useRef(initialText);
  const callbacks = useRef({ onChange: props.onChange, onSubmit: props.onSubmit });
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [fallbackText, setFallbackText] = useState(initialText);

  useEffect(() => {
    callbacks.current = { onChange: props.onChange, onSubmit: props.onSubmit };
  });

  useEffect(() => {
    let cancelled = false;
    import('./create-editor')
      .then(({ createEditor }) => {
        if (cancelled || !hostRef.current) return;
        handleRef.current = createEditor({
          parent: hostRef.current,
          text: textRef.current,
          readOnly,
          plainYaml: props.plainYaml,
          cluster,
          taskNamespace,
          label,
          vim: vimMode,
          onChange: (text) => {
            textRef.current = text;
            callbacks.current.onChange?.(text);
          },
          onSubmit: () => callbacks.current.onSubmit?.(),
        });
        setLoaded(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      handleRef.current?.destroy();
      handleRef.current = null;
    };
    // The editor is created once; later prop changes go through the handle (vim) or the ref (text).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    void handleRef.current?.setVim(vimMode);
  }, [vimMode, loaded]);

  useImperativeHandle(
    ref,
    () => ({
      highlightLine(line: number) {
        if (handleRef.current) handleRef.current.highlightLine(line);
        else {
          const ta = document.getElementById(`${id}-fallback`) as HTMLTextAreaElement | null;
          if (!ta) return;
          const lines = ta.value.split('\n');
          const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
          ta.focus();
          ta.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
        }
      },
      setText(text: string) {
        textRef.current = text;
        if (handleRef.current) handleRef.current.setText(text);
        else setFallbackText(text);
        callbacks.current.onChange?.(text);
      },
      focus() {
        if (handleRef.current) handleRef.current.view.focus();
        else document.getElementById(`${id}-fallback`)?.focus();
      },
    }),
    [id],
  );

  return (
    <div data-testid="policy-editor" data-editor-ready={loaded ? 'true' : 'false'}>
      <div ref={hostRef} id={id} />
      {!loaded && (
        <textarea
          id={`${id}-fallback`}
          aria-label={label}
          className="block h-72 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-[13px]"
          spellCheck={false}
          readOnly={readOnly}
          value={fallbackText}
          onChange={(e) => {
            setFallbackText(e.target.value);
            textRef.current = e.target.value;
            props.onChange?.(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              props.onSubmit?.();
            }
          }}
        />
      )}
      {failed && <p className="mt-1 text-sm text-amber-700">The rich editor could not load; this plain text box works the same way.</p>}
    </div>
  );
}
