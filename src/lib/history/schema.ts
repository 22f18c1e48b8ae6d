/**
 * The published history of an incident (/data/<incident-id>-history.json): every revision
 * that changed a value, newest first, each with the records it touched. Its JSON Schema is
 * served at /schema/history.schema.json, for reuse.
 */
import { z } from 'zod';
import { DatasetVersion } from '../model/schema.ts';
import { RECORD_KINDS } from './diff.ts';

const FieldChange = z.strictObject({
	field: z.string(),
	before: z
		.unknown()
		.optional()
		.meta({ description: 'The value before; absent if the field was added.' }),
	after: z
		.unknown()
		.optional()
		.meta({ description: 'The value after; absent if the field was removed.' })
});

const RecordChange = z.strictObject({
	kind: z.enum(RECORD_KINDS),
	id: z.string(),
	change: z.enum(['added', 'changed', 'removed']),
	fields: z.array(FieldChange).optional(),
	was: z.unknown().optional().meta({ description: 'For a removal: the record as it last stood.' })
});

const Revision = z.strictObject({
	version: z
		.string()
		.meta({ description: 'Short hash of the commit: the dataset version it made.' }),
	hash: z.string(),
	date: z.string().meta({ description: 'When it was committed, ISO 8601.' }),
	subject: z.string(),
	body: z
		.string()
		.meta({ description: "The rest of the commit's message: the correction's note." }),
	changes: z.array(RecordChange)
});

export const IncidentHistory = z.strictObject({
	incident: z.string(),
	version: DatasetVersion,
	available: z.boolean().meta({
		description: 'false where the build had no history to read (no .git, a shallow clone).'
	}),
	note: z.string().optional(),
	revisions: z.array(Revision).meta({ description: 'Newest first.' })
});

export type IncidentHistory = z.infer<typeof IncidentHistory>;

export function historySchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(IncidentHistory, {
		target: 'draft-2020-12',
		unrepresentable: 'any'
	});
	return {
		...schema,
		$id: 'https://sightline.invalid/schema/history.schema.json',
		title: 'Sightline incident history'
	};
}
