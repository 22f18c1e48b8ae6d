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
