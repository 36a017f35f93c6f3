// Node-side registration of what the browser loads lazily (see src/kubectl/schema-registry.ts).
import schema from "./src/schemas/kubernetes.schema.json";
import { registerSchema } from "./src/kubectl/schema-registry.ts";

registerSchema(schema);
