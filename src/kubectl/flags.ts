import { parseGoDuration } from "../sim/go-duration.ts";

export type FlagType = "bool" | "string" | "int" | "duration" | "strings";

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean;
  usage: string;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export interface Parsed {
  args: string[];
  flags: FlagValues;
  /** Words after a bare `--` (command for create job / run). */
  rest?: string[];
}

/** Flags every kubectl command accepts (the subset the lab honours). */
export const globalFlags: FlagSpec[] = [
  {
    name: "namespace",
    short: "n",
    type: "string",
    usage: "If present, the namespace scope for this CLI request",
  },
  { name: "help", short: "h", type: "bool", usage: "help for this command" },
  {
    name: "request-timeout",
    type: "string",
    usage: "The length of time to wait before giving up on a single server request.",
  },
  { name: "v", short: "v", type: "int", usage: "number for the log level verbosity" },
];

/**
 * pflag-style parsing: `--name=value`, `--name value`, `-n value`, `-nvalue`, bool flags without
 * a value, combined short bools, `--` ending flags. Errors use cobra's words.
 */
export function parseFlags(
  words: string[],
  specs: FlagSpec[],
  verb: string,
): Parsed | { error: string } {
  const all = [...specs, ...globalFlags];
  const flags: FlagValues = {};
  const args: string[] = [];
  const seeHelp = `\nSee 'kubectl ${verb} --help' for usage.`;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") return { args, flags, rest: words.slice(i + 1) };
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      const name = w.slice(2, eq < 0 ? undefined : eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) return { error: `error: unknown flag: --${name}${seeHelp}` };
      let value: string | undefined = eq < 0 ? undefined : w.slice(eq + 1);
      if (value === undefined && spec.type !== "bool") {
        if (i + 1 >= words.length)
          return { error: `error: flag needs an argument: --${name}${seeHelp}` };
        value = words[++i];
      }
      const r = setFlag(flags, spec, value, `--${name}`);
      if (r) return { error: r + seeHelp };
    } else if (w.startsWith("-") && w.length > 1 && !/^-\d/.test(w)) {
      for (let j = 1; j < w.length; j++) {
        const c = w[j];
        const spec = all.find((s) => s.short === c);
        if (!spec) return { error: `error: unknown shorthand flag: '${c}' in ${w}${seeHelp}` };
        if (spec.type === "bool") {
          if (w[j + 1] === "=") {
            const r = setFlag(flags, spec, w.slice(j + 2), `-${c}`);
            if (r) return { error: r + seeHelp };
            break;
          }
          setFlag(flags, spec, undefined, `-${c}`);
          continue;
        }
        let value = w.slice(j + 1);
        if (value.startsWith("=")) value = value.slice(1);
        if (value === "") {
          if (i + 1 >= words.length)
            return { error: `error: flag needs an argument: '${c}' in -${c}${seeHelp}` };
          value = words[++i];
        }
        const r = setFlag(flags, spec, value, `-${c}`);
        if (r) return { error: r + seeHelp };
        break;
      }
    } else args.push(w);
  }
  for (const s of specs)
    if (flags[s.name] === undefined && s.default !== undefined) flags[s.name] = s.default;
  return { args, flags };
}

function setFlag(
  flags: FlagValues,
  spec: FlagSpec,
  value: string | undefined,
  shown: string,
): string | undefined {
  switch (spec.type) {
    case "bool":
      if (value === undefined || value === "true") flags[spec.name] = true;
      else if (value === "false") flags[spec.name] = false;
      else
        return `error: invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
      return undefined;
    case "int":
      if (!/^-?\d+$/.test(value ?? ""))
        return `error: invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
      flags[spec.name] = Number(value);
      return undefined;
    case "duration": {
      const d = parseGoDuration(value ?? "");
      if ("error" in d) return `error: invalid argument "${value}" for "${shown}" flag: ${d.error}`;
      flags[spec.name] = value;
      return undefined;
    }
    case "strings": {
      const prev = (flags[spec.name] as string[] | undefined) ?? [];
      flags[spec.name] = [...prev, value ?? ""];
      return undefined;
    }
    default:
      flags[spec.name] = value;
      return undefined;
  }
}
