import type { EndpointContainer } from "../types.ts";

/**
 * How the servers of the image catalogue answer a connection: which port each listens on and
 * what it replies to an HTTP request. The backing pod's image decides (issue #3): nginx serves
 * its welcome page on 80, kuard its UI and health checks on 8080, hashicorp/http-echo its text
 * (and a health endpoint) on 5678, postgres speaks its own protocol on 5432.
 */

export type ServerKind = "nginx" | "kuard" | "http-echo" | "postgres";

export interface HttpResponse {
  status: number;
  reason: string;
  contentType: string;
  body: string;
}

/** The server a container runs, from its process (wrappers like docker-entrypoint.sh skipped). */
export function serverOf(c: EndpointContainer): ServerKind | undefined {
  for (const a of c.argv.slice(0, 3)) {
    const name = a.slice(a.lastIndexOf("/") + 1);
    if (name === "nginx") return "nginx";
    if (name === "kuard") return "kuard";
    if (name === "http-echo") return "http-echo";
    if (name === "postgres") return "postgres";
  }
  return undefined;
}

/** The port a server listens on (its flags, else its default). */
export function listenPort(c: EndpointContainer, kind: ServerKind): number {
  if (kind === "http-echo") {
    const flag = c.argv.find((a) => /^--?listen=/.test(a));
    const m = flag ? /:(\d+)$/.exec(flag) : null;
    return m ? Number(m[1]) : 5678;
  }
  if (kind === "kuard") {
    const flag = c.argv.find((a) => /^--address=/.test(a));
    const m = flag ? /:(\d+)$/.exec(flag) : null;
    return m ? Number(m[1]) : 8080;
  }
  return kind === "nginx" ? 80 : 5432;
}

/** The container of the endpoint pod listening on `port`, with its server kind. */
export function listener(
  containers: EndpointContainer[],
  port: number,
): { container: EndpointContainer; kind: ServerKind } | undefined {
  for (const c of containers) {
    const kind = serverOf(c);
    if (kind && listenPort(c, kind) === port) return { container: c, kind };
  }
  return undefined;
}

const NGINX_VERSION = "1.27.3";

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const nginxError = (code: number, reason: string) =>
  `<html>\r\n<head><title>${code} ${reason}</title></head>\r\n<body>\r\n<center><h1>${code} ${reason}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;

const KUARD_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>KUAR Demo</title>
</head>
<body>
  <div id="root"></div>
</body>
</html>
`;

/** The reply of `kind` to `METHOD path`. */
export function httpReply(
  c: EndpointContainer,
  kind: ServerKind,
  method: string,
  path: string,
): HttpResponse | undefined {
  const p = path.split("?")[0] || "/";
  switch (kind) {
    case "nginx":
      if (method !== "GET" && method !== "HEAD")
        return {
          status: 405,
          reason: "Not Allowed",
          contentType: "text/html",
          body: nginxError(405, "Not Allowed"),
        };
      if (p === "/" || p === "/index.html")
        return { status: 200, reason: "OK", contentType: "text/html", body: NGINX_WELCOME };
      return {
        status: 404,
        reason: "Not Found",
        contentType: "text/html",
        body: nginxError(404, "Not Found"),
      };
    case "kuard":
      if (p === "/healthy" || p === "/ready")
        return { status: 200, reason: "OK", contentType: "text/plain", body: "ok" };
      if (p === "/")
        return { status: 200, reason: "OK", contentType: "text/html", body: KUARD_PAGE };
      return {
        status: 404,
        reason: "Not Found",
        contentType: "text/plain; charset=utf-8",
        body: "404 page not found\n",
      };
    case "http-echo": {
      if (p === "/health")
        return {
          status: 200,
          reason: "OK",
          contentType: "application/json",
          body: '{"status":"ok"}\n',
        };
      const flag = c.argv.find((a) => /^--?text=/.test(a));
      const text = flag ? flag.slice(flag.indexOf("=") + 1) : "";
      return {
        status: 200,
        reason: "OK",
        contentType: "text/plain; charset=utf-8",
        body: `${text}\n`,
      };
    }
    case "postgres":
      return undefined; // not HTTP: the server drops the connection
  }
}
