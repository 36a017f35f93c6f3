/**
 * Container logs as the kubelet keeps them: per pod and container, the current instance and the
 * previous one (`kubectl logs --previous`), each a list of timestamped chunks. Bounded per
 * instance (like the kubelet's log rotation) so a chatty loop cannot exhaust memory.
 */
export interface LogChunk {
  t: number;
  stream: "stdout" | "stderr";
  text: string;
}

export interface LogInstance {
  restartCount: number;
  chunks: LogChunk[];
  bytes: number;
  truncated: boolean;
}

export const MAX_LOG_BYTES = 1 << 20;

export class LogStore {
  private logs = new Map<string, { current?: LogInstance; previous?: LogInstance }>();

  private key(podUid: string, container: string) {
    return `${podUid}/${container}`;
  }

  /** A new container instance starts: the current log becomes the previous one. */
  start(podUid: string, container: string, restartCount: number): void {
    const k = this.key(podUid, container);
    const entry = this.logs.get(k) ?? {};
    if (entry.current) entry.previous = entry.current;
    entry.current = { restartCount, chunks: [], bytes: 0, truncated: false };
    this.logs.set(k, entry);
  }

  append(
    podUid: string,
    container: string,
    t: number,
    stream: "stdout" | "stderr",
    text: string,
  ): void {
    const inst = this.logs.get(this.key(podUid, container))?.current;
    if (!inst || text === "") return;
    if (inst.bytes + text.length > MAX_LOG_BYTES) {
      // Oldest chunks are dropped first, as log rotation would.
      while (inst.chunks.length && inst.bytes + text.length > MAX_LOG_BYTES)
        inst.bytes -= inst.chunks.shift()!.text.length;
      inst.truncated = true;
    }
    const last = inst.chunks[inst.chunks.length - 1];
    if (last && last.t === t && last.stream === stream && !last.text.endsWith("\n"))
      last.text += text;
    else inst.chunks.push({ t, stream, text });
    inst.bytes += text.length;
  }

  get(podUid: string, container: string, previous = false): LogInstance | undefined {
    const e = this.logs.get(this.key(podUid, container));
    return previous ? e?.previous : e?.current;
  }

  /** Forget a pod's logs (the pod object is gone). */
  drop(podUid: string): void {
    for (const k of [...this.logs.keys()]) if (k.startsWith(`${podUid}/`)) this.logs.delete(k);
  }
}

/** Split chunks into lines, each with the timestamp of the chunk it started in. */
export function logLines(inst: LogInstance): { t: number; text: string }[] {
  const out: { t: number; text: string }[] = [];
  let pending: { t: number; text: string } | undefined;
  for (const c of inst.chunks) {
    const parts = c.text.split("\n");
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      // A line is stamped with the chunk its first character came in, not the one before it.
      if (last && p === "") return;
      pending ??= { t: c.t, text: "" };
      pending.text += p;
      if (!last) {
        out.push(pending);
        pending = undefined;
      }
    });
  }
  if (pending && pending.text !== "") out.push(pending);
  return out;
}
