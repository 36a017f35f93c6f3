import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "../i18n/i18n.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { TEMPLATES, type Template } from "./templates.ts";
import "./editor-tabs.css";

export interface FileTabsProps {
  names: readonly string[];
  active: string;
  onOpen: (name: string) => void;
  onNew: (template: Template) => void;
  /** Returns why the name cannot be used, or undefined once renamed. */
  onRename: (from: string, to: string) => string | undefined;
  onClose: (name: string) => void;
}

function RenameInput({
  name,
  onDone,
  onRename,
}: {
  name: string;
  onDone: () => void;
  onRename: FileTabsProps["onRename"];
}) {
  const t = useT();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(0, name.replace(/\.ya?ml$/, "").length);
  }, [name]);
  const commit = () => {
    const to = draft.trim();
    if (to === name) return onDone();
    const p = onRename(name, to);
    if (p) setProblem(p);
    else onDone();
  };
  return (
    <span className="editor-tabs__rename">
      <input
        ref={ref}
        className="editor-tabs__input"
        value={draft}
        aria-label={t("files.renameLabel", { name })}
        aria-invalid={problem !== undefined}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") onDone();
        }}
        onBlur={onDone}
        size={Math.max(8, draft.length)}
      />
      {problem && (
        <span className="editor-tabs__problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

function NewMenu({ onNew }: { onNew: FileTabsProps["onNew"] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);
  return (
    <div className="editor-tabs__new" ref={ref}>
      <button
        type="button"
        className="editor-tabs__new-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title={t("files.newTitle")}
        data-testid="new-file"
      >
        {t("files.new")}
      </button>
      {open && (
        <ul className="editor-tabs__menu" role="menu">
          {TEMPLATES.map((tpl) => (
            <li key={tpl.id} role="none">
              <button
                type="button"
                role="menuitem"
                className="editor-tabs__menu-item"
                onClick={() => {
                  setOpen(false);
                  onNew(tpl);
                }}
              >
                {t(`template.${tpl.id}` as MessageKey)}
                <span className="editor-tabs__menu-file">{tpl.file}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The editor's files as tabs: click to show, double-click to rename, × to close, + New. */
export function FileTabs({ names, active, onOpen, onNew, onRename, onClose }: FileTabsProps) {
  const t = useT();
  const [renaming, setRenaming] = useState<string | undefined>();
  return (
    // A plain group, not a tablist: each file also has a close button and the group ends with
    // the New menu, which a tablist may not contain (axe aria-required-children).
    <div className="editor-tabs" role="group" aria-label={t("editor.files")}>
      {names.map((name) => (
        <div
          key={name}
          className={`editor-tabs__tab${name === active ? " editor-tabs__tab--active" : ""}`}
        >
          {renaming === name ? (
            <RenameInput name={name} onRename={onRename} onDone={() => setRenaming(undefined)} />
          ) : (
            <button
              type="button"
              aria-current={name === active ? "true" : undefined}
              className="editor-tabs__label"
              title={t("files.tabTitle", { name })}
              data-testid="editor-file-tab"
              data-file={name}
              onClick={() => onOpen(name)}
              onDoubleClick={() => setRenaming(name)}
              onKeyDown={(e) => {
                if (e.key === "F2") setRenaming(name);
              }}
            >
              {name}
            </button>
          )}
          {names.length > 1 && renaming !== name && (
            <button
              type="button"
              className="editor-tabs__close"
              aria-label={t("files.close", { name })}
              title={t("files.close", { name })}
              onClick={() => onClose(name)}
            >
              ×
            </button>
          )}
        </div>
      ))}
      <NewMenu onNew={onNew} />
    </div>
  );
}
