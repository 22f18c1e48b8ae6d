/** Writes data/schema/*.schema.json from the zod definitions (npm run schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSchemas, incidentSchema } from '../src/lib/model/json-schema';

const dir = join(import.meta.dirname, '..', 'data', 'schema');
mkdirSync(dir, { recursive: true });
const all = new Map([...fileSchemas(), ['incident.schema.json', incidentSchema()]]);
for (const [name, schema] of all) {
	writeFileSync(join(dir, name), JSON.stringify(schema, null, '\t') + '\n');
	console.log(`wrote data/schema/${name}`);
}
