/**
 * Seeded synthetic incidents for benchmarks and scale tests: the whole model as one plain JSON
 * object (the one-file form), valid against the schema and every cross-reference rule, shaped
 * like a real incident rather than like noise.
 *
 * - Time: 2014-09-01 to 2017-12-31. About 70% of events fall within a day of 4–6 busy days
 *   ("hotspots"), a third of those in bursts a few minutes wide; the rest spread over the span.
 *   The main hotspot is always 17 Sep 2016 13:00 UTC, so benchmark windows mean the same thing
 *   for every seed; the others are drawn from the seed.
 * - Times are written as a curator would: on the wall clock of the source's zone with that
 *   zone's real offset (or the incident's own zone when the source gave none), date-only events at local
 *   midnight with precision "day", "about" times on the hour or on five minutes.
 * - About 20% ranges, 5% disputed (each with two competing claims), parties on 3–4
 *   sides with a few very active ones, a party hierarchy, relations, casualty claims.
 *
 * Pure and browser-safe (no node imports, no zod): the same generator can feed a worker.
 * Deterministic: one seed, one incident, on any machine.
 */
import type {
	CasualtyClaim,
	Citation,
	Count,
	EventRole,
	IncidentEvent,
	IncidentModel,
	Party,
	PartyKind,
	Precision,
	Relation,
	RelationType,
	Source
} from '../model/schema.ts';
import { isoOffset, zoneOffset } from '../model/time.ts';
import { mulberry32 } from '../random.ts';

export { mulberry32 };

export interface SynthOptions {
	/** Number of events (exact). */
	events: number;
	/** Number of parties (exact); default 12. */
	parties?: number;
	/** Number of relations (exact); default parties × 2 (none for one party). */
	relations?: number;
	/** Number of sources (exact); default events / 50, at least 5. */
	sources?: number;
	/** Default 1. */
	seed?: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The incident's zone and the span every synthetic record lies in. */
/** A zone whose clocks change at midnight, so a day can start with a spring-forward. */
export const SYNTH_TIME_ZONE = 'America/Santiago';
export const SYNTH_SPAN = {
	start: '2014-09-01T00:00-04:00',
	end: '2017-12-31T23:59-03:00'
} as const;
const SPAN: [number, number] = [Date.UTC(2014, 8, 1, 4), Date.UTC(2018, 0, 1, 2, 59)];
/** The main hotspot, the same for every seed (the bench's "two hours" window is on it). */
const MAIN_HOTSPOT = Date.UTC(2016, 8, 17, 13);

/** Hotspot centres (ms since the epoch) for a seed; the first is the main one. */
export function synthHotspots(seed = 1): number[] {
	return pickHotspots(mulberry32(seed));
}

function pickHotspots(r: () => number): number[] {
	const count = 4 + Math.floor(r() * 3);
	const out = [MAIN_HOTSPOT];
	while (out.length < count) {
		// On a whole minute, at least three days from the ends of the span and from each other.
		const t = Math.round((SPAN[0] + 3 * DAY + r() * (SPAN[1] - SPAN[0] - 6 * DAY)) / MIN) * MIN;
		if (out.every((h) => Math.abs(h - t) > 3 * DAY)) out.push(t);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SIDES = [
	{
		id: 'blue-coalition',
		name: 'Blue coalition',
		adj: 'Blue',
		desc: 'The Blue states and allies.'
	},
	{ id: 'red-federation', name: 'Red federation', adj: 'Red', desc: 'The Red state and forces.' },
	{
		id: 'green-government',
		name: 'Green government',
		adj: 'Green',
		desc: 'The Green government and allied forces.'
	},
	{ id: 'grey-front', name: 'Grey front', adj: 'Grey', desc: 'Armed groups of the Grey front.' },
	{
		id: 'observers',
		name: 'UN, monitors and media',
		adj: 'Neutral',
		desc: 'UN bodies, humanitarian organisations, monitors and media.'
	}
];

const CATEGORIES = [
	{ id: 'military', name: 'Military', description: 'Strikes, shelling and movements of forces.' },
	{ id: 'communication', name: 'Communication', description: 'Calls and notifications.' },
	{ id: 'statement', name: 'Statement', description: 'Official statements and briefings.' },
	{ id: 'accusation', name: 'Accusation', description: 'One party accusing another.' },
	{ id: 'humanitarian', name: 'Humanitarian', description: 'Aid, evacuations, civilian harm.' },
	{ id: 'investigation', name: 'Investigation', description: 'Inquiries and their findings.' }
] as const;
/** Cumulative weights of the categories above. */
const CATEGORY_WEIGHTS = cumulative([30, 20, 20, 10, 10, 10]);
/** Roles of the first, second and third party of an event, by category. */
const ROLES: Record<(typeof CATEGORIES)[number]['id'], [EventRole, EventRole, EventRole]> = {
	military: ['actor', 'target', 'participant'],
	communication: ['caller', 'recipient', 'mediator'],
	statement: ['speaker', 'subject', 'subject'],
	accusation: ['accuser', 'accused', 'subject'],
	humanitarian: ['participant', 'victim', 'mediator'],
	investigation: ['investigator', 'subject', 'accused']
};

const PLACES = [
	// Invented names.
	{ name: 'Puerto Ventisca', lat: -33.031, lon: -71.62 },
	{ name: 'Cerro Alto', lat: -33.45, lon: -70.66 },
	{ name: 'Valle Seco', lat: -34.17, lon: -70.74 },
	{ name: 'Laguna Gris', lat: -35.43, lon: -71.66 },
	{ name: 'Punta Norte', lat: -29.9, lon: -71.25 },
	{ name: 'Bahía Clara', lat: -36.83, lon: -73.05 },
	{ name: 'Río Lento', lat: -39.81, lon: -73.24 },
	{ name: 'Monte Frío', lat: -41.47, lon: -72.94 }
];

/** Zones sources state times in, cumulative weights; null: the source gave none. */
const ZONES: [string | null, number][] = zip(
	[
		SYNTH_TIME_ZONE,
		null,
		'UTC',
		'America/New_York',
		'Europe/Moscow',
		'Europe/London',
		'Europe/Zurich',
		'Australia/Sydney'
	],
	cumulative([45, 15, 10, 12, 10, 4, 2, 2])
);

const KIND_NOUNS: Record<PartyKind, string[]> = {
	state: ['Republic', 'State', 'Federation'],
	'government-body': ['Ministry of Defence', 'Foreign Ministry', 'General Staff', 'Presidency'],
	'armed-force': ['Air Force', 'Army', 'Navy', 'Special Forces', 'Air Defence'],
	unit: ['Brigade', 'Squadron', 'Battalion', 'Division', 'Regiment', 'Air Wing'],
	coalition: ['Alliance', 'Coalition Command'],
	'international-organisation': ['Commission', 'Mission', 'Council', 'Agency'],
	ngo: ['Relief Society', 'Civil Defence', 'Medical Relief', 'Crescent Society'],
	'armed-group': ['Brigades', 'Front', 'Battalions', 'Movement'],
	media: ['Television', 'News Agency', 'Radio', 'Gazette'],
	person: []
};
const PERSON_TITLES = ['Gen.', 'Col.', 'Maj.', 'Minister', 'Ambassador', 'Spokesperson', 'Dr'];
const GIVEN = ['Amal', 'Boris', 'Carla', 'Dmitri', 'Elif', 'Farid', 'Grace', 'Hassan', 'Ines'];
const FAMILY = ['Haddad', 'Ivanov', 'Keller', 'Lopez', 'Mansour', 'Novak', 'Okafor', 'Petrov'];
const PARENT_ROLE: Partial<Record<PartyKind, string>> = {
	'government-body': 'ministry of',
	'armed-force': 'armed force of',
	unit: 'unit of',
	person: 'official of',
	media: 'outlet of'
};
/** Kinds of the parties after each side's first, cumulative weights. */
const PARTY_KINDS: [PartyKind, number][] = zip(
	[
		'government-body',
		'armed-force',
		'unit',
		'person',
		'armed-group',
		'media',
		'ngo',
		'international-organisation'
	],
	cumulative([14, 12, 26, 24, 8, 6, 5, 5])
);

const PUBLISHERS: {
	name: string;
	slug: string;
	kind: Source['kind'];
	reliability?: NonNullable<Source['reliability']>;
}[] = [
	{ name: 'Northern Wire', slug: 'northern-wire', kind: 'wire' },
	{ name: 'Meridian News Agency', slug: 'meridian', kind: 'wire' },
	{ name: 'The Daily Ledger', slug: 'daily-ledger', kind: 'news' },
	{ name: 'Evening Courier', slug: 'evening-courier', kind: 'news' },
	{ name: 'Blue Ministry of Defence', slug: 'blue-mod', kind: 'official-statement' },
	{ name: 'Red Foreign Ministry', slug: 'red-mfa', kind: 'official-statement' },
	{
		name: 'Red State Television',
		slug: 'red-state-tv',
		kind: 'state-media',
		reliability: { flag: 'state', note: 'Broadcaster owned by the Red government.' }
	},
	{
		name: 'Green News Agency',
		slug: 'green-news-agency',
		kind: 'state-media',
		reliability: { flag: 'state', note: 'State news agency of the Green government.' }
	},
	{
		name: 'Front Media Office',
		slug: 'front-media',
		kind: 'partisan',
		reliability: { flag: 'partisan', note: 'Media office of the Grey front.' }
	},
	{ name: 'Conflict Monitor Network', slug: 'conflict-monitor', kind: 'monitor' },
	{ name: 'Relief Watch', slug: 'relief-watch', kind: 'ngo-report' },
	{ name: 'Joint Board of Inquiry', slug: 'board-of-inquiry', kind: 'investigation-report' },
	{ name: 'Centre for Security Analysis', slug: 'security-analysis', kind: 'analysis' },
	{ name: 'Regional Reference', slug: 'regional-reference', kind: 'reference' }
];
const LANGUAGES = ['en', 'en', 'en', 'ar', 'ru', 'fr'];
const HEADLINES = [
	'Strikes reported near',
	'Officials describe fighting around',
	'Calls between militaries before attack on',
	'Aid convoy halted outside',
	'Inquiry finds errors in strike on',
	'Ministry denies role in attack on',
	'Monitor counts casualties in'
];
const SUMMARY_TAILS = [
	'Reported within hours by several outlets.',
	'The account rests on a single source.',
	'Later accounts differ on the time.',
	'Officials gave no further detail.',
	'The figures were not independently confirmed.',
	'Described in a briefing the next day.'
];
const LOCATORS = ['opening paragraphs', 'paragraph 3', 'final paragraph', 'at 02:15', 'page 4'];

const RELATION_TYPES: {
	type: RelationType;
	directed: boolean;
	same: boolean;
	verb: string;
}[] = [
	{ type: 'allied-with', directed: false, same: true, verb: 'was allied with' },
	{ type: 'member-of', directed: true, same: true, verb: 'was a member of' },
	{ type: 'cooperated-with', directed: false, same: true, verb: 'cooperated with' },
	{ type: 'fighting', directed: false, same: false, verb: 'was fighting' },
	{ type: 'deconfliction-channel', directed: false, same: false, verb: 'kept a channel with' },
	{ type: 'notified', directed: true, same: false, verb: 'notified' },
	{ type: 'called', directed: true, same: false, verb: 'called' },
	{ type: 'accused', directed: true, same: false, verb: 'accused' },
	{ type: 'investigated', directed: true, same: false, verb: 'investigated' },
	{ type: 'co-brokered', directed: false, same: false, verb: 'co-brokered a deal with' },
	{ type: 'suspended-cooperation', directed: false, same: false, verb: 'suspended talks with' },
	{ type: 'convened', directed: true, same: false, verb: 'convened' },
	{ type: 'denied', directed: true, same: false, verb: 'denied claims by' }
];

// ---------------------------------------------------------------------------------------------
// Helpers

function cumulative(weights: number[]): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	let sum = 0;
	return weights.map((w) => (sum += w) / total);
}

function zip<T>(values: T[], cum: number[]): [T, number][] {
	return values.map((v, i) => [v, cum[i]!]);
}

/** The value whose cumulative weight first reaches u. */
function weighted<T>(table: [T, number][], u: number): T {
	for (const [v, c] of table) if (u < c) return v;
	return table[table.length - 1]![0];
}

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)]!;
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** "UTC+3", "UTC-4", "UTC". */
function offsetLabel(minutes: number): string {
	if (minutes === 0) return 'UTC';
	const h = Math.abs(minutes) / 60;
	return `UTC${minutes < 0 ? '-' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/** "2016-09-17T16:00+03:00": the wall clock w (a UTC-encoded wall time) and its offset. */
function isoWall(w: number, offset: number): string {
	return new Date(w).toISOString().slice(0, 16) + isoOffset(offset);
}

/** "2016-09-17" of a wall time. */
function dateOf(w: number): string {
	return new Date(w).toISOString().slice(0, 10);
}

/**
 * A zone's offset in minutes at t, with a per-day cache: zones change offset at most once a
 * day, so only days with a change ask Intl for the exact instant.
 */
function offsetFinder(): (t: number, zone: string) => number {
	const cache = new Map<string, Map<number, number>>();
	return (t, zone) => {
		if (zone === 'UTC') return 0;
		let days = cache.get(zone);
		if (!days) cache.set(zone, (days = new Map()));
		const day = Math.floor(t / DAY);
		let off = days.get(day);
		if (off === undefined) {
			const a = zoneOffset(day * DAY, zone);
			off = a === zoneOffset((day + 1) * DAY, zone) ? a : NaN;
			days.set(day, off);
		}
		return Number.isNaN(off) ? zoneOffset(t, zone) : off;
	};
}

/** "1st", "2nd", "13th", "22nd". */
function ordinal(n: number): string {
	const teen = Math.floor(n / 10) % 10 === 1;
	const last = n % 10;
	const suffix = teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
	return `${n}${suffix}`;
}

function formatCount(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------------

interface Draft {
	/** Start, ms since the epoch. */
	t: number;
	start: string;
	end?: string;
	precision: Precision;
	approximate: boolean;
	zone: string | null;
	timeNote?: string;
	category: number;
	/** Hotspot index, or -1 for the spread. */
	hotspot: number;
}

/**
 * A seeded synthetic incident, valid against the schema and every cross-reference rule.
 * Counts of events, parties, relations and sources are exactly as asked.
 */
export function synthIncident(options: SynthOptions): IncidentModel {
	const nEvents = count(options.events, 'events', 0);
	const nParties = count(options.parties ?? 12, 'parties', 1);
	const nRelations = count(options.relations ?? (nParties > 1 ? nParties * 2 : 0), 'relations', 0);
	const nSources = count(options.sources ?? Math.max(5, Math.round(nEvents / 50)), 'sources', 1);
	if (nRelations > 0 && nParties < 2)
		throw new RangeError('relations need at least two parties to join');
	const seed = options.seed ?? 1;
	const r = mulberry32(seed);
	const offsetAt = offsetFinder();
	/**
	 * The offset of a wall-clock time w in a zone: the one in force then, or, where the clocks
	 * sprang forward over w (a midnight that never struck), the one before the change, so the
	 * day is written as beginning when it did.
	 */
	const wallOffset = (w: number, zone: string) =>
		offsetAt(w - offsetAt(w - offsetAt(w, zone) * MIN, zone) * MIN, zone);
	const ownOffset = (t: number) => offsetAt(t, SYNTH_TIME_ZONE);

	const hotspots = pickHotspots(r);
	// The main hotspot takes the largest share; each hotspot has a few bursts minutes wide.
	const hotspotWeights = zip(
		hotspots.map((_, i) => i),
		cumulative(hotspots.map((_, i) => (i === 0 ? 3 : 1 + r())))
	);
	const bursts = hotspots.map((h) =>
		Array.from(
			{ length: 3 + Math.floor(r() * 4) },
			() => Math.round((h + (r() - 0.5) * DAY) / MIN) * MIN
		)
	);
	/**
	 * A random instant in the span, a day clear of its start (so local midnight is inside it in
	 * any zone) and four of its end (ranges may last days).
	 */
	const spread = () => SPAN[0] + DAY + r() * (SPAN[1] - SPAN[0] - 5 * DAY);
	/** A random instant near a hotspot (70%) or in the spread. */
	const someTime = () => {
		if (r() >= 0.7) return spread();
		const h = hotspots[weighted(hotspotWeights, r())]!;
		return h + (r() - 0.5) * 2 * DAY * r();
	};

	// Sources ---------------------------------------------------------------------------------
	const sources: Source[] = [];
	for (let k = 0; k < nSources; k++) {
		const pub = pick(r, PUBLISHERS);
		const t = someTime();
		const w = t + ownOffset(t) * MIN;
		const u = r();
		const published = u < 0.05 ? null : u < 0.12 ? dateOf(w).slice(0, 7) : dateOf(w);
		const place = pick(r, PLACES).name;
		const id = `${pub.slug}-${published ?? 'undated'}-${k + 1}`;
		const language = r() < 0.8 ? pick(r, LANGUAGES) : undefined;
		sources.push({
			id,
			title: `${pick(r, HEADLINES)} ${place}`,
			publisher: pub.name,
			published,
			url: `https://example.org/${pub.slug}/${published?.slice(0, 4) ?? 'undated'}/${id}`,
			kind: pub.kind,
			...(language === undefined ? {} : { language }),
			...(published === null ? { note: 'The page shows no date.' } : {}),
			...(pub.reliability ? { reliability: { ...pub.reliability } } : {})
		});
	}
	const used = new Uint8Array(nSources);
	/** 1–2 citations of distinct sources, some with a locator. */
	const cite = (max = 2): Citation[] => {
		const n = Math.min(nSources, 1 + Math.floor(r() * max));
		const out: Citation[] = [];
		while (out.length < n) {
			const k = Math.floor(r() * nSources);
			const id = sources[k]!.id;
			if (out.some((c) => c.source === id)) continue;
			used[k] = 1;
			const c: Citation = { source: id };
			if (r() < 0.3) c.locator = pick(r, LOCATORS);
			out.push(c);
		}
		return out;
	};

	// Sides and parties -----------------------------------------------------------------------
	const nSides = 3 + Math.floor(r() * 2);
	// Always the observers, plus the first two or three belligerents.
	const sides = [...SIDES.slice(0, nSides - 1), SIDES[SIDES.length - 1]!];
	const parties: Party[] = [];
	const partySide: number[] = [];
	const bySide: number[][] = sides.map(() => []);
	for (let i = 0; i < nParties; i++) {
		// Round-robin until every side has a party, then at random.
		const s = i < sides.length ? i : Math.floor(r() * sides.length);
		const side = sides[s]!;
		const first = bySide[s]!.length === 0;
		const observers = side.id === 'observers';
		const kind: PartyKind = first
			? observers
				? 'international-organisation'
				: s === 0
					? 'coalition'
					: 'state'
			: observers
				? pick(r, ['international-organisation', 'ngo', 'media', 'person'] as const)
				: weighted(PARTY_KINDS, r());
		let name: string;
		let shortName: string | undefined;
		if (kind === 'person') {
			name = `${pick(r, PERSON_TITLES)} ${pick(r, GIVEN)} ${pick(r, FAMILY)}`;
		} else {
			const noun = pick(r, KIND_NOUNS[kind]);
			const number = kind === 'unit' ? `${ordinal(i + 1)} ` : '';
			name = `${side.adj} ${number}${noun}`;
			if (r() < 0.3) shortName = `${side.adj.slice(0, 1)}${noun.replace(/[^A-Z]/g, '')}`;
		}
		const role = PARENT_ROLE[kind];
		const candidates = bySide[s]!;
		// Parents are always earlier parties, so the hierarchy has no cycles.
		const parent =
			role && candidates.length > 0 && r() < 0.6
				? { party: parties[pick(r, candidates)]!.id, role }
				: undefined;
		parties.push({
			id: `${slug(name)}-${i + 1}`,
			name,
			...(shortName === undefined ? {} : { shortName }),
			kind,
			side: side.id,
			...(parent === undefined ? {} : { parent }),
			description: `${name}, on the ${side.name} side. Synthetic party ${i + 1}.`,
			sources: cite()
		});
		partySide.push(s);
		bySide[s]!.push(i);
	}
	/** A party index, a few parties much more active than the rest. */
	const someParty = () => Math.floor(nParties * r() ** 2);
	const label = (p: number) => parties[p]!.shortName ?? parties[p]!.name;

	// Event times -----------------------------------------------------------------------------
	const drafts: Draft[] = new Array(nEvents);
	for (let i = 0; i < nEvents; i++) {
		let t: number;
		let hotspot = -1;
		let burst = false;
		if (r() < 0.7) {
			hotspot = weighted(hotspotWeights, r());
			if (r() < 0.3) {
				burst = true;
				t = pick(r, bursts[hotspot]!) + (r() - 0.5) * 30 * MIN;
			} else t = hotspots[hotspot]! + (r() - 0.5) * 2 * DAY * r();
		} else t = spread();

		const zone = weighted(ZONES, r());
		const clockZone = zone ?? SYNTH_TIME_ZONE;
		let off = offsetAt(t, clockZone);
		let w = t + off * MIN;
		const u = r();
		// Date-only accounts are common for background, rare inside the busy days.
		let precision: Precision = burst
			? u < 0.85
				? 'minute'
				: 'hour'
			: hotspot >= 0
				? u < 0.08
					? 'day'
					: u < 0.8
						? 'minute'
						: 'hour'
				: u < 0.01
					? 'month'
					: u < 0.5
						? 'day'
						: u < 0.85
							? 'minute'
							: 'hour';
		let approximate: boolean;
		let end: string | undefined;
		let timeNote: string | undefined;
		if (precision === 'day' || precision === 'month') {
			// Local midnight of the date (first of the month), with the offset in force then.
			const d = new Date(w);
			// Not the month the span opens in: its first midnight may be before the span.
			if (d.getUTCFullYear() === 2014 && d.getUTCMonth() === 8) precision = 'day';
			w =
				precision === 'day'
					? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
					: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
			off = wallOffset(w, clockZone);
			t = w - off * MIN;
			approximate = r() < 0.1;
			if (precision === 'day' && r() < 0.15) {
				const last = w + (1 + Math.floor(r() * 3)) * DAY;
				end = isoWall(last, wallOffset(last, clockZone));
			}
			timeNote = precision === 'day' ? 'Date only; no time given.' : 'Month only; no date given.';
		} else {
			// "About" times fall on the hour, or on five minutes.
			approximate = precision === 'hour' ? true : r() < 0.15;
			const step = precision === 'hour' ? HOUR : approximate ? 5 * MIN : MIN;
			w = Math.round(w / step) * step;
			t = w - off * MIN;
			if (r() < 0.22) {
				// Up to a few hours, most much shorter; at least one step.
				const length = Math.max(step, Math.round((4 * HOUR * r() * r()) / step) * step);
				// Read on the clock in force at the end, in case the offset changed in between.
				const offEnd = offsetAt(t + length, clockZone);
				end = isoWall(t + length + offEnd * MIN, offEnd);
			}
			if (approximate) timeNote = 'The source says "about".';
		}
		if (zone === null)
			timeNote = `${timeNote ? timeNote + ' ' : ''}No zone given; read in the incident's own zone (${offsetLabel(off)}).`;
		const draft: Draft = {
			t,
			start: isoWall(w, off),
			precision,
			approximate,
			zone,
			category: weightedIndex(CATEGORY_WEIGHTS, r()),
			hotspot
		};
		if (end !== undefined) draft.end = end;
		if (timeNote !== undefined) draft.timeNote = timeNote;
		drafts[i] = draft;
	}
	// Chronological, as a curated file is.
	drafts.sort((a, b) => a.t - b.t);

	// Events ----------------------------------------------------------------------------------
	const events: IncidentEvent[] = new Array(nEvents);
	/** Events each party takes part in, for relations. */
	const partyEvents: number[][] = Array.from({ length: nParties }, () => []);
	for (let i = 0; i < nEvents; i++) {
		const d = drafts[i]!;
		const category = CATEGORIES[d.category]!;
		const roles = ROLES[category.id];
		const n = Math.min(nParties, 1 + Math.floor(r() * 3));
		const involved: number[] = [];
		while (involved.length < n) {
			const p = someParty();
			if (!involved.includes(p)) involved.push(p);
		}
		const a = label(involved[0]!);
		const b = involved.length > 1 ? label(involved[1]!) : 'unidentified forces';
		const place = pick(r, PLACES);
		const title = eventTitle(category.id, a, b, place.name).slice(0, 120);
		const id = `${category.id}-${i + 1}`;
		const summary = `${title}. ${pick(r, SUMMARY_TAILS)}`;
		let location: IncidentEvent['location'];
		const located = category.id === 'military' || category.id === 'humanitarian' ? 0.7 : 0.3;
		if (r() < located) {
			const exact = r() < 0.4;
			location = {
				name: place.name,
				lat: Math.round((place.lat + (exact ? (r() - 0.5) * 0.2 : 0)) * 1e4) / 1e4,
				lon: Math.round((place.lon + (exact ? (r() - 0.5) * 0.2 : 0)) * 1e4) / 1e4,
				precision: exact ? pick(r, ['exact', 'approximate'] as const) : 'city'
			};
		}
		const sourcesCited = cite();
		// About one event in ten is contested; half of those record their two versions, and only
		// those are marked disputed, as the validator asks (a dispute is its recorded versions;
		// the few strikes given two casualty figures below are disputed too).
		const contested = r() < 0.1;
		let claims: IncidentEvent['claims'];
		if (contested && r() < 0.5) {
			// Two versions, from the event's own parties where it has two.
			let other = involved[1] ?? someParty();
			while (other === involved[0] && nParties > 1) other = someParty();
			const madeOn = d.start.slice(0, 10);
			claims = [involved[0]!, other].map((p, j) => ({
				id: `${id}-version-${j + 1}`,
				claimant: parties[p]!.id,
				madeOn,
				statement:
					j === 0
						? `${label(p)} said the event happened as described.`
						: `${label(p)} gave a different account of the time and of who was responsible.`,
				sources: cite(1)
			}));
		}
		events[i] = {
			id,
			title,
			summary,
			start: d.start,
			...(d.end === undefined ? {} : { end: d.end }),
			precision: d.precision,
			approximate: d.approximate,
			sourceTimeZone: d.zone,
			...(d.timeNote === undefined ? {} : { timeNote: d.timeNote }),
			category: category.id,
			parties: involved.map((p, j) => ({ party: parties[p]!.id, role: roles[j]! })),
			...(location === undefined ? {} : { location }),
			sources: sourcesCited,
			disputed: claims !== undefined,
			...(claims === undefined ? {} : { claims })
		};
		for (const p of involved) partyEvents[p]!.push(i);
	}

	// Relations -------------------------------------------------------------------------------
	const SAME_SIDE = RELATION_TYPES.filter((t) => t.same);
	const ACROSS_SIDES = RELATION_TYPES.filter((t) => !t.same);
	const relations: Relation[] = new Array(nRelations);
	for (let i = 0; i < nRelations; i++) {
		const from = someParty();
		// Hubs on both ends half the time, any party otherwise.
		const other = () => (r() < 0.5 ? someParty() : Math.floor(r() * nParties));
		let to = other();
		while (to === from) to = other();
		const same = partySide[from] === partySide[to];
		const kind = pick(r, same ? SAME_SIDE : ACROSS_SIDES);
		/** In the incident's own zone, on a whole minute. */
		const at = (t: number) => {
			const m = Math.floor(t / MIN) * MIN;
			return isoWall(m + ownOffset(m) * MIN, ownOffset(m));
		};
		// Half from a known start (some also ended), a tenth ended only, the rest throughout.
		let start: string | undefined;
		let end: string | undefined;
		const u = r();
		if (u < 0.5) {
			const t = someTime();
			start = at(t);
			if (r() < 0.4) end = at(Math.min(SPAN[1], t + DAY + r() * 365 * DAY));
		} else if (u < 0.6) end = at(someTime());
		// Events that show it: some of the first party's own.
		let shownBy: string[] = [];
		const own = partyEvents[from]!;
		if (own.length > 0 && r() < 0.5) {
			const n = Math.min(own.length, 1 + Math.floor(r() * 3));
			const chosen = new Set<number>();
			while (chosen.size < n) chosen.add(own[Math.floor(r() * own.length)]!);
			shownBy = [...chosen].sort((x, y) => x - y).map((e) => events[e]!.id);
		}
		relations[i] = {
			id: `relation-${i + 1}-${kind.type}`,
			type: kind.type,
			from: parties[from]!.id,
			to: parties[to]!.id,
			directed: kind.directed,
			...(start === undefined ? {} : { start }),
			...(end === undefined ? {} : { end }),
			description: `${label(from)} ${kind.verb} ${label(to)}.`,
			events: shownBy,
			sources: cite()
		};
	}

	// Casualty claims: two competing figures on a few strikes, mostly on the busy days ----------
	const casualties: CasualtyClaim[] = [];
	const strikes: number[] = [];
	for (let i = 0; i < nEvents && strikes.length < 4; i++) {
		const j = Math.floor(r() * nEvents);
		const d = drafts[j]!;
		if (!strikes.includes(j) && d.category === 0 && (d.hotspot >= 0 || r() < 0.2)) strikes.push(j);
	}
	for (const j of strikes.sort((x, y) => x - y)) {
		const event = events[j]!;
		const affected = (event.parties.find((p) => p.role === 'target') ?? event.parties[0]!).party;
		// Two claimants with different figures, the second a day later.
		const first = event.parties[0]!.party;
		let second = parties[someParty()]!.id;
		while (second === first && nParties > 1) second = parties[someParty()]!.id;
		[first, second].forEach((claimant, k) => {
			const killed = r() < 0.85 ? someCount(r) : undefined;
			const wounded = killed === undefined || r() < 0.5 ? someCount(r) : undefined;
			casualties.push({
				id: `${event.id}-casualties-${k + 1}`,
				event: event.id,
				affected,
				...(killed === undefined ? {} : { killed }),
				...(wounded === undefined ? {} : { wounded }),
				claimant,
				claimedOn: dateOf(parseWall(event.start) + k * DAY),
				...(k === 1
					? { note: 'The figure differs from the first claim; neither is confirmed.' }
					: {}),
				sources: cite()
			});
		});
		// Two competing figures are two versions: the event is disputed.
		event.disputed = true;
	}

	// Incident --------------------------------------------------------------------------------
	// The event nearest each hotspot's centre, in time order.
	const moments = new Set<number>();
	for (const h of hotspots) {
		const i = nearest(drafts, h);
		if (i >= 0) moments.add(i);
	}
	const keyMoments = [...moments].sort((a, b) => a - b).map((i) => events[i]!.id);
	const incidentSources = cite(3);
	// Every source is cited somewhere: the few nobody drew go to the incident itself.
	for (let k = 0; k < nSources; k++) if (!used[k]) incidentSources.push({ source: sources[k]!.id });
	const main = new Date(MAIN_HOTSPOT + ownOffset(MAIN_HOTSPOT) * MIN);
	const focusStart = Date.UTC(main.getUTCFullYear(), main.getUTCMonth(), main.getUTCDate() - 7);
	const focusEnd = focusStart + 14 * DAY;

	return {
		incident: {
			id: `synthetic-${nEvents}`,
			title: `Synthetic incident, ${formatCount(nEvents)} events`,
			subtitle: `Seed ${seed}: ${formatCount(nParties)} parties, ${formatCount(nRelations)} relations, ${formatCount(nSources)} sources`,
			summary:
				'A generated incident for benchmarks and scale tests. Events cluster around a few busy days; every name, figure and source in it is invented.',
			timeZone: SYNTH_TIME_ZONE,
			timeZoneLabel: 'Santiago',
			span: { ...SYNTH_SPAN },
			focus: {
				start: isoWall(focusStart, wallOffset(focusStart, SYNTH_TIME_ZONE)),
				end: isoWall(focusEnd, wallOffset(focusEnd, SYNTH_TIME_ZONE))
			},
			sides: sides.map((s) => ({ id: s.id, name: s.name, description: s.desc })),
			categories: CATEGORIES.map((c) => ({ ...c })),
			keyMoments,
			sources: incidentSources
		},
		parties,
		events,
		relations,
		casualties,
		sources,
		storylines: []
	};
}

function count(value: number, what: string, min: number): number {
	if (!Number.isInteger(value) || value < min)
		throw new RangeError(`${what} must be a whole number of at least ${min}; got ${value}`);
	return value;
}

function weightedIndex(cum: number[], u: number): number {
	for (let i = 0; i < cum.length; i++) if (u < cum[i]!) return i;
	return cum.length - 1;
}

/** The wall-clock time written in an ISO string, UTC-encoded. */
function parseWall(iso: string): number {
	return Date.parse(iso.slice(0, 16) + 'Z');
}

/** Index of the draft whose start is nearest t (drafts sorted by start), or -1. */
function nearest(drafts: Draft[], t: number): number {
	if (drafts.length === 0) return -1;
	let lo = 0;
	let hi = drafts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (drafts[mid]!.t < t) lo = mid + 1;
		else hi = mid;
	}
	if (lo > 0 && t - drafts[lo - 1]!.t < drafts[lo]!.t - t) return lo - 1;
	return lo;
}

function someCount(r: () => number): Count {
	const n = Math.floor(2 + r() * r() * 120);
	const u = r();
	if (u < 0.3) return n;
	if (u < 0.5) return { min: n, max: n + 1 + Math.floor(r() * 20) };
	if (u < 0.7) return { atLeast: n };
	if (u < 0.9) return { about: Math.round(n / 5) * 5 || 5 };
	return { moreThan: n };
}

function eventTitle(category: string, a: string, b: string, place: string): string {
	switch (category) {
		case 'military':
			return `${a} strikes positions of ${b} near ${place}`;
		case 'communication':
			return `${a} calls ${b} about operations near ${place}`;
		case 'statement':
			return `${a} issues a statement on ${b}`;
		case 'accusation':
			return `${a} accuses ${b} over the attack near ${place}`;
		case 'humanitarian':
			return `Aid convoy with ${a} comes under fire near ${place}`;
		default:
			return `${a} opens an inquiry into ${b}`;
	}
}
