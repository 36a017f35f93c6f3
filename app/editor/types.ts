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

/** What the host may ask of a mounted editor. */
export interface YamlEditorHandle {
  /** Format the document (monaco-yaml's formatter). */
  format(): void;
  focus(): void;
  /** Put the cursor at a position and scroll it into view. */
  reveal(line: number, column: number): void;
}

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /**
   * Problems reported outside the editor (e.g. by the simulated API server on Apply). They are
   * kept in their own marker owner, so the schema validator's markers and these never overwrite
   * each other.
   */
  markers?: readonly EditorMarker[];
  /** Problems found by checking the text as it is typed (the API server's dry run). */
  checkMarkers?: readonly EditorMarker[];
  /** Ctrl/Cmd+Enter. Without it the key keeps Monaco's default ("insert line below"). */
  onApply?: () => void;
  theme?: "dark" | "light";
  /** Model name, e.g. "job.yaml". One model (and undo history) per path. Defaults to "manifest.yaml". */
  path?: string;
  /**
   * Virtual time (epoch ms) for the schedule hints after `schedule:` lines. Without it no hint
   * is shown. Re-rendering with a new minute refreshes the hints.
   */
  now?: number;
  /** Called with the editor's handle once it exists, and with null when it goes. */
  onReady?: (handle: YamlEditorHandle | null) => void;
  /** Show the problems list under the editor (default true). */
  showProblems?: boolean;
}
