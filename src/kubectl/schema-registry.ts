/**
 * The Kubernetes JSON schema `kubectl explain` reads. It is ~360 KB, so it is not imported
 * here: Node entry points (the runner, tests) register it at start, the browser registers it
 * once its lazily loaded chunk arrives (the editor's chunk shares it).
 */
export interface SchemaNode {
  $ref?: string;
  [key: string]: unknown;
}

let definitions: Record<string, SchemaNode> | undefined;

export function registerSchema(schema: unknown): void {
  definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;
}

export function schemaDefinitions(): Record<string, SchemaNode> | undefined {
  return definitions;
}
