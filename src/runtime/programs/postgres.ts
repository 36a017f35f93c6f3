import { strftime } from "./date.ts";
import { dial } from "./net.ts";
import { listener } from "./servers-http.ts";
import type { Effect, Program, ProgramIo } from "../types.ts";

/**
 * `pg_dump` (postgres images) against a simulated PostgreSQL Service: it resolves the host
 * through the cluster network, and the backing postgres container's environment
 * (POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, as the official image initialises its
 * database) decides who may connect. Messages are libpq/pg_dump 15's. A dump takes 0.4 s.
 */

const DUMP_MS = 400;
const VERSION = "15.10";

function opts(io: ProgramIo): { o: Record<string, string>; db?: string; bad?: string } {
  const o: Record<string, string> = {};
  const map: Record<string, string> = {
    "-h": "host",
    "--host": "host",
    "-U": "user",
    "--username": "user",
    "-p": "port",
    "--port": "port",
    "-d": "db",
    "--dbname": "db",
    "-f": "file",
    "--file": "file",
    "-F": "format",
    "--format": "format",
    "-n": "",
    "-t": "",
    "--schema": "",
    "--table": "",
  };
  const args = io.argv.slice(1);
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = /^(--[a-z-]+)=(.*)$/.exec(a);
    if (eq && eq[1] in map) {
      if (map[eq[1]]) o[map[eq[1]]] = eq[2];
    } else if (a in map) {
      const v = args[++i];
      if (v === undefined)
        return { o, bad: `option requires an argument -- '${a.replace(/^-+/, "")}'` };
      if (map[a]) o[map[a]] = v;
    } else if (/^-[hUpdfFnt]./.test(a)) {
      if (map[a.slice(0, 2)]) o[map[a.slice(0, 2)]] = a.slice(2);
    } else if (a.startsWith("-")) continue;
    else if (db === undefined) db = a;
    else return { o, bad: `too many command-line arguments (first is "${a}")` };
  }
  return { o, db };
}

export const pgDumpProgram: Program = {
  name: "pg_dump",
  usage: "pg_dump [OPTION]... [DBNAME]",
  *run(io): Generator<Effect, number, void> {
    const { o, db: positional, bad } = opts(io);
    if (bad) {
      io.stderr(
        `pg_dump: error: ${bad}\npg_dump: hint: Try "pg_dump --help" for more information.\n`,
      );
      return 1;
    }
    const env = io.env;
    const host = o.host ?? env.PGHOST;
    const port = Number(o.port ?? env.PGPORT ?? 5432);
    const user = o.user ?? env.PGUSER ?? "root";
    const db = o.db ?? positional ?? env.PGDATABASE ?? user;
    const password = env.PGPASSWORD;
    const fail = (msg: string) => {
      io.stderr(`pg_dump: error: ${msg}\n`);
      return 1;
    };
    if (!host || host.startsWith("/"))
      return fail(
        `connection to server on socket "${host ?? "/var/run/postgresql"}/.s.PGSQL.${port}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`,
      );
    const d = dial(io, host, port);
    yield { type: "sleep", ms: 5 };
    if (d.kind === "unresolved")
      return fail(`could not translate host name "${host}" to address: Name or service not known`);
    const at = `connection to server at "${host}" (${d.kind === "connected" ? d.ip : d.ip}), port ${port} failed`;
    if (d.kind === "timeout") {
      yield { type: "sleep", ms: 127_000 };
      return fail(
        `${at}: Connection timed out\n\tIs the server running on that host and accepting TCP/IP connections?`,
      );
    }
    const l = d.kind === "connected" ? listener(d.containers, d.port) : undefined;
    if (!l || l.kind !== "postgres")
      return fail(
        `${at}: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
      );
    const server = l.container.env;
    const owner = server.POSTGRES_USER || "postgres";
    const trust = server.POSTGRES_HOST_AUTH_METHOD === "trust";
    if (!trust) {
      if (!password) return fail(`${at}: fe_sendauth: no password supplied`);
      if (user !== owner || password !== server.POSTGRES_PASSWORD)
        return fail(`${at}: FATAL:  password authentication failed for user "${user}"`);
    } else if (user !== owner) return fail(`${at}: FATAL:  role "${user}" does not exist`);
    const dbs = new Set([server.POSTGRES_DB || owner, "postgres", "template1"]);
    if (!dbs.has(db)) return fail(`${at}: FATAL:  database "${db}" does not exist`);
    yield { type: "cpu", ms: DUMP_MS };
    const dump = [
      "--",
      "-- PostgreSQL database dump",
      "--",
      "",
      `-- Dumped from database version ${VERSION} (Debian ${VERSION}-1.pgdg120+1)`,
      `-- Dumped by pg_dump version ${VERSION}`,
      "",
      "SET statement_timeout = 0;",
      "SET lock_timeout = 0;",
      "SET idle_in_transaction_session_timeout = 0;",
      "SET client_encoding = 'UTF8';",
      "SET standard_conforming_strings = on;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "SET check_function_bodies = false;",
      "SET xmloption = content;",
      "SET client_min_messages = warning;",
      "SET row_security = off;",
      "",
      "--",
      "-- PostgreSQL database dump complete",
      "--",
      "",
      "",
    ].join("\n");
    if (o.file && o.file !== "-") {
      const path = o.file.startsWith("/") ? o.file : `${io.cwd.replace(/\/$/, "")}/${o.file}`;
      if (!io.ctx.fs.writeFile(path, dump))
        return fail(`could not open output file "${o.file}": No such file or directory`);
    } else io.stdout(dump);
    return 0;
  },
};

/** The postgres server's log when it is ready (its image's default command). */
export function postgresReadyLog(io: ProgramIo): string {
  const t = strftime("%Y-%m-%d %H:%M:%S.000 UTC", io.ctx.now());
  return `${t} [1] LOG:  database system is ready to accept connections\n`;
}
