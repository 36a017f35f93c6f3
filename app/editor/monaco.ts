// The one place Monaco is configured. Reached only through the lazily loaded YamlEditor, so none of
// this lands in the app shell's chunk.
//
// `monaco-editor/editor` is the tree-shakeable core (0.56+); each editor feature is opted into below.
// Importing the full `monaco-editor` entry instead would drag in the CSS/HTML/JSON/TS language
// services and their workers (TOOLCHAIN.md §6.4).
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoLine/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/documentSymbols/register";
import "monaco-editor/features/quickOutline/register";
import "monaco-editor/features/quickCommand/register";
import "monaco-editor/features/links/register";
// The `kubectl diff`-like view before Apply (DiffView.tsx).
import "monaco-editor/features/diffEditor/register";
// Flags non-breaking spaces and look-alike characters pasted from web pages, a classic way to
// break YAML indentation without seeing why.
import "monaco-editor/features/unicodeHighlighter/register";
// Registry gaps in 0.56/0.57: `features/suggest/register` does not load the suggest controller
// (Ctrl+Space and completions silently do nothing), nor does gotoSymbol load its commands
// (TOOLCHAIN.md §6.3).
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/languages/definitions/yaml/register";
import { configureMonacoYaml } from "monaco-yaml";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import YamlWorker from "./yaml.worker?worker";
import kubernetesSchema from "../../src/schemas/kubernetes.schema.json";

export { monaco };

/** Marker owners. monaco-yaml writes "yaml"; each source of ours has its own so none wipes another. */
export const MARKER_OWNER = {
  schema: "yaml",
  external: "batch-lab.external",
  syntax: "batch-lab.syntax",
  /** The API server's dry run while typing (app/lab/apply-markers.ts checkMarkers). */
  check: "batch-lab.check",
} as const;

export const THEME = { dark: "batch-lab-dark", light: "batch-lab-light" } as const;

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === "yaml" ? new YamlWorker() : new EditorWorker(),
};

interface LegacyWorkerOptions {
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5.5.1 (through monaco-worker-manager 2.0.1) still calls the pre-0.53
 * `createWebWorker({ label, moduleId, createData })`, which current Monaco no longer understands:
 * the YAML worker would never start (TOOLCHAIN.md §6.2). This adapter does what Monaco's own language
 * services do internally: create the worker, send the bootstrap the worker expects ("ignore", then
 * createData), and hand it to the current `createWebWorker({ worker, host, keepIdleModels })`.
 */
function createLegacyWebWorker(options: LegacyWorkerOptions) {
  const worker = new YamlWorker();
  worker.postMessage("ignore");
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker({
    worker,
    host: options.host,
    keepIdleModels: options.keepIdleModels,
  });
}

/**
 * One combined schema for every kind; its root dispatches on `kind` with if/then
 * (src/schemas/README.md). yaml-language-server validates each `---` document on its own against
 * the root, so a Secret and a Job in one file are each checked against their own definition.
 */
configureMonacoYaml(
  { ...monaco, editor: { ...monaco.editor, createWebWorker: createLegacyWebWorker } },
  {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    hoverSchemaSource: false, // the schema URI is not a page anyone can open
    completion: true,
    format: { enable: true, printWidth: 100, proseWrap: "preserve", singleQuote: false },
    schemas: [
      {
        uri: "https://batch-lab.invalid/schemas/kubernetes.json",
        fileMatch: ["*.yaml", "*.yml"],
        schema: kubernetesSchema,
      },
    ],
  },
);

monaco.editor.defineTheme(THEME.dark, {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "type", foreground: "7cc4ff" }, // mapping keys
    { token: "string", foreground: "a8d8a0" },
    { token: "number", foreground: "f2b872" },
    { token: "keyword", foreground: "d4a6f7" }, // true/false/null
    { token: "comment", foreground: "8a9bb0", fontStyle: "italic" },
    { token: "operators", foreground: "8b9bb0" },
    { token: "delimiter", foreground: "8b9bb0" },
  ],
  colors: {
    "editor.background": "#0f151c",
    "editor.foreground": "#dbe3ec",
    "editorLineNumber.foreground": "#7d8fa3", // ≥ 4.5:1 on the background (WCAG AA)
    "editorLineNumber.activeForeground": "#9fb3c8",
    "editor.lineHighlightBackground": "#16202b",
    "editor.lineHighlightBorder": "#16202b",
    "editor.selectionBackground": "#264f78",
    "editorIndentGuide.background1": "#1e2935",
    "editorIndentGuide.activeBackground1": "#34475c",
    "editorGutter.background": "#0f151c",
    "editorWidget.background": "#141c25",
    "editorWidget.border": "#26333f",
    "editorHoverWidget.background": "#141c25",
    "editorHoverWidget.border": "#2b3a4a",
    "editorSuggestWidget.background": "#141c25",
    "editorSuggestWidget.border": "#2b3a4a",
    "editorSuggestWidget.selectedBackground": "#1f3550",
    "scrollbarSlider.background": "#2a384680",
    "scrollbarSlider.hoverBackground": "#3a4b5d99",
    "editorError.foreground": "#ff6b6b",
    "editorWarning.foreground": "#f5b945",
  },
});

monaco.editor.defineTheme(THEME.light, {
  base: "vs",
  inherit: true,
  rules: [
    { token: "type", foreground: "0b5cad" },
    { token: "string", foreground: "2e7d32" },
    { token: "number", foreground: "b45309" },
    { token: "keyword", foreground: "7b3fb5" },
    { token: "comment", foreground: "5e6a77", fontStyle: "italic" },
  ],
  // Matches the light palette in styles.css (--panel, --border, --accent, state colours).
  colors: {
    "editor.background": "#ffffff",
    "editor.lineHighlightBackground": "#f3f6f9",
    "editor.lineHighlightBorder": "#f3f6f9",
    "editorLineNumber.foreground": "#636c76", // ≥ 4.5:1 on the background (WCAG AA)
    "editorLineNumber.activeForeground": "#1f2328",
    "editor.selectionBackground": "#b6e3ff",
    "editorIndentGuide.background1": "#e4e9ee",
    "editorIndentGuide.activeBackground1": "#c3cbd3",
    "editorGutter.background": "#ffffff",
    "editorWidget.background": "#ffffff",
    "editorWidget.border": "#d5dbe1",
    "editorHoverWidget.background": "#ffffff",
    "editorHoverWidget.border": "#c3cbd3",
    "editorSuggestWidget.background": "#ffffff",
    "editorSuggestWidget.border": "#c3cbd3",
    "editorSuggestWidget.selectedBackground": "#ddf4ff",
    "scrollbarSlider.background": "#8c959f40",
    "scrollbarSlider.hoverBackground": "#8c959f66",
    "editorError.foreground": "#c21f2b",
    "editorWarning.foreground": "#875b00",
  },
});
