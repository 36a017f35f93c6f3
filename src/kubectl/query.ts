import type { KubeObject } from "../api/types.ts";
import { fieldsMatch, type FieldRequirement } from "./field-selector.ts";
import { matches, type Requirement } from "./selector.ts";

/** How a list selects objects: namespace (undefined = all), label and field selectors. */
export interface Query {
  ns: string | undefined;
  labels: Requirement[];
  fields: FieldRequirement[];
}

export function queryMatches(q: Query, o: KubeObject): boolean {
  return matches(q.labels, o.metadata.labels) && fieldsMatch(q.fields, o);
}
