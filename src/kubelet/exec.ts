import type { ConfigMap, Container, Pod, Secret } from "../api/types.ts";
import { parseGoQuantity } from "../api/go-quantity.ts";
import { defaultCommand, lookupImage } from "../runtime/images.ts";
import { MemoryFs } from "../runtime/fs.ts";
import { ProcessSignals } from "../runtime/process-signals.ts";
import { spawn, executableNotFound } from "../runtime/spawn.ts";
import type { Process } from "../runtime/types.ts";
import type { NodeContext } from "./node-context.ts";

/** Kubernetes `$(VAR)` expansion in command and args. */
function expand(s: string, env: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) =>
    m === "$$" ? "$" : name !== undefined && name in env ? env[name] : m,
  );
}

/** The container's filesystem: the image's files plus its volume mounts. */
function containerFs(pod: Pod, c: Container, node: NodeContext): MemoryFs {
  const fs = new MemoryFs(() => node.clock.now());
  const ns = pod.metadata.namespace ?? "default";
  for (const m of c.volumeMounts ?? []) {
    const vol = pod.spec.volumes?.find((v) => v.name === m.name);
    if (!vol) continue;
    if (vol.emptyDir !== undefined)
      fs.mount(m.mountPath, node.volume(`${pod.metadata.uid}/${vol.name}`));
    else if (vol.persistentVolumeClaim)
      fs.mount(m.mountPath, node.volume(`pvc/${ns}/${vol.persistentVolumeClaim.claimName}`));
    else if (vol.hostPath)
      fs.mount(m.mountPath, node.volume(`host/${node.nodeName}${vol.hostPath.path}`));
    else if (vol.secret || vol.configMap) {
      const kind = vol.secret ? "Secret" : "ConfigMap";
      const obj = node.store.get<Secret | ConfigMap>(
        kind,
        ns,
        vol.secret?.secretName ?? vol.configMap!.name,
      );
      const dir = new MemoryFs(() => node.clock.now());
      for (const [k, v] of Object.entries(obj?.data ?? {}))
        dir.writeFile(`/${k}`, kind === "Secret" ? atob(v) : v);
      fs.mount(m.mountPath, dir);
    }
  }
  return fs;
}

/**
 * Start the container's main process: `command` replaces the image entrypoint, `args` its cmd
 * (Kubernetes semantics). Returns the running program with its signal line (SIGTERM at
 * termination, spec §3.4), or the runtime's start error.
 */
export function startProgram(
  c: Container,
  env: Record<string, string>,
  node: NodeContext,
  pod: Pod,
  onOom?: () => void,
): { process: Process; signals: ProcessSignals } | { error: string } {
  const image = lookupImage(c.image ?? "");
  const defaults = defaultCommand(c.image ?? "");
  const entry = c.command ?? defaults.entrypoint;
  const args = c.command ? (c.args ?? []) : (c.args ?? defaults.cmd);
  const argv = [...entry, ...args].map((a) => expand(a, env));
  const uid = pod.metadata.uid!;
  const programs = image?.programs ?? new Set<string>();
  if (argv.length === 0) argv.push("sh");
  const signals = new ProcessSignals();
  const proc = spawn(argv, {
    env,
    hostname: pod.spec.hostname ?? pod.metadata.name ?? "",
    now: () => node.clock.now(),
    rng: node.rng,
    fs: containerFs(pod, c, node),
    programs,
    shell: image?.shell,
    cwd: c.workingDir,
    net: node.network(pod),
    memoryLimitBytes: memoryLimit(c),
    oom: onOom,
    signals,
    stdout: (t) => node.logs.append(uid, c.name, node.clock.now(), "stdout", t),
    stderr: (t) => node.logs.append(uid, c.name, node.clock.now(), "stderr", t),
  });
  if (!proc) return { error: runcError(executableNotFound(argv[0])) };
  return { process: proc, signals };
}

function runcError(detail: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`;
}

/** `resources.limits.memory` in bytes (the cgroup limit the OOM killer enforces). */
function memoryLimit(c: Container): number | undefined {
  const v = c.resources?.limits?.memory;
  if (v === undefined) return undefined;
  const q = parseGoQuantity(String(v));
  return "error" in q ? undefined : Number(q.nano / 1_000_000_000n);
}
