/** A problem to show in the manifest editor. Lines and columns are 1-based, like the editor's own. */
export interface EditorMarker {
  line: number;
  column: number;
  /** Defaults to `line`. */
  endLine?: number;
  /** Defaults to the end of the text on `endLine` (or, if that is empty, one character). */
  endColumn?: number;
  severity: "error" | "warning";
  message: string;
  /** Shown after the message in the hover, e.g. "kube-apiserver". */
  source?: string;
}

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /**
   * Problems reported outside the editor (e.g. by the simulated API server). They are kept in their
   * own marker owner, so the schema validator's markers and these never overwrite each other.
   */
  markers?: readonly EditorMarker[];
  /** Ctrl/Cmd+Enter. Without it the key keeps Monaco's default ("insert line below"). */
  onApply?: () => void;
  theme?: "dark" | "light";
  /** Model name, e.g. "job.yaml". One model (and undo history) per path. Defaults to "manifest.yaml". */
  path?: string;
}
