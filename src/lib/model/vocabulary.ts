/**
 * Closed vocabularies of the model as plain lists: the schema builds its enums from them, and
 * code that must not load the schema library (the CSV importer in the browser) reads them here.
 */
export const PRECISIONS = ['minute', 'hour', 'day', 'month', 'year'] as const;

export const EVENT_ROLES = [
	'actor',
	'target',
	'caller',
	'recipient',
	'speaker',
	'subject',
	'accuser',
	'accused',
	'investigator',
	'mediator',
	'participant',
	'victim'
] as const;

/** Ids the time-zone menu always has; an incident's own zones may not take them. */
export const BUILT_IN_ZONE_IDS = ['incident', 'utc', 'local'] as const;

/** A dataset version as links write it (`v=`): a short hash, marked "+<hash>" for uncommitted files. */
export const VERSION_PATTERN = /^[0-9a-f]{7,40}(?:\+[0-9a-f]{6})?$/;
