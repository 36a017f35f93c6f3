/**
 * The three patch types of `kubectl patch --type`: JSON merge patch (RFC 7386), strategic merge
 * patch (merge patch, but lists with a patch merge key — containers by `name`, env by `name`,
 * volumeMounts by `mountPath`… — are merged item by item), and JSON patch (RFC 6902).
 */

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const str = (v: Json): string =>
  typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v);

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Record<string, Json> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Patch merge keys of the core/batch types (k8s.io/api `patchMergeKey` tags). */
const mergeKeys: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  ports: "containerPort",
  imagePullSecrets: "name",
  ownerReferences: "uid",
  conditions: "type",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name",
};

export function strategicPatch(target: Json, patch: Json, key?: string): Json {
  if (!isObj(patch)) {
    if (Array.isArray(patch) && Array.isArray(target) && key && mergeKeys[key]) {
      const mk = mergeKeys[key];
      const out: Json[] = [...(target as Json[])];
      for (const item of patch) {
        if (!isObj(item) || !(mk in item)) {
          out.push(item);
          continue;
        }
        if (item.$patch === "delete") {
          const i = out.findIndex((x) => isObj(x) && x[mk] === item[mk]);
          if (i >= 0) out.splice(i, 1);
          continue;
        }
        const i = out.findIndex((x) => isObj(x) && x[mk] === item[mk]);
        if (i >= 0) out[i] = strategicPatch(out[i], item);
        else out.push(item);
      }
      return out;
    }
    return patch;
  }
  const out: Record<string, Json> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === "$patch") continue;
    if (v === null) delete out[k];
    else out[k] = strategicPatch(out[k], v, k);
  }
  return out;
}

function pointer(path: string): string[] | undefined {
  if (path === "") return [];
  if (!path.startsWith("/")) return undefined;
  return path
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** RFC 6902; errors in the words of evanphx/json-patch, which the API server uses. */
export function jsonPatch(doc: Json, ops: Json): { doc: Json } | { error: string } {
  if (!Array.isArray(ops))
    return { error: "json: cannot unmarshal object into Go value of type jsonpatch.Patch" };
  let cur: Json = JSON.parse(JSON.stringify(doc));
  for (const op of ops as Record<string, Json>[]) {
    const kind = str(op.op);
    const path = pointer(str(op.path));
    if (!path)
      return {
        error: `jsonpatch ${kind} operation does not apply: doc is missing path: ${String(op.path)}`,
      };
    const get = (p: string[]): { ok: boolean; v?: Json } => {
      let c: Json = cur;
      for (const k of p) {
        if (Array.isArray(c)) c = c[Number(k)];
        else if (isObj(c) && k in c) c = c[k];
        else return { ok: false };
        if (c === undefined) return { ok: false };
      }
      return { ok: true, v: c };
    };
    const parentOf = (p: string[]) => get(p.slice(0, -1));
    const missing = () => ({
      error: `jsonpatch ${kind} operation does not apply: doc is missing path: ${String(op.path)}`,
    });
    const put = (p: string[], value: Json, insert: boolean): boolean => {
      if (p.length === 0) {
        cur = value;
        return true;
      }
      const par = parentOf(p);
      const last = p[p.length - 1];
      if (!par.ok) return false;
      if (Array.isArray(par.v)) {
        const i = last === "-" ? par.v.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > par.v.length) return false;
        if (insert) par.v.splice(i, 0, value);
        else par.v[i] = value;
        return true;
      }
      if (isObj(par.v)) {
        par.v[last] = value;
        return true;
      }
      return false;
    };
    const remove = (p: string[]): { ok: boolean; v?: Json } => {
      const par = parentOf(p);
      const last = p[p.length - 1];
      if (!par.ok) return { ok: false };
      if (Array.isArray(par.v)) {
        const i = Number(last);
        if (!(i >= 0 && i < par.v.length)) return { ok: false };
        return { ok: true, v: par.v.splice(i, 1)[0] };
      }
      if (isObj(par.v) && last in par.v) {
        const v = par.v[last];
        delete par.v[last];
        return { ok: true, v };
      }
      return { ok: false };
    };
    switch (kind) {
      case "add":
        if (!put(path, op.value, true)) return missing();
        break;
      case "replace":
        if (!get(path).ok)
          return {
            error: `jsonpatch replace operation does not apply: doc is missing key: ${String(op.path)}`,
          };
        put(path, op.value, false);
        break;
      case "remove":
        if (!remove(path).ok)
          return {
            error: `jsonpatch remove operation does not apply: doc is missing key: ${String(op.path)}`,
          };
        break;
      case "move":
      case "copy": {
        const from = pointer(str(op.from));
        const src = from && get(from);
        if (!from || !src || !src.ok)
          return {
            error: `jsonpatch ${kind} operation does not apply: doc is missing from path: ${String(op.from)}`,
          };
        if (kind === "move") remove(from);
        if (!put(path, JSON.parse(JSON.stringify(src.v)), true)) return missing();
        break;
      }
      case "test": {
        const g = get(path);
        if (!g.ok || JSON.stringify(g.v) !== JSON.stringify(op.value))
          return { error: "testing value " + String(op.path) + " failed: test failed" };
        break;
      }
      default:
        return { error: `Unexpected kind: ${kind}` };
    }
  }
  return { doc: cur };
}
