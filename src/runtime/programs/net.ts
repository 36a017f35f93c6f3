/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import type { Program } from "../types.ts";

/**
 * curl and wget without a network: the lab simulates no Services yet, so every host name fails
 * to resolve (curl exit 6, spec §9) and IP literals / localhost refuse connections (exit 7).
 */

function parseUrl(url: string): { host: string; port: number } {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(url);
  const scheme = (m?.[1] ?? "http").toLowerCase();
  return { host: m?.[2] ?? url, port: m?.[3] ? Number(m[3]) : scheme === "https" ? 443 : 80 };
}

const isAddress = (host: string) =>
  host === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith("[");

const VALUE_OPTS = new Set([
  "-o",
  "--output",
  "-w",
  "--write-out",
  "-m",
  "--max-time",
  "-X",
  "--request",
  "-H",
  "--header",
  "-d",
  "--data",
  "--data-raw",
  "--connect-timeout",
  "--retry",
  "--retry-delay",
  "-u",
  "--user",
  "-A",
  "--user-agent",
  "-e",
  "--referer",
  "-T",
  "--upload-file",
  "--cacert",
  "-F",
  "--form",
  "-x",
  "--proxy",
]);

export const curlProgram: Program = {
  name: "curl",
  usage: "curl [options...] <url>",
  *run(io) {
    const args = io.argv.slice(1);
    let silent = false;
    let showError = false;
    let writeOut: string | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (VALUE_OPTS.has(a)) {
        const v = args[++i];
        if (a === "-w" || a === "--write-out") writeOut = v;
        continue;
      }
      if (a === "--silent") silent = true;
      else if (a === "--show-error") showError = true;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        if (a.includes("s")) silent = true;
        if (a.includes("S")) showError = true;
        const last = a[a.length - 1];
        if ("owmXHdeuAxTF".includes(last)) {
          const v = args[++i];
          if (last === "w") writeOut = v;
        }
      } else if (!a.startsWith("-")) urls.push(a);
    }
    if (urls.length === 0) {
      io.stderr(
        "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      );
      return 2;
    }
    const { host, port } = parseUrl(urls[0]);
    const refused = isAddress(host);
    const code = refused ? 7 : 6;
    if (writeOut !== undefined) {
      io.stdout(
        writeOut
          .replace(/%\{(\w+)\}/g, (_m, k: string) =>
            k === "http_code" || k === "response_code"
              ? "000"
              : k === "exitcode"
                ? String(code)
                : "",
          )
          .replace(/\\n/g, "\n"),
      );
    }
    if (!silent || showError) {
      io.stderr(
        refused
          ? `curl: (7) Failed to connect to ${host.replace(/^\[|\]$/g, "")} port ${port} after 0 ms: Couldn't connect to server\n`
          : `curl: (6) Could not resolve host: ${host}\n`,
      );
    }
    return code;
  },
};

export const wgetProgram: Program = {
  name: "wget",
  usage:
    "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [--post-data STR] [-T SEC] [-U AGENT] URL...",
  *run(io) {
    const args = io.argv.slice(1);
    const urls = args.filter(
      (a, i) =>
        !a.startsWith("-") &&
        !["-O", "-o", "-T", "-U", "--header", "--post-data"].includes(args[i - 1] ?? ""),
    );
    if (urls.length === 0) {
      io.stderr(
        `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ${this.usage}\n`,
      );
      return 1;
    }
    const { host, port } = parseUrl(urls[0]);
    if (isAddress(host)) {
      const ip = host === "localhost" ? "127.0.0.1" : host;
      if (!args.includes("-q")) io.stderr(`Connecting to ${host} (${ip}:${port})\n`);
      io.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    } else
      io.stderr(
        `wget: bad address '${/^(?:[a-z]+:\/\/)?([^/?#]+)/i.exec(urls[0])?.[1] ?? host}'\n`,
      );
    return 1;
  },
};
