/**
 * A quick check of events.json, written out by hand for the one schema that is met 100,000
 * times in a big file. Zod interprets the Event schema record by record, building a result
 * object per field; at 100,000 events that took about 0.9 s of the import's 2.4 (Node, warm),
 * this about a tenth of it.
 *
 * It only ever says yes or "ask the schema". It accepts a file only where the Event schema in
 * schema.ts would, using the schema's own patterns, limits, lists and refinements; for
 * anything it is unsure of (an unknown key, a wrong type, an unusual date-time, any problem at
 * all) it answers null and the file goes through the Zod schema as before, which then words
 * every problem. So a file that fails is reported exactly as it was, and a file that passes
 * is the one the schema would pass (tests/unit/quick-check.test.ts holds the two together).
 *
 * What it accepts is returned as it is, not copied: the schema has no transforms or defaults
 * in an event, so its output holds the same values (in its own key order, which nothing reads).
 */
import {
	EventRole,
	ID_MAX,
	ID_PATTERN,
	isKnownTimeZone,
	LocationPrecision,
	PARTIAL_DATE_PATTERN,
	Precision,
	TITLE_MAX,
	type IncidentEvent
} from './schema.ts';
import { parseInstant, partialDateProblem } from './time.ts';

type Rec = Record<string, unknown>;

const PRECISIONS: ReadonlySet<unknown> = new Set(Precision.options);
const ROLES: ReadonlySet<unknown> = new Set(EventRole.options);
const LOCATION_PRECISIONS: ReadonlySet<unknown> = new Set(LocationPrecision.options);

const EVENT_KEYS = new Set([
	'id',
	'title',
	'summary',
	'start',
	'startBounds',
	'end',
	'endBounds',
	'precision',
	'approximate',
	'sourceTimeZone',
	'timeNote',
	'timeSources',
	'category',
	'parties',
	'location',
	'sources',
	'disputed',
	'claims'
]);
const FILE_KEYS = new Set(['$schema', 'events']);
const CITATION_KEYS = new Set(['source', 'quote', 'locator']);
const PARTY_KEYS = new Set(['party', 'role']);
const LOCATION_KEYS = new Set(['name', 'lat', 'lon', 'precision']);
const CLAIM_KEYS = new Set(['id', 'claimant', 'madeOn', 'statement', 'sources']);
const BOUNDS_KEYS = new Set(['earliest', 'latest']);

/** A non-array object whose own and inherited enumerable keys are all among `keys`. */
function isObjectOf(value: unknown, keys: ReadonlySet<string>): value is Rec {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	for (const key in value) if (!keys.has(key)) return false;
	return true;
}

const isId = (v: unknown) => typeof v === 'string' && v.length <= ID_MAX && ID_PATTERN.test(v);
const isText = (v: unknown) => typeof v === 'string' && v.length >= 1;
const optionalText = (v: unknown) => v === undefined || isText(v);

/**
 * The schema's OffsetDateTime: its pattern and "a real instant". parseInstant gives a number
 * for exactly those strings (time.ts reads them by the same pattern and calendar; its fast
 * path only takes strings that pattern matches).
 */
const isInstant = (v: unknown) => typeof v === 'string' && !Number.isNaN(parseInstant(v));
const isPartialDate = (v: unknown) =>
	typeof v === 'string' && PARTIAL_DATE_PATTERN.test(v) && partialDateProblem(v) === null;
const isNumberIn = (v: unknown, lo: number, hi: number) =>
	typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

function isListOf(v: unknown, min: number, item: (x: unknown) => boolean): boolean {
	if (!Array.isArray(v) || v.length < min) return false;
	for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
	return true;
}

const isCitation = (c: unknown) =>
	isObjectOf(c, CITATION_KEYS) &&
	isId(c.source) &&
	optionalText(c.quote) &&
	optionalText(c.locator);
const isCitations = (v: unknown) => isListOf(v, 1, isCitation);

const isInvolvedParty = (p: unknown) =>
	isObjectOf(p, PARTY_KEYS) && isId(p.party) && ROLES.has(p.role);

const isLocation = (l: unknown) =>
	isObjectOf(l, LOCATION_KEYS) &&
	isText(l.name) &&
	isNumberIn(l.lat, -90, 90) &&
	isNumberIn(l.lon, -180, 180) &&
	LOCATION_PRECISIONS.has(l.precision);

const isClaim = (c: unknown) =>
	isObjectOf(c, CLAIM_KEYS) &&
	isId(c.id) &&
	isId(c.claimant) &&
	isPartialDate(c.madeOn) &&
	isText(c.statement) &&
	isCitations(c.sources);

const isBounds = (b: unknown) =>
	isObjectOf(b, BOUNDS_KEYS) &&
	(b.earliest === undefined || isInstant(b.earliest)) &&
	(b.latest === undefined || isInstant(b.latest)) &&
	(b.earliest !== undefined || b.latest !== undefined);

/** Whether the Event schema would accept the record, as far as this can tell. */
export function isPlainEvent(e: unknown): e is IncidentEvent {
	return (
		isObjectOf(e, EVENT_KEYS) &&
		isId(e.id) &&
		typeof e.title === 'string' &&
		e.title.length >= 1 &&
		e.title.length <= TITLE_MAX &&
		isText(e.summary) &&
		isInstant(e.start) &&
		(e.startBounds === undefined || isBounds(e.startBounds)) &&
		(e.end === undefined || isInstant(e.end)) &&
		(e.endBounds === undefined || isBounds(e.endBounds)) &&
		PRECISIONS.has(e.precision) &&
		typeof e.approximate === 'boolean' &&
		(e.sourceTimeZone === null ||
			(typeof e.sourceTimeZone === 'string' && isKnownTimeZone(e.sourceTimeZone))) &&
		optionalText(e.timeNote) &&
		(e.timeSources === undefined || isListOf(e.timeSources, 1, isId)) &&
		isId(e.category) &&
		isListOf(e.parties, 1, isInvolvedParty) &&
		(e.location === undefined || isLocation(e.location)) &&
		isCitations(e.sources) &&
		typeof e.disputed === 'boolean' &&
		(e.claims === undefined || isListOf(e.claims, 0, isClaim))
	);
}

/**
 * The content of events.json (`{ "$schema"?, "events": [...] }`) when every record passes the
 * quick check, as the schema would give it; null when the schema must look.
 */
export function quickCheckEventsFile(
	json: unknown
): { $schema?: string; events: IncidentEvent[] } | null {
	if (!isObjectOf(json, FILE_KEYS)) return null;
	if (json.$schema !== undefined && typeof json.$schema !== 'string') return null;
	if (!isListOf(json.events, 0, isPlainEvent)) return null;
	return json as { $schema?: string; events: IncidentEvent[] };
}
