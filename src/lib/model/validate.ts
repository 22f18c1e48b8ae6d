/**
 * Validation at the boundary: every file is checked against its schema, then the records are
 * checked against each other. All problems are collected, never only the first, and each names
 * the file, the JSON path and what is wrong, so an editor can fix a whole batch in one pass.
 *
 * Pure: it takes parsed JSON (or the text that failed to parse) and never touches the disk, so
 * the same code runs in the build, in the CLI and (later) in a browser worker.
 */
import type { z } from 'zod';
import {
	BUILT_IN_ZONE_IDS,
	files,
	FILE_NAMES,
	OPTIONAL_FILES,
	type FileName,
	type IncidentModel
} from './schema.ts';
import { instantProblem, parseInstant } from './time.ts';
import { eventExtent } from './extent.ts';
import { claimsEventOf } from './claims.ts';
import { findDuplicateKeys } from './duplicate-keys.ts';
import { decodeUtf8 } from './utf8.ts';

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

function zodIssues(file: string, error: z.ZodError): ValidationError[] {
	return error.issues.map((issue) => ({
		file,
		path: jsonPath(issue.path),
		message: describeIssue(issue)
	}));
}

function describeIssue(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'unrecognized_keys':
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
		case 'invalid_type':
			if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
				return `must be a finite number, got one too large to store`;
			return issue.input === undefined
				? `is required (${issue.expected})`
				: `must be ${article(issue.expected)} ${issue.expected}, got ${typeName(issue.input)}`;
		case 'invalid_value': {
			const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
			return issue.input === undefined
				? `is required (one of ${values})`
				: `must be one of ${values}; got ${preview(issue.input)}`;
		}
		case 'too_small':
		case 'too_big': {
			// Our own messages ("must cite at least one source") pass through; zod's are reworded.
			if (!/^Too (small|big)/.test(issue.message)) return issue.message;
			const small = issue.code === 'too_small';
			const n = Number(small ? issue.minimum : issue.maximum);
			if (issue.origin === 'string' && small && n === 1) return 'must not be empty';
			const bound = small
				? issue.inclusive === false
					? 'more than'
					: 'at least'
				: issue.inclusive === false
					? 'less than'
					: 'at most';
			if (issue.origin === 'string') return `must be ${bound} ${n} characters long`;
			if (issue.origin === 'array') return `must have ${bound} ${n} item${n === 1 ? '' : 's'}`;
			return `must be ${bound} ${n}`;
		}
		case 'invalid_union':
			return 'must be a whole number, {"min", "max"}, {"atLeast"}, {"about"} or {"moreThan"}';
		default:
			return issue.message;
	}
}

/** A value as a message shows it: short, and never the whole of a big array or object. */
function preview(value: unknown): string {
	if (value === null || typeof value === 'object') return typeName(value);
	if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
	return String(value);
}

function article(word: string): string {
	return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
	return typeof value;
}

/** Checks one incident folder's files and returns the model, or every problem found. */
export function validateIncident(raw: RawFiles): ValidationResult {
	const errors: ValidationError[] = [];
	const parsed: Partial<Record<FileName, unknown>> = {};

	for (const name of FILE_NAMES) {
		const entry = raw[name];
		if (!entry) {
			if (OPTIONAL_FILES.has(name)) continue;
			errors.push({ file: name, path: '$', message: 'file is missing from the incident folder' });
			continue;
		}
		if ('error' in entry) {
			errors.push({ file: name, path: '$', message: entry.error });
			continue;
		}
		// The parsed value is still checked, so the file's other problems come in the same pass.
		for (const p of entry.problems ?? []) errors.push({ file: name, ...p });
		const result = files[name].safeParse(entry.json, { reportInput: true });
		if (result.success) parsed[name] = result.data;
		else errors.push(...zodIssues(name, result.error));
	}
	// Cross-references are only meaningful when every file has its shape.
	if (errors.length > 0) return { ok: false, errors };

	const model: IncidentModel = {
		incident: (parsed['incident.json'] as z.infer<(typeof files)['incident.json']>).incident,
		sources: (parsed['sources.json'] as z.infer<(typeof files)['sources.json']>).sources,
		parties: (parsed['parties.json'] as z.infer<(typeof files)['parties.json']>).parties,
		events: (parsed['events.json'] as z.infer<(typeof files)['events.json']>).events,
		relations: (parsed['relations.json'] as z.infer<(typeof files)['relations.json']>).relations,
		casualties: (parsed['casualties.json'] as z.infer<(typeof files)['casualties.json']>)
			.casualties,
		storylines:
			(parsed['storylines.json'] as z.infer<(typeof files)['storylines.json']> | undefined)
				?.storylines ?? []
	};
	errors.push(...checkReferences(model));
	return errors.length > 0 ? { ok: false, errors } : { ok: true, model, errors: [] };
}

/** Cross-file rules: unique ids, references resolve, times in order, every source used. */
export function checkReferences(model: IncidentModel): ValidationError[] {
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
	const sourceIds = ids('sources.json', 'sources', model.sources);
	const partyIds = ids('parties.json', 'parties', model.parties);
	const eventIds = ids('events.json', 'events', model.events);
	ids('relations.json', 'relations', model.relations);
	ids('casualties.json', 'casualties', model.casualties);
	const sideIds = ids('incident.json', 'incident.sides', model.incident.sides);
	const categoryIds = ids('incident.json', 'incident.categories', model.incident.categories);
	const claimIds = new Map<string, string>();

	// A record's path is given as where it is (`at`) and the key checked; the whole path is
	// built only for an error. At 100,000 events, building every path up front cost more than
	// the checks themselves.
	const usedSources = new Set<string>();
	const cite = (file: string, at: PropertyKey[], citations: { source: string }[]) => {
		for (let i = 0; i < citations.length; i++) {
			const { source } = citations[i]!;
			usedSources.add(source);
			if (!sourceIds.has(source))
				err(
					file,
					[...at, 'sources', i, 'source'],
					`unknown source "${source}" (not in sources.json)`
				);
		}
	};
	const ref = (
		file: string,
		at: PropertyKey[],
		key: PropertyKey | PropertyKey[],
		set: Set<string>,
		id: string,
		what: string
	) => {
		if (!set.has(id)) err(file, at.concat(key), `unknown ${what} "${id}"`);
	};
	/** A record's start and end: each a real instant, and the end not before the start. */
	const times = (file: string, at: PropertyKey[], start?: string, end?: string) => {
		const s = start === undefined ? NaN : parseInstant(start);
		const e = end === undefined ? NaN : parseInstant(end);
		if (start !== undefined && Number.isNaN(s)) err(file, [...at, 'start'], notRealInstant(start));
		if (end !== undefined && Number.isNaN(e)) err(file, [...at, 'end'], notRealInstant(end));
		if (start && end && e < s) err(file, [...at, 'end'], `end ${end} is before start ${start}`);
	};

	const { incident } = model;
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
		ref('incident.json', ['incident', 'keyMoments'], i, eventIds, id, 'event')
	);

	model.parties.forEach((party, i) => {
		const at = ['parties', i];
		ref('parties.json', at, 'side', sideIds, party.side, 'side');
		if (party.parent) {
			ref('parties.json', at, ['parent', 'party'], partyIds, party.parent.party, 'party');
			if (party.parent.party === party.id)
				err('parties.json', [...at, 'parent', 'party'], 'a party cannot be its own parent');
		}
		cite('parties.json', at, party.sources);
	});

	model.events.forEach((event, i) => {
		const at = ['events', i];
		times('events.json', at, event.start, event.end);
		ref('events.json', at, 'category', categoryIds, event.category, 'category');
		for (let j = 0; j < event.parties.length; j++)
			ref('events.json', at, ['parties', j, 'party'], partyIds, event.parties[j]!.party, 'party');
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
			ref('events.json', path, 'claimant', partyIds, claim.claimant, 'party');
			cite('events.json', path, claim.sources);
		});
		if (event.claims && event.claims.length > 1 && !event.disputed)
			err(
				'events.json',
				[...at, 'disputed'],
				'has more than one claim, so it must be marked disputed'
			);
	});

	model.relations.forEach((relation, i) => {
		const at = ['relations', i];
		ref('relations.json', at, 'from', partyIds, relation.from, 'party');
		ref('relations.json', at, 'to', partyIds, relation.to, 'party');
		if (relation.from === relation.to)
			err('relations.json', [...at, 'to'], 'a relation must join two different parties');
		times('relations.json', at, relation.start, relation.end);
		relation.events.forEach((id, j) =>
			ref('relations.json', at, ['events', j], eventIds, id, 'event')
		);
		cite('relations.json', at, relation.sources);
	});

	model.casualties.forEach((c, i) => {
		const at = ['casualties', i];
		ref('casualties.json', at, 'event', eventIds, c.event, 'event');
		ref('casualties.json', at, 'affected', partyIds, c.affected, 'party');
		ref('casualties.json', at, 'claimant', partyIds, c.claimant, 'party');
		cite('casualties.json', at, c.sources);
	});

	errors.push(...checkStorylines(model, { eventIds, partyIds }));

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
	known: { eventIds: Set<string>; partyIds: Set<string> }
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
			for (const e of model.events) byId.set(e.id, e);
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
				err([...at, 'window'], "must lie inside the incident's span");

			step.events.forEach((id, k) => {
				const event = eventById().get(id);
				if (!event) return err([...at, 'events', k], `unknown event "${id}"`);
				if (!windowOk || end <= start) return;
				const [a, b] = eventExtent(event).extent;
				if (b < start || a > end)
					err(
						[...at, 'events', k],
						`event "${id}" (${event.start}) falls outside the step's window ${step.window.start} – ${step.window.end}`
					);
			});
			if (new Set(step.events).size !== step.events.length)
				err([...at, 'events'], 'names an event more than once');
			step.parties.forEach((id, k) => {
				if (!known.partyIds.has(id)) err([...at, 'parties', k], `unknown party "${id}"`);
			});
			if (new Set(step.views).size !== step.views.length)
				err([...at, 'views'], 'names a view more than once');

			if (step.claims !== undefined) {
				if (!known.eventIds.has(step.claims))
					err([...at, 'claims'], `unknown event "${step.claims}"`);
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
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch (e) {
		return { error: describeJsonError(body, e) };
	}
	const duplicates = findDuplicateKeys(body);
	if (duplicates.length === 0) return { json };
	return {
		json,
		problems: duplicates.map((d) => ({
			path: jsonPath(d.path),
			message: `duplicate key ${JSON.stringify(d.key.length > 40 ? `${d.key.slice(0, 40)}…` : d.key)} (line ${d.line}, column ${d.column}); the later value would silently win`
		}))
	};
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
