/**
 * JSON Schemas generated from the zod definitions, so editors, the validator and the types
 * never drift apart. Refinements that JSON Schema cannot express (ids resolve, end after start)
 * stay in the validator; the schema gives editors structure, enums and formats.
 */
import { z } from 'zod';
import { files, IncidentModel, type FileName } from './schema';

const BASE = 'https://sightline.invalid/schema/';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

function toSchema(type: z.ZodType, id: string, title: string): JsonSchema {
	const schema = z.toJSONSchema(type, {
		target: 'draft-2020-12',
		unrepresentable: 'any',
		io: 'input'
	});
	return { ...schema, $id: BASE + id, title };
}

/**
 * The schema each data file points at with "$schema": "../../schema/<name>.schema.json", by
 * its file name. A Map: /schema/<file> looks names from the address up in it.
 */
export function fileSchemas(): Map<string, JsonSchema> {
	const out = new Map<string, JsonSchema>();
	for (const [name, type] of Object.entries(files) as [FileName, z.ZodType][]) {
		const schemaName =
			name === 'incident.json'
				? 'incident-file.schema.json'
				: name.replace(/\.json$/, '.schema.json');
		out.set(schemaName, toSchema(type, schemaName, `Sightline incident file: ${name}`));
	}
	return out;
}

/** The schema of the whole published model, served at /schema/incident.schema.json. */
export function incidentSchema(): JsonSchema {
	return toSchema(IncidentModel, 'incident.schema.json', 'Sightline incident model');
}
