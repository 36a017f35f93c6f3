// Temporary host page for the manifest editor; the real layout replaces it.
import { lazy, Suspense, useState } from "react";
import type { EditorMarker } from "./editor/types.ts";
import { yamlSyntaxMarkers } from "./editor/yaml-syntax.ts";

const YamlEditor = lazy(() => import("./editor/YamlEditor.tsx"));

const SAMPLE_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
`;

/**
 * Stand-in for the simulated API server until the real layout wires the cluster in: it reports a
 * syntax error, or a document without metadata.name, the way an apply would, as external markers.
 */
function pretendApply(text: string): EditorMarker[] {
  const syntax = yamlSyntaxMarkers(text);
  if (syntax.length > 0) return syntax;
  const problems: EditorMarker[] = [];
  const lines = text.split("\n");
  let kindLine = 0;
  let kind = "";
  let hasName = false;
  const endDocument = () => {
    if (kindLine > 0 && !hasName) {
      problems.push({
        line: kindLine,
        column: 1,
        severity: "error",
        message: `The ${kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
        source: "kube-apiserver",
      });
    }
    kindLine = 0;
    hasName = false;
  };
  lines.forEach((line, i) => {
    if (/^---/.test(line)) endDocument();
    const k = /^kind:\s*(\S+)/.exec(line);
    if (k) [kindLine, kind] = [i + 1, k[1]];
    if (/^\s+(generateName|name):\s*\S/.test(line) && /^metadata:/.test(lines[i - 1] ?? "")) {
      hasName = true;
    }
  });
  endDocument();
  return problems;
}

export default function App() {
  const [text, setText] = useState(SAMPLE_JOB);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [applied, setApplied] = useState(0);
  const apply = () => {
    setMarkers(pretendApply(text));
    setApplied((n) => n + 1);
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Batch Lab
        </span>
        <span className="file-tab">job.yaml</span>
        <span className="hint">
          <kbd>Ctrl</kbd>+<kbd>Space</kbd> complete · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> apply
          {applied > 0 && (
            <span className={markers.length ? "status status--bad" : "status status--ok"}>
              {markers.length ? `${markers.length} problem(s)` : "applied"}
            </span>
          )}
        </span>
      </header>
      <main className="editor-pane">
        <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
          <YamlEditor
            path="job.yaml"
            value={text}
            onChange={setText}
            markers={markers}
            onApply={apply}
          />
        </Suspense>
      </main>
    </div>
  );
}
