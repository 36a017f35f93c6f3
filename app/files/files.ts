/**
 * The editor's files (tabs) as plain values: name → text, in tab order. Pure helpers that return
 * the next files and the tab to show; the runtime stores and saves them (LabActions.setFiles), and
 * the terminal sees each by its name (`kubectl apply -f cronjob.yaml`).
 */
export type Files = Readonly<Record<string, string>>;

/** A file name the terminal can type without quoting: no slashes or spaces, a YAML extension. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\.ya?ml$/;

/** Why `name` cannot be used (undefined when it can). */
export function fileNameProblem(name: string, files: Files, current?: string): string | undefined {
  if (!FILE_NAME.test(name))
    return "Use letters, digits, '.', '-' or '_', ending in .yaml or .yml (no spaces or slashes).";
  if (name !== current && Object.hasOwn(files, name)) return `There is already a file ${name}.`;
  return undefined;
}

/** `job.yaml`, then `job-2.yaml`, `job-3.yaml`… whichever is free. */
export function uniqueName(wanted: string, files: Files): string {
  if (!Object.hasOwn(files, wanted)) return wanted;
  const m = /^(.*?)(?:-(\d+))?(\.ya?ml)$/.exec(wanted);
  const base = m ? m[1] : wanted;
  const ext = m ? m[3] : ".yaml";
  for (let n = 2; ; n++) {
    const name = `${base}-${n}${ext}`;
    if (!Object.hasOwn(files, name)) return name;
  }
}

export interface FilesChange {
  files: Files;
  active: string;
}

/** Add a file after the others and show it. */
export function addFile(files: Files, wanted: string, text: string): FilesChange {
  const name = uniqueName(wanted, files);
  return { files: { ...files, [name]: text }, active: name };
}

/** Rename in place (the tab keeps its position). */
export function renameFile(files: Files, from: string, to: string, active: string): FilesChange {
  if (from === to || !Object.hasOwn(files, from)) return { files, active };
  const next: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) next[name === from ? to : name] = text;
  return { files: next, active: active === from ? to : active };
}

/**
 * Close a tab; the neighbour on its right (else left) is shown if it was the active one. The last
 * file cannot be closed: an empty editor would leave `kubectl apply -f` nothing to read.
 */
export function closeFile(files: Files, name: string, active: string): FilesChange {
  const names = Object.keys(files);
  const i = names.indexOf(name);
  if (i < 0 || names.length === 1) return { files, active };
  const next: Record<string, string> = { ...files };
  delete next[name];
  const rest = Object.keys(next);
  return { files: next, active: active === name ? rest[Math.min(i, rest.length - 1)] : active };
}

/**
 * The tab `kubectl edit` opens. kubectl edits a temp file named `kubectl-edit-<random>.yaml`;
 * the lab names the object instead (`kubectl-edit-job-pi.yaml`), so each object has one tab.
 */
export function editFileName(kind: string, name: string, namespace?: string): string {
  const ns = namespace && namespace !== "default" ? `${namespace}-` : "";
  return `kubectl-edit-${kind.toLowerCase()}-${ns}${name}.yaml`;
}
