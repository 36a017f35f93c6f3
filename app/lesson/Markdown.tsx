import { memo, useMemo, type ReactNode } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { demoCommand } from "./demo-command.ts";
import { parseInline, parseMarkdown, type Block, type Inline } from "./markdown.ts";

interface Props {
  source: string;
  /** When given, kubectl commands in the text get a ▶ button that runs them in the terminal. */
  onRun?: (command: string) => void;
  className?: string;
}

function RunButton({ command, onRun }: { command: string; onRun: (command: string) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="md-run"
      onClick={() => onRun(command)}
      title={t("lesson.runInTerminal")}
      aria-label={t("lesson.runCommand", { command })}
      data-testid="run-command"
    >
      ▶
    </button>
  );
}

/** Inline nodes; inside emphasis (the pack's asides, e.g. "older tutorials use …") nothing runs. */
function inlines(nodes: readonly Inline[], onRun: Props["onRun"]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case "text":
        return n.text;
      case "code": {
        const command = onRun ? demoCommand(n.text) : undefined;
        return command && onRun ? (
          <span key={i} className="md-cmd">
            <code>{n.text}</code>
            <RunButton command={command} onRun={onRun} />
          </span>
        ) : (
          <code key={i}>{n.text}</code>
        );
      }
      case "em":
        return <em key={i}>{inlines(n.children, undefined)}</em>;
      case "strong":
        return <strong key={i}>{inlines(n.children, onRun)}</strong>;
      case "link":
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
            {inlines(n.children, onRun)}
          </a>
        );
    }
  });
}

function CodeBlock({ text, onRun }: { text: string; onRun: Props["onRun"] }) {
  const lines = text.split("\n");
  const runnable = onRun && lines.some((l) => demoCommand(l) !== undefined);
  if (!runnable || !onRun) {
    return (
      <pre className="md-pre">
        <code>{text}</code>
      </pre>
    );
  }
  return (
    <pre className="md-pre md-pre--runnable">
      {lines.map((l, i) => {
        const command = demoCommand(l);
        return (
          <span key={i} className="md-pre__line">
            <code>{l}</code>
            {command && <RunButton command={command} onRun={onRun} />}
          </span>
        );
      })}
    </pre>
  );
}

function blocks(nodes: readonly Block[], onRun: Props["onRun"], tight = false): ReactNode[] {
  return nodes.map((b, i) => {
    switch (b.type) {
      case "heading": {
        // Pack headings sit under the panel's own title: h1/h2 become h3, and so on.
        const level = Math.min(6, b.level + 2);
        const H = `h${level}` as "h3" | "h4" | "h5" | "h6";
        return (
          <H key={i} className="md-h">
            {inlines(b.children, onRun)}
          </H>
        );
      }
      case "paragraph":
        return tight ? (
          <span key={i} className="md-tight">
            {inlines(b.children, onRun)}
          </span>
        ) : (
          <p key={i}>{inlines(b.children, onRun)}</p>
        );
      case "code":
        return <CodeBlock key={i} text={b.text} onRun={onRun} />;
      case "quote":
        return <blockquote key={i}>{blocks(b.children, onRun)}</blockquote>;
      case "list": {
        const items = b.items.map((item, j) => (
          <li key={j}>{blocks(item, onRun, item.length === 1 || item[0]?.type === "paragraph")}</li>
        ));
        return b.ordered ? (
          <ol key={i} start={b.start === 1 ? undefined : b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
    }
  });
}

/** One line of Markdown (code, emphasis, links): goal wordings, "expected …", "found …". */
export const InlineMarkdown = memo(function InlineMarkdown({ source }: { source: string }) {
  const nodes = useMemo(() => parseInline(source), [source]);
  return <>{inlines(nodes, undefined)}</>;
});

/** Pack Markdown as React elements (never HTML strings): see markdown.ts for what is supported. */
export const Markdown = memo(function Markdown({ source, onRun, className }: Props) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return <div className={`md ${className ?? ""}`}>{blocks(tree, onRun)}</div>;
});
