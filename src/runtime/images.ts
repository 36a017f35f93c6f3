import type { ShellFlavor } from "./types.ts";

/**
 * The image catalogue: which repositories and tags "exist" in the lab's registry, how big they
 * are (compressed bytes, which the kubelet's pull time and `Pulled` event use, spec §3.5), which
 * programs they contain, which /bin/sh they have, and their default command.
 */

/** busybox applets the runtime simulates (busybox, alpine and alpine-based images). */
export const BUSYBOX_APPLETS: readonly string[] = [
  "sh",
  "ash",
  "echo",
  "printf",
  "test",
  "[",
  "true",
  "false",
  "sleep",
  "date",
  "expr",
  "cat",
  "grep",
  "egrep",
  "fgrep",
  "head",
  "tail",
  "wc",
  "sort",
  "uniq",
  "rev",
  "tr",
  "cut",
  "tee",
  "seq",
  "yes",
  "basename",
  "dirname",
  "hostname",
  "env",
  "printenv",
  "pwd",
  "id",
  "whoami",
  "uname",
  "nproc",
  "kill",
  "touch",
  "mkdir",
  "rm",
  "rmdir",
  "ls",
  "find",
  "cp",
  "mv",
  "mktemp",
  "wget",
];

/** A Debian/Ubuntu base: dash as /bin/sh, bash, GNU coreutils/grep/findutils, perl-base. */
export const DEBIAN_BASE: readonly string[] = [
  "sh",
  "bash",
  "echo",
  "printf",
  "test",
  "[",
  "true",
  "false",
  "sleep",
  "date",
  "expr",
  "cat",
  "grep",
  "egrep",
  "fgrep",
  "head",
  "tail",
  "wc",
  "sort",
  "uniq",
  "tr",
  "cut",
  "tee",
  "seq",
  "yes",
  "basename",
  "dirname",
  "hostname",
  "env",
  "printenv",
  "pwd",
  "id",
  "whoami",
  "uname",
  "nproc",
  "kill",
  "touch",
  "mkdir",
  "rm",
  "rmdir",
  "ls",
  "find",
  "cp",
  "mv",
  "mktemp",
  "perl",
];

/** buildpack-deps (the base of the perl and python images): Debian plus curl, wget… */
const BUILDPACK = [...DEBIAN_BASE, "curl", "wget", "rev"];

export interface ImageSpec {
  /** Known tags and their compressed size in bytes. */
  tags: Record<string, number>;
  programs: readonly string[];
  shell: ShellFlavor;
  /** The image's ENTRYPOINT (replaced by the container's `command`). */
  entrypoint: string[];
  /** The image's CMD (replaced by `args`, and dropped when `command` is given). */
  cmd: string[];
}

const MB = 1_000_000;

export const IMAGES: Record<string, ImageSpec> = {
  busybox: {
    tags: {
      latest: 2_161_423,
      "1.37": 2_161_423,
      "1.36": 2_155_872,
      "1.36.1": 2_155_872,
      "1.35": 2_219_604,
      "1.34": 2_215_712,
      "1.28": 727_869,
      "1.28.4": 727_869,
      stable: 2_161_423,
    },
    programs: BUSYBOX_APPLETS,
    shell: "ash",
    entrypoint: [],
    cmd: ["sh"],
  },
  alpine: {
    tags: {
      latest: 3_642_025,
      "3.21": 3_642_025,
      "3.20": 3_624_894,
      "3.19": 3_418_456,
      "3.18": 3_401_613,
      "3": 3_642_025,
    },
    programs: BUSYBOX_APPLETS,
    shell: "ash",
    entrypoint: [],
    cmd: ["/bin/sh"],
  },
  // The stress tool of the Kubernetes docs' memory-limit example (an alpine image).
  "polinux/stress": {
    tags: { latest: 4_031_213, "1.0.4": 4_031_213 },
    programs: [...BUSYBOX_APPLETS, "stress"],
    shell: "ash",
    entrypoint: [],
    cmd: ["stress"],
  },
  bash: {
    tags: { latest: 6_127_502, "5.2": 6_127_502, "5": 6_127_502 },
    programs: [...BUSYBOX_APPLETS, "bash"],
    shell: "ash",
    entrypoint: [],
    cmd: ["bash"],
  },
  perl: {
    tags: {
      latest: 345 * MB + 212_311,
      "5.40": 345 * MB + 212_311,
      "5.40.0": 345 * MB + 212_311,
      "5.38": 343 * MB + 80_144,
      "5.36": 338 * MB + 6_412,
      "5.34": 330 * MB + 451_876,
      "5.34.0": 330 * MB + 451_876,
      "5": 345 * MB + 212_311,
    },
    programs: BUILDPACK,
    shell: "dash",
    entrypoint: [],
    cmd: ["perl", "-de0"],
  },
  python: {
    tags: {
      latest: 402 * MB + 913_224,
      "3": 402 * MB + 913_224,
      "3.13": 402 * MB + 913_224,
      "3.12": 399 * MB + 804_518,
      "3.11": 396 * MB + 112_065,
      "3.12-slim": 44 * MB + 871_120,
      "3.13-slim": 45 * MB + 201_337,
      "3.12-alpine": 18 * MB + 390_221,
    },
    programs: [...BUILDPACK, "python", "python3"],
    shell: "dash",
    entrypoint: [],
    cmd: ["python3"],
  },
  postgres: {
    tags: {
      latest: 158 * MB + 20_431,
      "17": 158 * MB + 20_431,
      "16": 153 * MB + 611_874,
      "15": 151 * MB + 300_117,
      "17-alpine": 108 * MB + 120_332,
      "16-alpine": 104 * MB + 44_870,
      "15-alpine": 100 * MB + 213_560,
    },
    programs: [...DEBIAN_BASE, "postgres", "psql", "pg_dump", "docker-entrypoint.sh"],
    shell: "dash",
    entrypoint: ["docker-entrypoint.sh"],
    cmd: ["postgres"],
  },
  "curlimages/curl": {
    tags: {
      latest: 10 * MB + 922_364,
      "8.11.1": 10 * MB + 922_364,
      "8.10.1": 10 * MB + 861_009,
      "8.5.0": 10 * MB + 112_883,
    },
    programs: [...BUSYBOX_APPLETS, "curl", "entrypoint.sh"],
    shell: "ash",
    entrypoint: ["/entrypoint.sh"],
    cmd: ["curl"],
  },
  "bitnami/kubectl": {
    tags: {
      latest: 76 * MB + 640_117,
      "1.34": 76 * MB + 640_117,
      "1.33": 75 * MB + 912_004,
      "1.32": 74 * MB + 118_223,
    },
    programs: [...DEBIAN_BASE, "kubectl"],
    shell: "dash",
    entrypoint: ["kubectl"],
    cmd: ["--help"],
  },
  ubuntu: {
    tags: {
      latest: 29 * MB + 754_422,
      "24.04": 29 * MB + 754_422,
      noble: 29 * MB + 754_422,
      "22.04": 29 * MB + 537_891,
      jammy: 29 * MB + 537_891,
    },
    programs: DEBIAN_BASE,
    shell: "dash",
    entrypoint: [],
    cmd: ["/bin/bash"],
  },
  debian: {
    tags: {
      latest: 48 * MB + 494_272,
      bookworm: 48 * MB + 494_272,
      "12": 48 * MB + 494_272,
      "bookworm-slim": 28 * MB + 227_259,
      "12-slim": 28 * MB + 227_259,
    },
    programs: DEBIAN_BASE,
    shell: "dash",
    entrypoint: [],
    cmd: ["bash"],
  },
  nginx: {
    tags: {
      latest: 72 * MB + 99_501,
      "1.27": 72 * MB + 99_501,
      "1.25": 70 * MB + 544_201,
      stable: 71 * MB + 12_400,
      alpine: 20 * MB + 430_118,
    },
    programs: [...DEBIAN_BASE, "nginx", "curl", "docker-entrypoint.sh"],
    shell: "dash",
    entrypoint: ["/docker-entrypoint.sh"],
    cmd: ["nginx", "-g", "daemon off;"],
  },
  "gcr.io/kuar-demo/kuard-amd64": {
    tags: {
      blue: 9 * MB + 921_002,
      green: 9 * MB + 921_114,
      purple: 9 * MB + 921_087,
      "1": 9 * MB + 921_002,
    },
    programs: [...BUSYBOX_APPLETS, "kuard"],
    shell: "ash",
    entrypoint: ["/kuard"],
    cmd: [],
  },
  "hashicorp/http-echo": {
    tags: { latest: 3 * MB + 502_117, "1.0": 3 * MB + 502_117, "0.2.3": 2 * MB + 915_466 },
    programs: ["http-echo"],
    shell: "ash",
    entrypoint: ["/http-echo"],
    cmd: [],
  },
  "registry.k8s.io/busybox": {
    tags: { latest: 1_144_547, "1.27.2": 1_144_547 },
    programs: BUSYBOX_APPLETS,
    shell: "ash",
    entrypoint: [],
    cmd: ["sh"],
  },
  "registry.k8s.io/pause": {
    tags: { "3.10": 320_368, "3.9": 321_520 },
    programs: ["pause"],
    shell: "ash",
    entrypoint: ["/pause"],
    cmd: [],
  },
};

export interface ImageInfo {
  /** Normalised repository ("busybox", "curlimages/curl", "gcr.io/kuar-demo/kuard-amd64"). */
  repository: string;
  tag: string;
  /** The `@sha256:…` part, when the reference had one. */
  digest?: string;
  sizeBytes: number;
  programs: ReadonlySet<string>;
  shell: ShellFlavor;
  entrypoint: string[];
  cmd: string[];
  /** The fully qualified reference containerd uses (`docker.io/library/busybox:latest`). */
  fullRef: string;
}

const DOCKER_HUB = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

interface ParsedRef {
  /** Registry host ("docker.io" for Docker Hub). */
  registry: string;
  /** Path within the registry, Docker Hub official images under "library/". */
  path: string;
  /** Catalogue key: "busybox", "curlimages/curl", "gcr.io/kuar-demo/kuard-amd64". */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/**
 * Memo of a pure function of an image reference: every container start looks its image up
 * several times, and a Job's thousands of pods use the same one or two references. Bounded so
 * arbitrary input cannot grow it without limit (STYLE.md habit 7).
 */
function memo<T>(fn: (ref: string) => T): (ref: string) => T {
  const cache = new Map<string, T>();
  return (ref) => {
    if (cache.has(ref)) return cache.get(ref) as T;
    const v = fn(ref);
    if (cache.size >= 1000) cache.clear();
    cache.set(ref, v);
    return v;
  };
}

/** Split a reference as containerd does; undefined when it is not a valid reference. */
export const parseImageRef: (ref: string) => Readonly<ParsedRef> | undefined = memo((ref) => {
  const p = parseRef(ref);
  return p && Object.freeze(p);
});

function parseRef(ref: string): ParsedRef | undefined {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  if (rest === "" || rest !== rest.toLowerCase() || !/^[a-z0-9._\-/:]+$/.test(rest))
    return undefined;
  const parts = rest.split("/");
  const hasRegistry =
    parts.length > 1 &&
    (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost");
  const registry = hasRegistry ? (DOCKER_HUB.has(parts[0]) ? "docker.io" : parts[0]) : "docker.io";
  const pathParts = hasRegistry ? parts.slice(1) : parts;
  if (registry === "docker.io" && pathParts.length === 1) pathParts.unshift("library");
  const path = pathParts.join("/");
  const repository =
    registry === "docker.io" ? path.replace(/^library\//, "") : `${registry}/${path}`;
  return { registry, path, repository, tag, digest };
}

/**
 * The fully qualified form containerd and the kubelet print in events and errors:
 * `busybox` → `docker.io/library/busybox:latest`, `gcr.io/x/y` → `gcr.io/x/y:latest`,
 * `busybox@sha256:…` → `docker.io/library/busybox@sha256:…`. Invalid references come back as given.
 */
export const normalizeImageRef: (ref: string) => string = memo(normalize);

function normalize(ref: string): string {
  const p = parseImageRef(ref);
  if (!p) return ref;
  const name = `${p.registry}/${p.path}`;
  if (p.digest) return p.tag ? `${name}:${p.tag}@${p.digest}` : `${name}@${p.digest}`;
  return `${name}:${p.tag ?? "latest"}`;
}

/** The image's ENTRYPOINT and CMD (empty for an unknown image). */
export function defaultCommand(ref: string): { entrypoint: string[]; cmd: string[] } {
  const p = parseImageRef(ref);
  const spec = p ? IMAGES[p.repository] : undefined;
  return { entrypoint: [...(spec?.entrypoint ?? [])], cmd: [...(spec?.cmd ?? [])] };
}

/**
 * Look up an image reference as the kubelet gets it from `spec.containers[].image`: `name`,
 * `name:tag`, `name@sha256:…`, `docker.io/library/name:tag`, `registry/path/name:tag`. Undefined
 * when the repository or tag is not in the catalogue (the kubelet reports a pull error then).
 * The result is shared between callers (memoised) and must not be modified.
 */
export const lookupImage: (ref: string) => Readonly<ImageInfo> | undefined = memo((ref) => {
  const info = lookup(ref);
  if (!info) return undefined;
  Object.freeze(info.entrypoint);
  Object.freeze(info.cmd);
  return Object.freeze(info);
});

function lookup(ref: string): ImageInfo | undefined {
  const p = parseImageRef(ref);
  if (!p) return undefined;
  const spec = IMAGES[p.repository];
  if (!spec) return undefined;
  const tag = p.tag ?? "latest";
  let sizeBytes = spec.tags[tag];
  if (sizeBytes === undefined) {
    if (!p.digest || p.tag !== undefined) return undefined;
    // A digest without a tag: the repository's newest image.
    sizeBytes = spec.tags.latest ?? Object.values(spec.tags)[0];
  }
  const alpine = tag.includes("alpine") && spec.shell === "dash";
  return {
    repository: p.repository,
    tag,
    digest: p.digest,
    sizeBytes,
    // An `-alpine` variant of a Debian-based image has busybox for its base tools and /bin/sh.
    programs: new Set(
      alpine
        ? [...BUSYBOX_APPLETS, ...spec.programs.filter((p) => !DEBIAN_BASE.includes(p))]
        : spec.programs,
    ),
    shell: alpine ? "ash" : spec.shell,
    entrypoint: [...spec.entrypoint],
    cmd: [...spec.cmd],
    fullRef: normalizeImageRef(ref),
  };
}
