import { error } from '@sveltejs/kit';
import { fileSchemas, incidentSchema } from '$lib/model/json-schema';
import { historySchema } from '$lib/history/schema';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const schemas = new Map([
	['incident.schema.json', incidentSchema()],
	['history.schema.json', historySchema()],
	...fileSchemas()
]);

/** The JSON Schemas, generated from the same definitions the validator uses. */
export const entries: EntryGenerator = () => [...schemas.keys()].map((file) => ({ file }));

export const GET: RequestHandler = ({ params }) => {
	const schema = schemas.get(params.file);
	if (!schema) error(404, 'No such schema');
	return new Response(JSON.stringify(schema, null, 2), {
		headers: { 'content-type': 'application/schema+json; charset=utf-8' }
	});
};
