import { monaco } from "./monaco.ts";

/**
 * Snippet completions for the blocks learners type most and get wrong most: a container list,
 * env vars, resources, a podFailurePolicy. Offered at a key position, next to the schema's own
 * completions; tab stops walk through the values to change.
 */
export interface Snippet {
  label: string;
  detail: string;
  body: string;
}

export const SNIPPETS: readonly Snippet[] = [
  {
    label: "containers",
    detail: "a container list with one container",
    body: [
      "containers:",
      "  - name: ${1:main}",
      "    image: ${2:busybox:1.36}",
      '    command: ["sh", "-c", "${3:echo hello; sleep 5}"]',
    ].join("\n"),
  },
  {
    label: "env",
    detail: "environment variables, one literal and one from a Secret",
    body: [
      "env:",
      "  - name: ${1:GREETING}",
      '    value: "${2:hello}"',
      "  - name: ${3:PASSWORD}",
      "    valueFrom:",
      "      secretKeyRef:",
      "        name: ${4:db-credentials}",
      "        key: ${5:password}",
    ].join("\n"),
  },
  {
    label: "resources",
    detail: "CPU and memory requests and a memory limit",
    body: [
      "resources:",
      "  requests:",
      "    cpu: ${1:100m}",
      "    memory: ${2:64Mi}",
      "  limits:",
      "    memory: ${3:128Mi}",
    ].join("\n"),
  },
  {
    label: "podFailurePolicy",
    detail: "fail the Job on exit code 42, ignore disruptions (needs restartPolicy: Never)",
    body: [
      "podFailurePolicy:",
      "  rules:",
      "    - action: ${1|FailJob,Ignore,Count,FailIndex|}",
      "      onExitCodes:",
      "        containerName: ${2:main}",
      "        operator: In",
      "        values: [${3:42}]",
      "    - action: Ignore",
      "      onPodConditions:",
      "        - type: DisruptionTarget",
    ].join("\n"),
  },
];

let registered = false;

/** Register once per page (the provider serves every YAML model). */
export function registerSnippets(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider("yaml", {
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      // Only where a key starts: indentation, an optional `- `, then the word being typed.
      if (!/^\s*(-\s+)?[A-Za-z]*$/.test(before)) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      return {
        suggestions: SNIPPETS.map((s) => ({
          label: { label: s.label, description: "snippet" },
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: s.detail,
          documentation: {
            value:
              "```yaml\n" +
              s.body.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}/g, "$1$2") +
              "\n```",
          },
          insertText: s.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          filterText: s.label,
          sortText: `~${s.label}`, // after the schema's own key completions
          range,
        })),
      };
    },
  });
}
