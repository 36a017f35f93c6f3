import { resolvePath } from "../fs.ts";
import type { DialResult, Effect, ProgramIo } from "../types.ts";
import { httpReply, listener, type HttpResponse } from "./servers-http.ts";

/**
 * curl and wget against the simulated cluster network (`ctx.net`, implemented by the kubelet):
 * Service DNS names and IPs, pod IPs. A name that does not resolve fails as the real tools do
 * (curl exit 6, wget `bad address`, spec §9); the backing pod's image decides the reply
 * (servers-http.ts). Timing: an in-cluster request takes 5 ms; a connection to a Service port
 * that does not exist hangs until the timeout (127 s, Linux's SYN retries, without one).
 */

/** Virtual time of one in-cluster request (DNS + connect + transfer). */
export const REQUEST_MS = 5;
/** How long an unanswered connect takes to fail without a timeout option (6 SYN retries). */
export const SYN_TIMEOUT_MS = 127_000;

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** `host[:port]` as written (wget's messages). */
  authority: string;
}

export function parseUrl(url: string): Url {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]*)(?::(\d+))?([^#]*)/i.exec(url);
  const scheme = (m?.[1] ?? "http").toLowerCase();
  const host = m?.[2] ?? url;
  return {
    scheme,
    host,
    port: m?.[3] ? Number(m[3]) : scheme === "https" ? 443 : 80,
    path: m?.[4] || "/",
    authority: m?.[3] ? `${host}:${m[3]}` : host,
  };
}

const isAddress = (host: string) =>
  host === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith("[");

/** Connect: through the cluster network when the container has one. */
export function dial(io: ProgramIo, host: string, port: number): DialResult {
  const net = io.ctx.net;
  const h = host.replace(/\.$/, "").toLowerCase();
  if (net && h !== "localhost") return net.dial(h, port);
  if (isAddress(host)) return { kind: "refused", ip: host === "localhost" ? "127.0.0.1" : host };
  return { kind: "unresolved" };
}

export type Exchange =
  | { kind: "unresolved" }
  | { kind: "refused"; ip: string }
  | { kind: "timeout"; ip: string }
  | { kind: "empty"; ip: string }
  | { kind: "tls"; ip: string }
  | { kind: "reply"; ip: string; reply: HttpResponse };

/** One HTTP request to `url`, as the cluster answers it. */
export function exchange(io: ProgramIo, url: Url, method: string): Exchange {
  const d = dial(io, url.host, url.port);
  if (d.kind !== "connected") return d;
  const l = listener(d.containers, d.port);
  if (!l) return { kind: "refused", ip: d.ip };
  const reply = httpReply(l.container, l.kind, method, url.path);
  if (!reply) return { kind: "empty", ip: d.ip };
  if (url.scheme === "https") return { kind: "tls", ip: d.ip };
  return { kind: "reply", ip: d.ip, reply };
}

function* wait(ms: number): Generator<Effect, void, void> {
  if (ms > 0) yield { type: "sleep", ms };
}

const CURL_VALUE_OPTS: Record<string, string> = {
  "-o": "output",
  "--output": "output",
  "-w": "writeOut",
  "--write-out": "writeOut",
  "-m": "maxTime",
  "--max-time": "maxTime",
  "--connect-timeout": "connectTimeout",
  "-X": "request",
  "--request": "request",
  "-d": "data",
  "--data": "data",
  "--data-raw": "data",
  "--data-binary": "data",
  "-H": "",
  "--header": "",
  "--retry": "",
  "--retry-delay": "",
  "-u": "",
  "--user": "",
  "-A": "",
  "--user-agent": "",
  "-e": "",
  "--referer": "",
  "-T": "",
  "--upload-file": "",
  "--cacert": "",
  "-F": "",
  "--form": "",
  "-x": "",
  "--proxy": "",
};
const SHORT_WITH_VALUE: Record<string, string> = {
  o: "-o",
  w: "-w",
  m: "-m",
  X: "-X",
  d: "-d",
  H: "-H",
  u: "-u",
  A: "-A",
  e: "-e",
  T: "-T",
  F: "-F",
  x: "-x",
};

function speed(bytesPerSec: number): string {
  if (bytesPerSec < 100_000) return String(Math.round(bytesPerSec));
  if (bytesPerSec < 10_000_000) return `${Math.floor(bytesPerSec / 1000)}k`;
  return `${Math.floor(bytesPerSec / 1_000_000)}M`;
}

/** curl's progress meter (stderr, shown when not silent: a container's output is no terminal). */
function meterLine(total: number, done: boolean): string {
  const pct = (n: number) =>
    String(done && total >= 0 ? 100 : 0).padStart(3) + " " + String(n).padStart(5);
  const sp = done ? speed((total * 1000) / REQUEST_MS) : "0";
  return `${pct(total)}  ${pct(total)}    0     0 ${sp.padStart(6)}      0 --:--:-- --:--:-- --:--:-- ${sp.padStart(5)}`;
}
const METER_HEAD =
  "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n";

export const curlProgram = {
  name: "curl",
  usage: "curl [options...] <url>",
  *run(io: ProgramIo): Generator<Effect, number, void> {
    const args = io.argv.slice(1);
    const o: Record<string, string> = {};
    let silent = false;
    let showError = false;
    let fail = false;
    let head = false;
    let include = false;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a in CURL_VALUE_OPTS) {
        const key = CURL_VALUE_OPTS[a];
        const v = args[++i] ?? "";
        if (key) o[key] = v;
        continue;
      }
      if (a === "--silent") silent = true;
      else if (a === "--show-error") showError = true;
      else if (a === "--fail" || a === "--fail-with-body") fail = true;
      else if (a === "--head") head = true;
      else if (a === "--include") include = true;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k];
          if (c === "s") silent = true;
          else if (c === "S") showError = true;
          else if (c === "f") fail = true;
          else if (c === "I") head = true;
          else if (c === "i") include = true;
          else if (SHORT_WITH_VALUE[c]) {
            const key = CURL_VALUE_OPTS[SHORT_WITH_VALUE[c]];
            const v = k < a.length - 1 ? a.slice(k + 1) : (args[++i] ?? "");
            if (key) o[key] = v;
            break;
          }
        }
      } else if (!a.startsWith("-")) urls.push(a);
    }
    if (urls.length === 0) {
      io.stderr(
        "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      );
      return 2;
    }
    const url = parseUrl(urls[0]);
    const method = o.request ?? (head ? "HEAD" : o.data !== undefined ? "POST" : "GET");
    const meter = !silent;
    if (meter) io.stderr(METER_HEAD);
    const r = exchange(io, url, method);
    const limitMs = Math.min(
      o.maxTime !== undefined ? Number(o.maxTime) * 1000 : Infinity,
      o.connectTimeout !== undefined ? Number(o.connectTimeout) * 1000 : Infinity,
    );
    let code = 0;
    let error = "";
    let status = 0;
    let body = "";
    const host = url.host.replace(/^\[|\]$/g, "");
    switch (r.kind) {
      case "unresolved":
        yield* wait(REQUEST_MS);
        code = 6;
        error = `Could not resolve host: ${host}`;
        break;
      case "refused":
        yield* wait(REQUEST_MS);
        code = 7;
        error = `Failed to connect to ${host} port ${url.port} after ${REQUEST_MS} ms: Couldn't connect to server`;
        break;
      case "timeout": {
        const t = Number.isFinite(limitMs) ? limitMs : SYN_TIMEOUT_MS;
        yield* wait(t);
        code = 28;
        error = Number.isFinite(limitMs)
          ? `Connection timed out after ${t + 1} milliseconds`
          : `Failed to connect to ${host} port ${url.port} after ${t} ms: Couldn't connect to server`;
        break;
      }
      case "empty":
        yield* wait(REQUEST_MS);
        code = 52;
        error = "Empty reply from server";
        break;
      case "tls":
        yield* wait(REQUEST_MS);
        code = 35;
        error = "OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number";
        break;
      case "reply":
        yield* wait(REQUEST_MS);
        status = r.reply.status;
        body = method === "HEAD" ? "" : r.reply.body;
        if (fail && status >= 400) {
          code = 22;
          error = `The requested URL returned error: ${status}`;
        }
        break;
    }
    const headers =
      r.kind === "reply"
        ? `HTTP/1.1 ${status} ${r.reply.reason}\r\nContent-Type: ${r.reply.contentType}\r\nContent-Length: ${r.reply.body.length}\r\n\r\n`
        : "";
    let out = "";
    if (code === 0) out = (head || include ? headers : "") + (head ? "" : body);
    if (out) {
      if (o.output === undefined || o.output === "-") io.stdout(out);
      else if (o.output !== "/dev/null") io.ctx.fs.writeFile(resolvePath(io.cwd, o.output), out);
    }
    if (meter)
      io.stderr(meterLine(code === 0 ? out.length : 0, code === 0) + (code === 0 ? "\n" : ""));
    if (o.writeOut !== undefined) {
      io.stdout(
        o.writeOut
          .replace(/%\{(\w+)\}/g, (_m, k: string) =>
            k === "http_code" || k === "response_code"
              ? String(status).padStart(3, "0")
              : k === "exitcode"
                ? String(code)
                : k === "size_download"
                  ? String(code === 0 ? body.length : 0)
                  : k === "remote_ip"
                    ? r.kind === "unresolved"
                      ? ""
                      : r.ip
                    : "",
          )
          .replace(/\\n/g, "\n"),
      );
    }
    if (code !== 0 && (!silent || showError)) io.stderr(`curl: (${code}) ${error}\n`);
    return code;
  },
};

function starsLine(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)}100% |${"*".repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export const wgetProgram = {
  name: "wget",
  usage:
    "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [--post-data STR] [-T SEC] [-U AGENT] URL...",
  *run(io: ProgramIo): Generator<Effect, number, void> {
    const args = io.argv.slice(1);
    let quiet = false;
    let spider = false;
    let output: string | undefined;
    let timeout = 900;
    let post: string | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-q" || a === "--quiet") quiet = true;
      else if (a === "--spider") spider = true;
      else if (a === "-O") output = args[++i];
      else if (a.startsWith("-O") && a.length > 2) output = a.slice(2);
      else if (a === "-T") timeout = Number(args[++i]);
      else if (a === "--post-data") post = args[++i];
      else if (["-o", "-U", "--header", "--user-agent"].includes(a)) i++;
      else if (/^-[cqS]+$/.test(a)) quiet ||= a.includes("q");
      else if (!a.startsWith("-")) urls.push(a);
    }
    if (urls.length === 0) {
      io.stderr(
        `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ${this.usage}\n`,
      );
      return 1;
    }
    const url = parseUrl(urls[0]);
    const r = exchange(io, url, post !== undefined ? "POST" : spider ? "HEAD" : "GET");
    if (r.kind === "unresolved") {
      yield* wait(REQUEST_MS);
      io.stderr(`wget: bad address '${url.authority}'\n`);
      return 1;
    }
    if (!quiet) io.stderr(`Connecting to ${url.authority} (${r.ip}:${url.port})\n`);
    if (r.kind === "timeout") {
      yield* wait(timeout * 1000);
      io.stderr("wget: download timed out\n");
      return 1;
    }
    yield* wait(REQUEST_MS);
    if (r.kind === "refused") {
      io.stderr(`wget: can't connect to remote host (${r.ip}): Connection refused\n`);
      return 1;
    }
    if (r.kind === "empty") {
      io.stderr("wget: error getting response: Connection reset by peer\n");
      return 1;
    }
    if (r.kind === "tls") {
      io.stderr("wget: error getting response\n");
      return 1;
    }
    const reply = r.reply;
    if (reply.status >= 400) {
      io.stderr(`wget: server returned error: HTTP/1.1 ${reply.status} ${reply.reason}\n`);
      return 1;
    }
    if (spider) {
      if (!quiet) io.stderr("remote file exists\n");
      return 0;
    }
    const name =
      output ??
      (url.path
        .replace(/[?#].*$/, "")
        .split("/")
        .pop() ||
        "index.html");
    if (name === "-") {
      if (!quiet) io.stderr("writing to stdout\n");
      io.stdout(reply.body);
      if (!quiet) io.stderr(`${starsLine("-", reply.body.length)}written to stdout\n`);
      return 0;
    }
    const path = resolvePath(io.cwd, name);
    if (output === undefined && io.ctx.fs.exists(path)) {
      io.stderr(`wget: can't open '${name}': File exists\n`);
      return 1;
    }
    if (!quiet) io.stderr(`saving to '${name}'\n`);
    if (!io.ctx.fs.writeFile(path, reply.body)) {
      io.stderr(`wget: can't open '${name}': No such file or directory\n`);
      return 1;
    }
    if (!quiet) io.stderr(`${starsLine(name, reply.body.length)}'${name}' saved\n`);
    return 0;
  },
};
