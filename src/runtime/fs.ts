import { ms, type Millis } from "../sim/time.ts";
import type { FileSystem } from "./types.ts";

const NOT_NORMAL = /\/\/|\/\.|.\/$/;

/** Resolve `path` against `cwd` and normalise it (`.`, `..`, repeated and trailing slashes). */
export function resolvePath(cwd: string, path: string): string {
  // Fast path: already absolute and normal (the common case; this runs on every fs call).
  if (path.charCodeAt(0) === 47 && !NOT_NORMAL.test(path)) return path;
  const full = path.startsWith("/") ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of full.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path === "" ? "" : "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

type Node = { kind: "dir"; children: Map<string, Node>; mtime: Millis } | FileNode;
type FileNode = { kind: "file"; data: string; mtime: Millis };

interface Mount {
  path: string;
  fs: FileSystem;
  readOnly: boolean;
}

/** Limits so a runaway `while true; do echo x >> f; done` cannot eat the tab (STYLE.md habit 7). */
export const FS_LIMITS = { maxFileBytes: 4 * 1024 * 1024, maxNodes: 10_000 } as const;

/**
 * An in-memory filesystem. Other filesystems can be mounted at a path (`mount`): that is how a
 * pod's `emptyDir` volume — one MemoryFs — is shared by two containers, each of which has its
 * own root MemoryFs with the volume mounted at its `mountPath`. Paths are normalised here too,
 * so callers may pass relative-looking junk safely ("/a//b/../c").
 */
export class MemoryFs implements FileSystem {
  private root: Node;
  private mounts: Mount[] = [];
  private nodes = 1;
  /** Directories `ensureDirs` noted, made on first access (at `pendingAt`). */
  private pendingDirs?: readonly string[];
  private pendingAt = ms(0);
  private readonly now: () => Millis;

  /** `files` seeds the tree: path → content (directories are created as needed). */
  constructor(now: () => Millis, files: Record<string, string> = {}) {
    this.now = now;
    this.root = { kind: "dir", children: new Map(), mtime: now() };
    for (const [path, data] of Object.entries(files)) {
      if (path.endsWith("/")) this.mkdir(path, true);
      else {
        this.mkdir(dirname(resolvePath("/", path)), true);
        this.writeFile(path, data);
      }
    }
  }

  /** Mount `fs` at `path` (created if missing). A later mount at the same path hides the older one. */
  mount(path: string, fs: FileSystem, opts: { readOnly?: boolean } = {}): void {
    if (this.pendingDirs) this.makePendingDirs();
    const p = resolvePath("/", path);
    if (!this.isDir(p)) this.mkdir(p, true);
    this.mounts = [
      { path: p, fs, readOnly: opts.readOnly ?? false },
      ...this.mounts.filter((m) => m.path !== p),
    ].sort((a, b) => b.path.length - a.path.length);
  }

  private route(path: string): { fs: FileSystem; rest: string; readOnly: boolean } | undefined {
    const p = resolvePath("/", path);
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(m.path === "/" ? "/" : `${m.path}/`)) {
        return { fs: m.fs, rest: resolvePath("/", p.slice(m.path.length)), readOnly: m.readOnly };
      }
    }
    return undefined;
  }

  private lookup(path: string): Node | undefined {
    if (this.pendingDirs) this.makePendingDirs();
    const p = resolvePath("/", path);
    let node: Node = this.root;
    // Walk the normalised path segment by segment (no split: this runs on every fs call).
    for (let i = 1; i < p.length;) {
      let j = p.indexOf("/", i);
      if (j < 0) j = p.length;
      if (node.kind !== "dir") return undefined;
      const next = node.children.get(p.slice(i, j));
      if (!next) return undefined;
      node = next;
      i = j + 1;
    }
    return node;
  }

  readFile(path: string): string | undefined {
    const r = this.route(path);
    if (r) return r.fs.readFile(r.rest);
    const n = this.lookup(path);
    return n?.kind === "file" ? n.data : undefined;
  }

  writeFile(path: string, data: string, append = false): boolean {
    const r = this.route(path);
    if (r) return !r.readOnly && r.fs.writeFile(r.rest, data, append);
    const p = resolvePath("/", path);
    const parent = this.lookup(dirname(p));
    if (parent?.kind !== "dir" || p === "/") return false;
    const name = basename(p);
    const existing = parent.children.get(name);
    if (existing?.kind === "dir") return false;
    const content = append && existing ? existing.data + data : data;
    if (content.length > FS_LIMITS.maxFileBytes) return false;
    if (existing) {
      existing.data = content;
      existing.mtime = this.now();
    } else {
      if (this.nodes >= FS_LIMITS.maxNodes) return false;
      this.nodes++;
      parent.children.set(name, { kind: "file", data: content, mtime: this.now() });
      parent.mtime = this.now();
    }
    return true;
  }

  /** Set a file's modification time (`touch -d`, tests of `find -mtime`). */
  setMtime(path: string, t: Millis): boolean {
    const n = this.lookup(path);
    if (!n) return false;
    n.mtime = t;
    return true;
  }

  exists(path: string): boolean {
    const r = this.route(path);
    if (r) return r.fs.exists(r.rest);
    return this.lookup(path) !== undefined;
  }

  isDir(path: string): boolean {
    const r = this.route(path);
    if (r) return r.fs.isDir(r.rest);
    return this.lookup(path)?.kind === "dir";
  }

  mkdir(path: string, parents = false): boolean {
    const r = this.route(path);
    if (r) return !r.readOnly && r.fs.mkdir(r.rest, parents);
    const p = resolvePath("/", path);
    if (p === "/") return parents;
    const parentPath = dirname(p);
    if (!this.isDir(parentPath)) {
      if (!parents || !this.mkdir(parentPath, true)) return false;
    }
    const pr = this.route(parentPath);
    if (pr) return !pr.readOnly && pr.fs.mkdir(resolvePath(pr.rest, basename(p)), parents);
    const parent = this.lookup(parentPath);
    if (parent?.kind !== "dir") return false;
    const existing = parent.children.get(basename(p));
    if (existing) return parents && existing.kind === "dir";
    if (this.nodes >= FS_LIMITS.maxNodes) return false;
    this.nodes++;
    parent.children.set(basename(p), { kind: "dir", children: new Map(), mtime: this.now() });
    parent.mtime = this.now();
    return true;
  }

  /**
   * `if (!isDir(p)) mkdir(p, true)` for each of `paths` (absolute, normal). Every container
   * start creates the base directories and most programs never look at them, so with nothing
   * mounted they are only noted (with the time) and made on the first access of the tree.
   */
  ensureDirs(paths: readonly string[]): void {
    if (this.mounts.length > 0) {
      for (const p of paths) if (!this.isDir(p)) this.mkdir(p, true);
      return;
    }
    if (this.pendingDirs) this.makePendingDirs();
    this.pendingDirs = paths;
    this.pendingAt = this.now();
  }

  private makePendingDirs(): void {
    const paths = this.pendingDirs!;
    const t = this.pendingAt;
    this.pendingDirs = undefined;
    for (const p of paths) {
      let node: Node = this.root;
      for (let i = 1; i < p.length;) {
        let j = p.indexOf("/", i);
        if (j < 0) j = p.length;
        if (node.kind !== "dir") break;
        const name = p.slice(i, j);
        let next = node.children.get(name);
        if (!next) {
          if (this.nodes >= FS_LIMITS.maxNodes) break;
          this.nodes++;
          next = { kind: "dir", children: new Map(), mtime: t };
          node.children.set(name, next);
          node.mtime = t;
        }
        node = next;
        i = j + 1;
      }
    }
  }

  remove(path: string, recursive = false): boolean {
    const p = resolvePath("/", path);
    if (this.mounts.some((m) => m.path === p)) return false; // "Device or resource busy"
    const r = this.route(p);
    if (r) return !r.readOnly && r.fs.remove(r.rest, recursive);
    if (p === "/") return false;
    const parent = this.lookup(dirname(p));
    if (parent?.kind !== "dir") return false;
    const node = parent.children.get(basename(p));
    if (!node) return false;
    if (node.kind === "dir" && node.children.size > 0 && !recursive) return false;
    parent.children.delete(basename(p));
    this.nodes -= countNodes(node);
    parent.mtime = this.now();
    return true;
  }

  list(path: string): string[] | undefined {
    const p = resolvePath("/", path);
    const r = this.route(p);
    const names = r ? r.fs.list(r.rest) : undefined;
    let out: string[] | undefined = names;
    if (!r) {
      const n = this.lookup(p);
      if (n?.kind !== "dir") return undefined;
      out = [...n.children.keys()];
    }
    if (!out) return undefined;
    // Mount points directly below `p` show up even if the underlying directory is elsewhere.
    for (const m of this.mounts) {
      if (m.path !== p && dirname(m.path) === p && !out.includes(basename(m.path))) {
        out.push(basename(m.path));
      }
    }
    return out.sort();
  }

  mtime(path: string): Millis | undefined {
    const r = this.route(path);
    if (r) return r.fs.mtime(r.rest);
    const n = this.lookup(path);
    return n ? ms(n.mtime) : undefined;
  }
}

function countNodes(n: Node): number {
  if (n.kind === "file") return 1;
  let c = 1;
  for (const child of n.children.values()) c += countNodes(child);
  return c;
}

/** The directories every image has, so `ls /` and `cd /tmp` behave. */
export const BASE_DIRS = [
  "/bin",
  "/dev",
  "/etc",
  "/home",
  "/proc",
  "/root",
  "/sys",
  "/tmp",
  "/usr/bin",
  "/usr/local/bin",
  "/var/log",
  "/var/tmp",
];

/** A fresh root filesystem for a container: base directories plus /etc/hostname. */
export function containerFs(now: () => Millis, hostname: string): MemoryFs {
  const fs = new MemoryFs(now, { "/etc/hostname": `${hostname}\n` });
  for (const d of BASE_DIRS) fs.mkdir(d, true);
  return fs;
}
