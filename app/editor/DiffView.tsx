import { useEffect, useEffectEvent, useRef } from "react";
import { THEME, monaco } from "./monaco.ts";
import "./diff-view.css";

export interface DiffViewProps {
  /** Live objects (left). */
  original: string;
  /** After the apply (right). */
  modified: string;
  theme?: "dark" | "light";
}

/**
 * A read-only side-by-side diff (Monaco's diff editor): the live objects against what Apply would
 * make of the file. Default export for `React.lazy`; it shares the Monaco chunk with the editor.
 */
export default function DiffView({ original, modified, theme = "dark" }: DiffViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const initialTheme = useEffectEvent(() => THEME[theme]);
  const texts = useEffectEvent(() => ({ original, modified }));
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const diff = monaco.editor.createDiffEditor(el, {
      theme: initialTheme(),
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineHeight: 18,
      renderOverviewRuler: false,
      hideUnchangedRegions: { enabled: false },
    });
    const { original: a, modified: b } = texts();
    const left = monaco.editor.createModel(a, "yaml");
    const right = monaco.editor.createModel(b, "yaml");
    diff.setModel({ original: left, modified: right });
    diffRef.current = diff;
    return () => {
      diffRef.current = null;
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, []);

  useEffect(() => {
    const model = diffRef.current?.getModel();
    if (!model) return;
    if (model.original.getValue() !== original) model.original.setValue(original);
    if (model.modified.getValue() !== modified) model.modified.setValue(modified);
  }, [original, modified]);

  return <div ref={ref} className="diff-view" data-testid="diff-editor" />;
}
