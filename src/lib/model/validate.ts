/**
 * Validation at the boundary: every file is checked against its schema, then the records are
 * checked against each other. All problems are collected, never only the first, and each names
 * the file, the JSON path and what is wrong, so an editor can fix a whole batch in one pass.
 *
 * Pure: it takes parsed JSON (or the text that failed to parse) and never touches the disk, so
 * the same code runs in the build, in the CLI and (later) in a browser worker.
 */
import type { z } from 'zod';
import { describeIssue, quote, schemaAt } from './issues.ts';
import { nearest } from './suggest.ts';
import {
	BUILT_IN_ZONE_IDS,
	files,
	FILE_NAMES,
	OPTIONAL_FILES,
	type FileName,
	type IncidentModel
} from './schema.ts';
import { instantProblem, isoOffset, parseInstant, statedOffset, zoneOffset } from './time.ts';
import { eventExtent } from './extent.ts';
import { eventRuleProblems } from './event-rules.ts';
import { claimsEventOf } from './claims.ts';
import { findDuplicateKeys } from './duplicate-keys.ts';
import { decodeUtf8, withoutBom } from './utf8.ts';
import { findControlCharacters } from './characters.ts';
import { quickCheckEventsFile } from './quick-check.ts';

export interface ValidationError {
	/** The data file, e.g. "events.json". */
	file: string;
	/** JSON path in the file, e.g. "$.events[3].start". */
	path: string;
	message: string;
}

export type ValidationResult =
	| { ok: true; model: IncidentModel; errors: [] }
	| { ok: false; model?: undefined; errors: ValidationError[] };

/**
 * A file's text as read: its JSON (with any problems the parse hid, such as a repeated key),
 * or the reason it could not be read.
 */
export type ParsedFile =
	{ json: unknown; problems?: { path: string; message: string }[] } | { error: string };

/** What a folder of data gave us: each file's JSON, or the reason it could not be read. */
export type RawFiles = Partial<Record<FileName, ParsedFile>>;

/** Formats a path array as a JSON path: ["events", 3, "start"] → "$.events[3].start". */
export function jsonPath(path: readonly PropertyKey[]): string {
	let out = '$';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out;
}

export function formatError(e: ValidationError): string {
	return `${e.file} ${e.path}: ${e.message}`;
}

function zodIssues(file: FileName, error: z.ZodError): ValidationError[] {
	return error.issues.map((issue) => ({
		file,
		path: jsonPath(issue.path),
		message: describeIssue(issue, files[file])
	}));
}

/** The record lists of the files, by key, as each folder file wraps them. */
const LIST_KEYS = {
	'sources.json': 'sources',
	'parties.json': 'parties',
	'events.json': 'events',
	'relations.json': 'relations',
	'casualties.json': 'casualties',
	'storylines.json': 'storylines'
} as const;

export interface ValidateOptions {
	/**
	 * Called once every file has passed its schema, with the model they make, before its strings
	 * are scanned for unwanted characters and its records are checked against each other (either
	 * may still refuse it): for a first look at a large file being opened (import/preview.ts),
	 * never to be taken as valid.
	 */
	onShaped?: (model: IncidentModel) => void;
}

/** Checks one incident folder's files and returns the model, or every problem found. */
export function validateIncident(raw: RawFiles, options: ValidateOptions = {}): ValidationResult {
	const errors: ValidationError[] = [];
	const parsed: Partial<Record<FileName, unknown>> = {};
	const failed = new Set<FileName>();

	// Each file against its schema first, so that a first look (options.onShaped) can go out as
	// soon as every record has its shape, before the scan of every string for unwanted
	// characters; the problems are still reported below in the order they always were.
	const shapes = new Map<FileName, ReturnType<typeof parseFile>>();
	for (const name of FILE_NAMES) {
		const entry = raw[name];
		if (entry && !('error' in entry)) shapes.set(name, parseFile(name, entry.json));
	}
	if (options.onShaped) {
		const whole = FILE_NAMES.every((name) =>
			raw[name] ? shapes.get(name)?.success === true : OPTIONAL_FILES.has(name)
		);
		if (whole) {
			const shaped: Partial<Record<FileName, unknown>> = {};
			for (const [name, result] of shapes) if (result.success) shaped[name] = result.data;
			options.onShaped(modelOf(shaped));
		}
	}

	for (const name of FILE_NAMES) {
		const entry = raw[name];
		if (!entry) {
			if (OPTIONAL_FILES.has(name)) continue;
			errors.push({ file: name, path: '$', message: 'file is missing from the incident folder' });
			failed.add(name);
			continue;
		}
		if ('error' in entry) {
			errors.push({ file: name, path: '$', message: entry.error });
			failed.add(name);
			continue;
		}
		// The parsed value is still checked, so the file's other problems come in the same pass.
		for (const p of entry.problems ?? []) errors.push({ file: name, ...p });
		for (const p of findControlCharacters(entry.json))
			errors.push({ file: name, path: jsonPath(p.path), message: p.message });
		const result = shapes.get(name)!;
		if (result.success) parsed[name] = result.data;
		else {
			errors.push(...zodIssues(name, result.error));
			failed.add(name);
		}
	}
	if (failed.size === 0 && errors.length === 0) {
		const model = modelOf(parsed);
		errors.push(...checkReferences(model));
		return errors.length > 0 ? { ok: false, errors } : { ok: true, model, errors: [] };
	}
	// Schema and cross-file problems are reported in one run: the records that have their
	// shape are checked against each other, and references to records that do not are not
	// reported again (their ids are read from the raw files).
	const salvaged = salvage(raw, parsed, failed);
	if (salvaged)
		errors.push(...checkReferences(salvaged.model, { known: salvaged.known, partial: true }));
	return { ok: false, errors };
}

/**
 * One file's JSON against its schema. Events are checked by hand first (quick-check.ts): only
 * a file that fails that goes through the schema, which then says what is wrong.
 */
export function parseFile(
	name: FileName,
	json: unknown
): { success: true; data: unknown } | { success: false; error: z.ZodError } {
	const quick = name === 'events.json' ? quickCheckEventsFile(json) : null;
	if (quick) return { success: true, data: quick };
	return files[name].safeParse(json, { reportInput: true });
}

function modelOf(parsed: Partial<Record<FileName, unknown>>): IncidentModel {
	const list = <K extends keyof typeof LIST_KEYS>(file: K) =>
		((parsed[file] as Record<string, unknown> | undefined)?.[LIST_KEYS[file]] ?? []) as never;
	return {
		incident: (parsed['incident.json'] as z.infer<(typeof files)['incident.json']>).incident,
		sources: list('sources.json'),
		parties: list('parties.json'),
		events: list('events.json'),
		relations: list('relations.json'),
		casualties: list('casualties.json'),
		storylines: list('storylines.json')
	};
}

/**
 * Ids that records may point at, as the raw files give them, whether or not a record is valid;
 * null where a file has no list to read them from, so references into it cannot be checked.
 */
export interface KnownIds {
	sources: Set<string> | null;
	parties: Set<string> | null;
	events: Set<string> | null;
	sides: Set<string> | null;
	categories: Set<string> | null;
}

/**
 * The records of failed files that do have their shape, each checked on its own, and every id
 * the raw files give. Null when incident.json itself has no shape: without its span, sides and
 * categories the other files cannot be checked against it.
 */
function salvage(
	raw: RawFiles,
	parsed: Partial<Record<FileName, unknown>>,
	failed: Set<FileName>
): { model: IncidentModel; known: KnownIds } | null {
	if (failed.has('incident.json')) return null;
	const rawList = (file: FileName, key: string): unknown[] | null => {
		const entry = raw[file];
		const json = entry && 'json' in entry ? (entry.json as Record<string, unknown> | null) : null;
		const list = json && typeof json === 'object' ? json[key] : undefined;
		return Array.isArray(list) ? list : null;
	};
	const whole = { ...parsed };
	for (const file of Object.keys(LIST_KEYS) as (keyof typeof LIST_KEYS)[]) {
		if (!failed.has(file)) continue;
		const key = LIST_KEYS[file];
		const element = schemaAt(files[file], [key, 0]) as z.ZodType;
		// Sparse: a record without its shape leaves a hole, so the others keep their indices
		// (and their paths in messages); forEach passes over holes.
		const list = rawList(file, key) ?? [];
		const records: unknown[] = new Array(list.length);
		list.forEach((r, i) => {
			const one = element.safeParse(r);
			if (one.success) records[i] = one.data;
		});
		whole[file] = { [key]: records };
	}
	const ids = (file: FileName, key: string) => {
		const list = rawList(file, key);
		if (!list) return null;
		return new Set(
			list.flatMap((r) =>
				r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string'
					? [(r as { id: string }).id]
					: []
			)
		);
	};
	const model = modelOf(whole);
	return {
		model,
		known: {
			sources: ids('sources.json', 'sources'),
			parties: ids('parties.json', 'parties'),
			events: ids('events.json', 'events'),
			sides: new Set(model.incident.sides.map((x) => x.id)),
			categories: new Set(model.incident.categories.map((x) => x.id))
		}
	};
}

/** Where each kind of record a reference can name is listed, for "unknown …" messages. */
const LISTED: Record<keyof KnownIds, [what: string, where: string]> = {
	sources: ['source', 'Sources are listed under "sources" (sources.json).'],
	parties: ['party', 'Parties are listed under "parties" (parties.json).'],
	events: ['event', 'Events are listed under "events" (events.json).'],
	sides: ['side', 'Sides are listed under "incident.sides" (incident.json).'],
	categories: ['category', 'Categories are listed under "incident.categories" (incident.json).']
};
/** "Did you mean" is worked out for this many unknown ids a run, in lists up to this long. */
const SUGGESTED = 100;
const SUGGEST_FROM = 20_000;

/**
 * Cross-file rules: unique ids, references resolve, times in order, in the incident's span
 * and in their source's zone, every source used. With `partial`, the model holds only the
 * records that have their shape, `known` the ids the raw files give, and rules that need
 * every record (every source used) are left until the files have their shape.
 */
export function checkReferences(
	model: IncidentModel,
	opts: { known?: KnownIds; partial?: boolean } = {}
): ValidationError[] {
	const errors: ValidationError[] = [];
	const err = (file: string, path: PropertyKey[], message: string) =>
		errors.push({ file, path: jsonPath(path), message });

	const ids = <T extends { id: string }>(file: string, key: string, items: T[]) => {
		const seen = new Map<string, number>();
		items.forEach((item, i) => {
			const first = seen.get(item.id);
			if (first !== undefined)
				err(file, [key, i, 'id'], `duplicate id "${item.id}" (first used at $.${key}[${first}])`);
			else seen.set(item.id, i);
		});
		return new Set(seen.keys());
	};
	const own: KnownIds = {
		sources: ids('sources.json', 'sources', model.sources),
		parties: ids('parties.json', 'parties', model.parties),
		events: ids('events.json', 'events', model.events),
		sides: ids('incident.json', 'incident.sides', model.incident.sides),
		categories: ids('incident.json', 'incident.categories', model.incident.categories)
	};
	ids('relations.json', 'relations', model.relations);
	ids('casualties.json', 'casualties', model.casualties);
	const known = opts.known ?? own;
	const claimIds = new Map<string, string>();

	let suggested = 0;
	/** 'unknown party "x"; did you mean "y"? Parties are listed under …' */
	const unknown = (kind: keyof KnownIds, id: string) => {
		const [what, where] = LISTED[kind];
		const list = known[kind] ?? new Set<string>();
		const near =
			suggested++ < SUGGESTED && list.size <= SUGGEST_FROM ? nearest(id, list) : undefined;
		return `unknown ${what} ${quote(id)}${near ? `; did you mean "${near}"?` : '.'} ${where}`;
	};

	// A record's path is given as where it is (`at`) and the key checked; the whole path is
	// built only for an error. At 100,000 events, building every path up front cost more than
	// the checks themselves.
	const usedSources = new Set<string>();
	const cite = (file: string, at: PropertyKey[], citations: { source: string }[]) => {
		for (let i = 0; i < citations.length; i++) {
			const { source } = citations[i]!;
			usedSources.add(source);
			if (known.sources && !known.sources.has(source))
				err(file, [...at, 'sources', i, 'source'], unknown('sources', source));
		}
	};
	const ref = (
		file: string,
		at: PropertyKey[],
		key: PropertyKey | PropertyKey[],
		kind: keyof KnownIds,
		id: string
	) => {
		const list = known[kind];
		if (list && !list.has(id)) err(file, at.concat(key), unknown(kind, id));
	};

	const { incident } = model;
	const span = [parseInstant(incident.span.start), parseInstant(incident.span.end)] as const;
	const spanText = `the incident's span (${incident.span.start} to ${incident.span.end} in incident.json)`;
	const spanDays = [incident.span.start.slice(0, 10), incident.span.end.slice(0, 10)] as const;
	/** A record's start and end: each a real instant, the end not before the start, in the span. */
	const times = (file: string, at: PropertyKey[], start?: string, end?: string) => {
		const s = start === undefined ? NaN : parseInstant(start);
		const e = end === undefined ? NaN : parseInstant(end);
		if (start !== undefined && Number.isNaN(s)) err(file, [...at, 'start'], notRealInstant(start));
		if (end !== undefined && Number.isNaN(e)) err(file, [...at, 'end'], notRealInstant(end));
		if (start && end && e < s) err(file, [...at, 'end'], `end ${end} is before start ${start}`);
		// A span that is itself wrong is reported once, not against every record.
		if (file === 'incident.json' || !(span[0] <= span[1])) return;
		if (s < span[0]) err(file, [...at, 'start'], `${quote(start)} is before ${spanText}`);
		else if (s > span[1]) err(file, [...at, 'start'], `${quote(start)} is after ${spanText}`);
		if (e > span[1]) err(file, [...at, 'end'], `${quote(end)} is after ${spanText}`);
	};
	/** A date of a claim ("2016", "2016-09", "2016-09-17"): some of it inside the span's days. */
	const claimDate = (file: string, path: PropertyKey[], date: string) => {
		if (!(span[0] <= span[1])) return;
		const first = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
		const last = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
		if (last < spanDays[0]) err(file, path, `${quote(date)} is before ${spanText}`);
		else if (first > spanDays[1]) err(file, path, `${quote(date)} is after ${spanText}`);
	};
	/** An instant written in its source's zone carries that zone's offset at that moment. */
	const inZone = (file: string, path: PropertyKey[], value: string, zone: string | null) => {
		if (!zone) return;
		const t = parseInstant(value);
		if (Number.isNaN(t)) return;
		const expected = zoneOffset(t, zone);
		const stated = statedOffset(value);
		// At the moment clocks change, the offset from just before it is right too: a day whose
		// midnight was skipped begins at "00:00" with the old offset.
		if (stated === expected || stated === zoneOffset(t - 1, zone)) return;
		const written = /(Z|[+-]\d{2}:\d{2})$/.exec(value)?.[1];
		err(
			file,
			path,
			`${quote(value)}: the offset ${written} is not that of ${zone} (its sourceTimeZone), which was ${isoOffset(expected)} at that moment; write the source's clock time with ${isoOffset(expected)}, or correct sourceTimeZone`
		);
	};

	cite('incident.json', ['incident'], incident.sources);
	for (const key of ['span', 'focus'] as const)
		times('incident.json', ['incident', key], incident[key].start, incident[key].end);
	const zoneIds = new Set<string>(BUILT_IN_ZONE_IDS);
	incident.zones?.forEach((zone, i) => {
		if (zoneIds.has(zone.id))
			err(
				'incident.json',
				['incident', 'zones', i, 'id'],
				(BUILT_IN_ZONE_IDS as readonly string[]).includes(zone.id)
					? `"${zone.id}" is one of the menu's own choices (${BUILT_IN_ZONE_IDS.join(', ')}); give this zone another id`
					: `duplicate zone id "${zone.id}"`
			);
		zoneIds.add(zone.id);
	});
	incident.keyMoments.forEach((id, i) =>
		ref('incident.json', ['incident', 'keyMoments'], i, 'events', id)
	);

	model.parties.forEach((party, i) => {
		const at = ['parties', i];
		ref('parties.json', at, 'side', 'sides', party.side);
		if (party.parent) {
			ref('parties.json', at, ['parent', 'party'], 'parties', party.parent.party);
			if (party.parent.party === party.id)
				err(
					'parties.json',
					[...at, 'parent', 'party'],
					`a party cannot be its own parent; got ${quote(party.id)}`
				);
		}
		cite('parties.json', at, party.sources);
	});

	model.events.forEach((event, i) => {
		const at = ['events', i];
		times('events.json', at, event.start, event.end);
		inZone('events.json', [...at, 'start'], event.start, event.sourceTimeZone);
		if (event.end) inZone('events.json', [...at, 'end'], event.end, event.sourceTimeZone);
		ref('events.json', at, 'category', 'categories', event.category);
		for (let j = 0; j < event.parties.length; j++)
			ref('events.json', at, ['parties', j, 'party'], 'parties', event.parties[j]!.party);
		cite('events.json', at, event.sources);
		event.claims?.forEach((claim, j) => {
			const path = [...at, 'claims', j];
			const owner = claimIds.get(claim.id);
			if (owner)
				err(
					'events.json',
					[...path, 'id'],
					`duplicate claim id "${claim.id}" (also in event "${owner}")`
				);
			else claimIds.set(claim.id, event.id);
			ref('events.json', path, 'claimant', 'parties', claim.claimant);
			claimDate('events.json', [...path, 'madeOn'], claim.madeOn);
			cite('events.json', path, claim.sources);
		});
	});
	// Whether "disputed" agrees with the versions, derived times, bounds: see event-rules.ts.
	for (const p of eventRuleProblems(model, { partial: opts.partial }))
		err('events.json', ['events', p.index, ...p.path], p.message);

	model.relations.forEach((relation, i) => {
		const at = ['relations', i];
		ref('relations.json', at, 'from', 'parties', relation.from);
		ref('relations.json', at, 'to', 'parties', relation.to);
		if (relation.from === relation.to)
			err(
				'relations.json',
				[...at, 'to'],
				`a relation must join two different parties; got ${quote(relation.to)} at both ends`
			);
		times('relations.json', at, relation.start, relation.end);
		relation.events.forEach((id, j) => ref('relations.json', at, ['events', j], 'events', id));
		cite('relations.json', at, relation.sources);
	});

	model.casualties.forEach((c, i) => {
		const at = ['casualties', i];
		ref('casualties.json', at, 'event', 'events', c.event);
		ref('casualties.json', at, 'affected', 'parties', c.affected);
		ref('casualties.json', at, 'claimant', 'parties', c.claimant);
		claimDate('casualties.json', [...at, 'claimedOn'], c.claimedOn);
		cite('casualties.json', at, c.sources);
	});

	errors.push(
		...checkStorylines(model, { eventIds: known.events, partyIds: known.parties }, unknown)
	);

	if (!opts.partial)
		model.sources.forEach((source, i) => {
			if (!usedSources.has(source.id))
				err('sources.json', ['sources', i], `source "${source.id}" is not cited by any record`);
		});
	return errors;
}

/**
 * The message for a date-time the calendar or the clock does not have. The schema reports
 * these first; this is for models checked without it.
 */
function notRealInstant(value: string): string {
	const why = instantProblem(value);
	return `"${value}" is not a real date-time${why ? `: ${why}` : ''}`;
}

/**
 * Briefing rules: every id a step names resolves, its window is a real, forward window inside
 * the incident's span, and each focused event can be seen in it, so the room never hears a
 * caption about something that is off screen.
 */
function checkStorylines(
	model: IncidentModel,
	known: { eventIds: Set<string> | null; partyIds: Set<string> | null },
	unknown: (kind: 'events' | 'parties', id: string) => string
): ValidationError[] {
	const errors: ValidationError[] = [];
	const file = 'storylines.json';
	const err = (path: PropertyKey[], message: string) =>
		errors.push({ file, path: jsonPath(path), message });
	const span = [parseInstant(model.incident.span.start), parseInstant(model.incident.span.end)];
	// Built only when there are storylines to check: an incident of 100,000 events and no
	// briefings should not pay for a map of them all.
	let byId: Map<string, IncidentModel['events'][number]> | null = null;
	const eventById = () => {
		if (!byId) {
			byId = new Map();
			model.events.forEach((e) => byId!.set(e.id, e));
		}
		return byId;
	};
	const seen = new Map<string, number>();

	model.storylines.forEach((story, i) => {
		const first = seen.get(story.id);
		if (first !== undefined)
			err(
				['storylines', i, 'id'],
				`duplicate id "${story.id}" (first used at $.storylines[${first}])`
			);
		else seen.set(story.id, i);

		story.steps.forEach((step, j) => {
			const at = ['storylines', i, 'steps', j];
			const start = parseInstant(step.window.start);
			const end = parseInstant(step.window.end);
			if (Number.isNaN(start)) err([...at, 'window', 'start'], notRealInstant(step.window.start));
			if (Number.isNaN(end)) err([...at, 'window', 'end'], notRealInstant(step.window.end));
			const windowOk = !Number.isNaN(start) && !Number.isNaN(end);
			if (windowOk && end <= start)
				err(
					[...at, 'window', 'end'],
					`end ${step.window.end} must be after start ${step.window.start}`
				);
			else if (windowOk && (start < span[0]! || end > span[1]!))
				err(
					[...at, 'window'],
					`must lie inside the incident's span (${model.incident.span.start} to ${model.incident.span.end}); got ${step.window.start} to ${step.window.end}`
				);

			step.events.forEach((id, k) => {
				const event = eventById().get(id);
				if (!event) {
					if (known.eventIds && !known.eventIds.has(id))
						err([...at, 'events', k], unknown('events', id));
					return;
				}
				if (!windowOk || end <= start) return;
				const [a, b] = eventExtent(event).extent;
				if (b < start || a > end)
					err(
						[...at, 'events', k],
						`event "${id}" (${event.start}) falls outside the step's window ${step.window.start} – ${step.window.end}`
					);
			});
			if (new Set(step.events).size !== step.events.length)
				err(
					[...at, 'events'],
					`names an event more than once; got ${step.events
						.filter((id, k) => step.events.indexOf(id) !== k)
						.map((id) => `"${id}"`)
						.join(', ')} again`
				);
			step.parties.forEach((id, k) => {
				if (known.partyIds && !known.partyIds.has(id))
					err([...at, 'parties', k], unknown('parties', id));
			});
			if (new Set(step.views).size !== step.views.length)
				err(
					[...at, 'views'],
					`names a view more than once; got ${step.views
						.filter((v, k) => step.views.indexOf(v) !== k)
						.map((v) => `"${v}"`)
						.join(', ')} again`
				);

			if (step.claims !== undefined) {
				if (known.eventIds && !known.eventIds.has(step.claims))
					err([...at, 'claims'], unknown('events', step.claims));
				else if (!step.events.includes(step.claims))
					err([...at, 'claims'], `event "${step.claims}" must also be one of the step's events`);
			}
			if (step.views.includes('claims')) {
				const shown = step.claims ?? claimsEventOf(model, step.events);
				if (!shown)
					err(
						[...at, 'views'],
						'shows "claims", but none of its events has versions or casualty figures'
					);
			}
			if (step.views.includes('map') && !step.events.some((id) => eventById().get(id)?.location))
				err([...at, 'views'], 'shows "map", but none of its events has a location');
		});
	});
	return errors;
}

/**
 * Parses the text of a data file. A leading byte-order mark is dropped, as browsers do when
 * they decode a file, so a file saved by an editor that writes one reads the same everywhere.
 * A key repeated in an object, which JSON.parse lets pass by keeping the later value, is
 * reported as a problem at its path.
 */
export function parseJsonText(text: string): ParsedFile {
	const parsed = parseJsonValue(text);
	if ('error' in parsed) return parsed;
	const problems = duplicateKeyProblems(parsed.body);
	return problems ? { json: parsed.json, problems } : { json: parsed.json };
}

/** JSON.parse of a data file's text (a leading byte-order mark dropped), or where it stops. */
export function parseJsonValue(text: string): { json: unknown; body: string } | { error: string } {
	const body = withoutBom(text);
	try {
		return { json: JSON.parse(body), body };
	} catch (e) {
		return { error: describeJsonError(body, e) };
	}
}

/** Every key repeated within an object of JSON text JSON.parse accepted, as problems, or null. */
export function duplicateKeyProblems(body: string): { path: string; message: string }[] | null {
	const duplicates = findDuplicateKeys(body);
	if (duplicates.length === 0) return null;
	return duplicates.map((d) => ({
		path: jsonPath(d.path),
		message: `duplicate key ${JSON.stringify(d.key.length > 40 ? `${d.key.slice(0, 40)}…` : d.key)} (line ${d.line}, column ${d.column}); the later value would silently win`
	}));
}

/**
 * Parses a data file from its bytes, which must be UTF-8: a byte that is not is reported with
 * its offset rather than read as U+FFFD.
 */
export function parseJsonBytes(bytes: Uint8Array): ParsedFile {
	const decoded = decodeUtf8(bytes);
	return 'error' in decoded ? decoded : parseJsonText(decoded.text);
}

/** Turns JSON.parse's message into one that says where, by line and column. */
export function describeJsonError(text: string, e: unknown): string {
	const message = e instanceof Error ? e.message : String(e);
	if (text.trim() === '') return 'file is empty; expected a JSON object';
	const pos = /at position (\d+)/.exec(message);
	// Some messages carry no position ("Unexpected end of JSON input", "Unexpected token"):
	// find the first error ourselves rather than leave the editor to search the file.
	const end = text.trimEnd().length;
	const offset = pos
		? Number(pos[1])
		: /end of JSON input/.test(message)
			? end
			: jsonErrorOffset(text);
	if (offset < 0) return `not valid JSON: ${message}`;
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	let detail: string;
	if (pos)
		detail = message
			.replace(/ in JSON at position \d+.*$/s, '')
			.replace(/ after JSON at position \d+.*$/s, ' after the end of the JSON value')
			.replace(/^Unexpected/, 'unexpected');
	else if (offset >= end)
		detail = 'the file ends in the middle of a value (cut short, or a bracket or quote not closed)';
	else detail = `unexpected character ${JSON.stringify(text[offset])}`;
	return `not valid JSON at line ${line}, column ${column}: ${detail}`;
}

const JSON_SPACE = /[ \t\n\r]*/y;
const JSON_ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;
const JSON_SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The offset of the first syntax error in text, or -1 if there is none. Iterative and free of
 * backtracking, so neither deep nesting nor a huge string can overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const closers: string[] = [];
	const eat = (re: RegExp) => {
		re.lastIndex = i;
		if (!re.test(text)) return false;
		i = re.lastIndex;
		return true;
	};
	// A string; on failure i is left at the offending character.
	const string = () => {
		if (text[i] !== '"') return false;
		for (i++; i < text.length;) {
			const c = text.charCodeAt(i);
			if (c === 0x22) return ++i > 0;
			if (c < 0x20) return false;
			if (c !== 0x5c) i++;
			else {
				i++;
				if (!eat(JSON_ESCAPE)) return false;
			}
		}
		return false;
	};
	const key = () => {
		if (!string()) return false;
		eat(JSON_SPACE);
		if (text[i] !== ':') return false;
		i++;
		return true;
	};
	for (;;) {
		// A value is expected here.
		eat(JSON_SPACE);
		const c = text[i];
		if (c === '{' || c === '[') {
			i++;
			eat(JSON_SPACE);
			if (text[i] === (c === '{' ? '}' : ']')) i++;
			else {
				closers.push(c === '{' ? '}' : ']');
				if (c === '{' && !key()) return i;
				continue;
			}
		} else if (c === '"') {
			if (!string()) return i;
		} else if (!eat(JSON_SCALAR)) return i;
		// After a value: close containers, or a comma and the next member.
		for (;;) {
			eat(JSON_SPACE);
			const closer = closers[closers.length - 1];
			if (closer === undefined) return i < text.length ? i : -1;
			if (text[i] === closer) {
				closers.pop();
				i++;
				continue;
			}
			if (text[i] !== ',') return i;
			i++;
			eat(JSON_SPACE);
			if (closer === '}' && !key()) return i;
			break;
		}
	}
}
