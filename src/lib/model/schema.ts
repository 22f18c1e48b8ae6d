/**
 * The incident schema: one definition serves the validator, the TypeScript types and the
 * JSON Schema that editors use (`npm run schema` writes it to data/schema/).
 *
 * An incident is a folder of JSON files, one per kind of record, so an editor reviews one
 * concern at a time. Cross-file rules (ids resolve, sources are used) live in validate.ts.
 */
import { z } from 'zod';
import { BUILT_IN_ZONE_IDS, EVENT_ROLES, PRECISIONS, VERSION_PATTERN } from './vocabulary.ts';
import { instantProblem, isKnownTimeZone, partialDateProblem } from './time.ts';
import { invisibleInUrlProblem } from './characters.ts';

/** A value as an error message quotes it: a long string is cut, so a message stays one line. */
function quoted(value: unknown): string {
	const s = String(value);
	return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** '"2016-02-30" is not a real date: February 2016 has only 29 days' */
function notReal(value: unknown, what: string, problem: (v: string) => string | null): string {
	return `${quoted(value)} is not a real ${what}: ${problem(String(value))}`;
}

/** The shape of an id; also read by the quick check of events (quick-check.ts). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 80;

/** Readable, URL-safe, permanent ids: they appear in links that people paste into reports. */
export const Id = z
	.string()
	.regex(ID_PATTERN, {
		error: 'must be a lowercase slug of letters, digits and single hyphens (e.g. "first-call-1")'
	})
	.max(ID_MAX, { error: 'must be at most 80 characters' })
	.meta({ description: 'Permanent lowercase slug; used in URLs, so never rename it.' });

const OFFSET_DATETIME =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** "+4:30" and "+0430" are offsets too, but not as ISO 8601 and this file write them. */
function offsetFormProblem(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{1,2}):?(\d{2})?$/.exec(
		value
	);
	if (!m) return null;
	const fixed = `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
	return `must write its UTC offset as ±HH:MM, e.g. "${fixed}"; got ${quoted(value)}`;
}

/** An instant: ISO 8601 with an explicit UTC offset, because a time without one is ambiguous. */
export const OffsetDateTime = z
	.string({ error: 'must be a string' })
	.regex(OFFSET_DATETIME, {
		error: (issue) =>
			offsetFormProblem(issue.input) ??
			`must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got ${quoted(issue.input)}`
	})
	// Checked with the shape, so an impossible time is reported with every other problem.
	.refine((value) => instantProblem(value) === null, {
		error: (issue) => notReal(issue.input, 'date-time', instantProblem)
	})
	.meta({
		description:
			'ISO 8601 date-time with explicit offset, e.g. 2016-09-17T15:55+03:00. For a date-only event use local midnight and precision "day".'
	});

export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A calendar date of a publication or statement, as precise as the source allows. */
export const PartialDate = z
	.string()
	.regex(PARTIAL_DATE_PATTERN, {
		error: (issue) => `must be a date "YYYY-MM-DD", "YYYY-MM" or "YYYY"; got ${quoted(issue.input)}`
	})
	// The pattern alone lets "2016-02-30" and "2016-13" through.
	.refine((value) => partialDateProblem(value) === null, {
		error: (issue) => notReal(issue.input, 'date', partialDateProblem)
	})
	.meta({ description: 'YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source is.' });

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * An http(s) address without characters that do not show: with a right-to-left override or a
 * zero-width space in it, a link can look like another address than the one it opens. Each
 * address gets one message: an invisible character is named where it is the only problem, or
 * where it is what fails the pattern (U+FEFF counts as white space).
 */
export const HttpUrl = z
	.string()
	.regex(HTTP_URL, {
		error: (issue) => {
			const url = String(issue.input);
			const invisible = /^https?:\/\//i.test(url) ? invisibleInUrlProblem(url) : null;
			return invisible ?? `must be an http:// or https:// URL; got ${quoted(url)}`;
		}
	})
	.refine((url) => !HTTP_URL.test(url) || invisibleInUrlProblem(url) === null, {
		error: (issue) => invisibleInUrlProblem(String(issue.input)) ?? 'must be an http(s) URL'
	});

export const Precision = z
	.enum(PRECISIONS)
	.meta({ description: 'How precisely the source gives the time.' });

/** What a null means where a field allows one, for messages ("or null when the source gave none"). */
export const nullMeans = z.registry<{ means: string }>();

/** An IANA time zone name, as the runtime's time zone database knows it. */
const TimeZoneName = z.string().refine(isKnownTimeZone, {
	error: (issue) =>
		`must be an IANA time zone such as "Europe/Paris", "UTC" or "America/New_York"; got ${quoted(issue.input)}`
});

/**
 * The zone a source stated its time in: an IANA zone name, or null when the source gave none
 * (the instant then carries the offset the curator inferred, explained in timeNote).
 */
export const SourceTimeZone = TimeZoneName.nullable().register(nullMeans, {
	means: 'when the source gave none'
});

export { isKnownTimeZone };

/** A pointer from a record to a source, optionally to the exact words or place in it. */
export const Citation = z.strictObject({
	source: Id.meta({ description: 'id of a record in sources.json' }),
	quote: z
		.string()
		.min(1)
		.optional()
		.meta({ description: 'Short verbatim quote from the source.' }),
	locator: z
		.string()
		.min(1)
		.optional()
		.meta({ description: 'Where in the source: paragraph, page, timestamp.' })
});

const Citations = z.array(Citation).min(1, { error: 'must cite at least one source' });

export const SourceKind = z.enum([
	'news',
	'wire',
	'official-statement',
	'investigation-report',
	'monitor',
	'ngo-report',
	'state-media',
	'partisan',
	'analysis',
	'reference'
]);

export const Source = z
	.strictObject({
		id: Id,
		title: z.string().min(1),
		publisher: z.string().min(1),
		via: z.string().min(1).optional().meta({
			description: 'Where the stored copy was read, when it is a repost of the publisher.'
		}),
		published: PartialDate.nullable()
			.meta({ description: 'null when the page shows no date.' })
			.register(nullMeans, { means: 'when the page shows no date' }),
		url: HttpUrl,
		kind: SourceKind,
		language: z.string().min(2).max(8).optional(),
		note: z
			.string()
			.min(1)
			.optional()
			.meta({ description: 'Anything a reader should know: a truncated address, a missing date.' }),
		reliability: z
			.strictObject({
				flag: z.enum(['state', 'partisan']),
				note: z.string().min(1)
			})
			.optional()
			.meta({ description: 'Required where the publisher is state-run or partisan.' })
	})
	.superRefine((source, ctx) => {
		if ((source.kind === 'state-media' || source.kind === 'partisan') && !source.reliability) {
			ctx.addIssue({
				code: 'custom',
				path: ['reliability'],
				message: `a ${source.kind} source needs a reliability note`
			});
		}
	});

export const PartyKind = z.enum([
	'state',
	'government-body',
	'armed-force',
	'unit',
	'coalition',
	'international-organisation',
	'ngo',
	'armed-group',
	'media',
	'person'
]);

export const Party = z.strictObject({
	id: Id,
	name: z.string().min(1),
	shortName: z.string().min(1).max(24).optional(),
	kind: PartyKind,
	side: Id.meta({ description: 'id of one of the incident sides; the timeline lane.' }),
	parent: z
		.strictObject({
			party: Id,
			role: z.string().min(1).meta({ description: 'e.g. "spokesman", "commander", "unit of"' })
		})
		.optional(),
	description: z.string().min(1),
	sources: Citations
});

export const EventRole = z.enum(EVENT_ROLES);

export const LocationPrecision = z.enum(['exact', 'approximate', 'city', 'region', 'country']);

export const Location = z.strictObject({
	name: z.string().min(1),
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180),
	precision: LocationPrecision
});

/** One party's version of a contested fact. Several sit side by side on one event. */
export const Claim = z.strictObject({
	id: Id,
	claimant: Id.meta({ description: 'id of the party making the claim' }),
	madeOn: PartialDate.meta({ description: 'when the claim was made or published' }),
	statement: z.string().min(1).meta({ description: 'The claim, in neutral words.' }),
	sources: Citations
});

/**
 * What is known of when an uncertain time fell: no earlier than `earliest`, no later than
 * `latest` (either may be left open). After ISO 8601-2 (EDTF), where "[2016..2017]" is one
 * date of a set, "[..2016]" one on or before and "[2016..]" one on or after: the instant the
 * event gives is the best estimate and the bounds the range it is known to lie in. How they
 * were derived goes in the event's timeNote (data/CURATION.md).
 */
export const TimeBounds = z
	.strictObject({
		earliest: OffsetDateTime.optional().meta({
			description: 'The time was no earlier than this (ISO 8601 with explicit offset).'
		}),
		latest: OffsetDateTime.optional().meta({
			description: 'The time was no later than this (ISO 8601 with explicit offset).'
		})
	})
	.refine((b) => b.earliest !== undefined || b.latest !== undefined, {
		error: 'must give "earliest", "latest" or both'
	})
	.meta({
		description:
			'Bounds on an uncertain time, after EDTF\'s "one of a set" ([a..b], [..b], [a..]): the time lies between earliest and latest.'
	});

export const TITLE_MAX = 120;

export const Event = z.strictObject({
	id: Id,
	title: z.string().min(1).max(TITLE_MAX),
	summary: z.string().min(1),
	start: OffsetDateTime,
	startBounds: TimeBounds.optional(),
	end: OffsetDateTime.optional(),
	endBounds: TimeBounds.optional(),
	precision: Precision,
	approximate: z.boolean().meta({ description: 'true when the source says "about" or similar.' }),
	sourceTimeZone: SourceTimeZone,
	timeNote: z
		.string()
		.min(1)
		.optional()
		.meta({ description: 'How the time was read from the sources, and any gap.' }),
	timeSources: z.array(Id).min(1).optional().meta({
		description:
			"ids of the event's cited sources that its time rests on; the event page says when none of them is a primary document."
	}),
	category: Id,
	parties: z
		.array(z.strictObject({ party: Id, role: EventRole }))
		.min(1, { error: 'must involve at least one party' }),
	location: Location.optional(),
	sources: Citations,
	disputed: z.boolean(),
	claims: z.array(Claim).optional()
});

/** A count of people: exact, a range, or bounded on one side, as the claimant put it. */
export const Count = z.union([
	z.number().int().min(0),
	z
		.strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
		.refine((r) => r.max >= r.min, { error: 'max must not be below min', path: ['max'] }),
	z.strictObject({ atLeast: z.number().int().min(0) }),
	z.strictObject({ about: z.number().int().min(0) }),
	z.strictObject({ moreThan: z.number().int().min(0) })
]);

export const CasualtyClaim = z
	.strictObject({
		id: Id,
		event: Id,
		affected: Id.meta({ description: 'id of the party that suffered the casualties' }),
		killed: Count.optional(),
		wounded: Count.optional(),
		claimant: Id,
		claimedOn: PartialDate,
		note: z.string().min(1).optional(),
		sources: Citations
	})
	.refine((c) => c.killed !== undefined || c.wounded !== undefined, {
		error: 'must give killed, wounded or both'
	});

export const RelationType = z.enum([
	'allied-with',
	'fighting',
	'member-of',
	'deconfliction-channel',
	'notified',
	'called',
	'accused',
	'investigated',
	'co-brokered',
	'suspended-cooperation',
	'cooperated-with',
	'convened',
	'denied'
]);

export const Relation = z.strictObject({
	id: Id,
	type: RelationType,
	from: Id,
	to: Id,
	directed: z.boolean(),
	start: OffsetDateTime.optional().meta({ description: 'Omit when it held before the span.' }),
	end: OffsetDateTime.optional().meta({ description: 'Omit when it is open-ended.' }),
	description: z.string().min(1),
	events: z.array(Id),
	sources: Citations
});

export const Side = z.strictObject({
	id: Id,
	name: z.string().min(1),
	description: z.string().min(1).optional()
});

export const Category = z.strictObject({
	id: Id,
	name: z.string().min(1),
	description: z.string().min(1).optional()
});

export { BUILT_IN_ZONE_IDS };

/** One more zone the time-zone menu offers, e.g. where a capital involved gave its times. */
export const ExtraZone = z.strictObject({
	id: Id.meta({
		description:
			'Used in links as tz=<id>; any slug but "incident", "utc" and "local", which the menu always has.'
	}),
	zone: TimeZoneName,
	label: z
		.string()
		.min(1)
		.max(24)
		.meta({ description: 'Short name written after clock times, e.g. "Paris".' })
});

export const Incident = z.strictObject({
	id: Id,
	title: z.string().min(1),
	subtitle: z.string().min(1).optional(),
	summary: z.string().min(1),
	timeZone: TimeZoneName,
	timeZoneLabel: z
		.string()
		.min(1)
		.meta({ description: 'Short name written after clock times in that zone, e.g. "Lisbon".' }),
	zones: z.array(ExtraZone).max(8).optional().meta({
		description:
			"More zones the time-zone menu offers, after the incident's own and UTC and before the reader's own."
	}),
	span: z.strictObject({ start: OffsetDateTime, end: OffsetDateTime }),
	focus: z
		.strictObject({ start: OffsetDateTime, end: OffsetDateTime })
		.meta({ description: 'The window the timeline opens on: where the story is.' }),
	sides: z.array(Side).min(1),
	categories: z.array(Category).min(1),
	keyMoments: z.array(Id).meta({ description: 'Event ids offered as one-click jumps.' }),
	sources: Citations
});

/** The views a briefing step can put on screen. */
export const StoryView = z.enum(['timeline', 'graph', 'claims', 'map']);

/**
 * One step of a briefing: what the room sees (title, caption, the window and focus) and what
 * only the presenter sees (notes). A caption is sourced through the events it focuses, so a
 * step must focus at least one event and say nothing those events do not.
 */
export const StoryStep = z.strictObject({
	title: z.string().min(1).max(90),
	caption: z
		.string()
		.min(1)
		.max(400, { error: 'must be at most 400 characters: a caption is read from across a room' })
		.meta({ description: 'One or two sentences for the audience, in neutral words.' }),
	notes: z
		.string()
		.min(1)
		.meta({ description: 'Speaker notes, shown only in the presenter view.' }),
	window: z
		.strictObject({ start: OffsetDateTime, end: OffsetDateTime })
		.meta({ description: 'The time window the timeline and graph move to.' }),
	events: z
		.array(Id)
		.min(1, { error: 'must focus at least one event: the caption is sourced through its events' })
		.meta({ description: "Event ids in focus; their sources are the step's sources." }),
	parties: z.array(Id).meta({ description: 'Party ids highlighted in the graph.' }),
	views: z
		.array(StoryView)
		.min(1, { error: 'must name at least one view' })
		.meta({ description: 'What is on screen: timeline, graph, claims, map.' }),
	claims: Id.optional().meta({
		description:
			'Event whose versions and casualty figures the claims view shows; default: the first focused event that has any.'
	})
});

export const Storyline = z.strictObject({
	id: Id,
	title: z.string().min(1).max(90),
	summary: z.string().min(1).meta({ description: 'What the briefing covers, for its cover.' }),
	steps: z
		.array(StoryStep)
		.min(1, { error: 'must have at least one step' })
		.max(60, { error: 'must have at most 60 steps' })
});

/** The files of one incident folder, each wrapping its records under one key. */
export const files = {
	'incident.json': z.strictObject({ $schema: z.string().optional(), incident: Incident }),
	'sources.json': z.strictObject({ $schema: z.string().optional(), sources: z.array(Source) }),
	'parties.json': z.strictObject({ $schema: z.string().optional(), parties: z.array(Party) }),
	'events.json': z.strictObject({ $schema: z.string().optional(), events: z.array(Event) }),
	'relations.json': z.strictObject({
		$schema: z.string().optional(),
		relations: z.array(Relation)
	}),
	'casualties.json': z.strictObject({
		$schema: z.string().optional(),
		casualties: z.array(CasualtyClaim)
	}),
	'storylines.json': z.strictObject({
		$schema: z.string().optional(),
		storylines: z.array(Storyline)
	})
} as const;

export type FileName = keyof typeof files;
export const FILE_NAMES = Object.keys(files) as FileName[];
/** Files an incident may leave out; the model then has an empty list. */
export const OPTIONAL_FILES: ReadonlySet<FileName> = new Set(['storylines.json']);

/**
 * Which version of the data a model is: the last commit that changed the incident's folder, or
 * a hash of its files where the build had no history. Stamped by the build, not written by hand.
 */
export const DatasetVersion = z.strictObject({
	id: z
		.string()
		.regex(VERSION_PATTERN, {
			error: (issue) =>
				`must be a short commit or content hash such as "1a2b3c4"; got ${quoted(issue.input)}`
		})
		.meta({ description: 'Short hash of the commit (or of the files) this data is.' }),
	date: z
		.string()
		.nullable()
		.meta({ description: 'When that commit was made; null for a content hash.' }),
	kind: z.enum(['git', 'content']),
	note: z.string().min(1).optional()
});

/** The whole model, as published at /data/<incident-id>.json and validated in one piece. */
export const IncidentModel = z.strictObject({
	version: DatasetVersion.optional().meta({
		description: 'Stamped by the build that published the model.'
	}),
	incident: Incident,
	parties: z.array(Party),
	events: z.array(Event),
	relations: z.array(Relation),
	casualties: z.array(CasualtyClaim),
	sources: z.array(Source),
	storylines: z.array(Storyline).default([])
});

export type Id = z.infer<typeof Id>;
export type Citation = z.infer<typeof Citation>;
export type Source = z.infer<typeof Source>;
export type Party = z.infer<typeof Party>;
export type PartyKind = z.infer<typeof PartyKind>;
export type EventRole = z.infer<typeof EventRole>;
export type Claim = z.infer<typeof Claim>;
export type IncidentEvent = z.infer<typeof Event>;
export type TimeBounds = z.infer<typeof TimeBounds>;
export type Precision = z.infer<typeof Precision>;
export type Count = z.infer<typeof Count>;
export type CasualtyClaim = z.infer<typeof CasualtyClaim>;
export type Relation = z.infer<typeof Relation>;
export type RelationType = z.infer<typeof RelationType>;
export type Incident = z.infer<typeof Incident>;
export type DatasetVersion = z.infer<typeof DatasetVersion>;
export type ExtraZone = z.infer<typeof ExtraZone>;
export type IncidentModel = z.infer<typeof IncidentModel>;
export type StoryView = z.infer<typeof StoryView>;
export type StoryStep = z.infer<typeof StoryStep>;
export type Storyline = z.infer<typeof Storyline>;
