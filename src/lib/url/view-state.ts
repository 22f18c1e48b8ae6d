/**
 * The view state as URL search parameters: a typed codec, so a pasted link reproduces the view.
 *
 *   from, to   visible window, ISO 8601 UTC to the second ("2016-09-17T12:30:00Z")
 *   tz         incident | utc | local | the id of one of the incident's extra zones
 *   lanes      side | category | party
 *   parties    comma-separated party ids to keep (empty: all)
 *   cats       comma-separated category ids to keep (empty: all)
 *   q          text search over titles and summaries
 *   view       timeline | graph | both
 *   party      a selected party, highlighted in both views
 *   place      keep only the events at this place (an id from the places list)
 *   rel        a selected relation in the graph, with its events and sources shown
 *
 * Parsing never throws: anything unknown or malformed falls back to the default, and is
 * reported in `notes` so the page can say what it ignored.
 */
import type { ZoneId } from '../model/format-time';
import { parseInstant } from '../model/time';
import { BUILT_IN_ZONE_IDS } from '../model/vocabulary';

/** How the timeline groups events into lanes: by side, by category, or by (first) party. */
export type LaneMode = 'side' | 'category' | 'party';
export const LANE_MODES: LaneMode[] = ['side', 'category', 'party'];

export type ViewMode = 'timeline' | 'graph' | 'both';
export const VIEW_MODES: ViewMode[] = ['timeline', 'graph', 'both'];

export interface ViewState {
	/** Visible window in ms since the epoch; null means the default for the page. */
	window: [number, number] | null;
	tz: ZoneId;
	lanes: LaneMode;
	parties: string[];
	categories: string[];
	q: string;
	view: ViewMode;
	/** The selected party, or null. */
	party: string | null;
	/** A place the timeline is filtered to, or null. */
	place: string | null;
	/** The relation selected in the graph, or null. */
	rel: string | null;
}

export interface ViewContext {
	partyIds: ReadonlySet<string>;
	categoryIds: ReadonlySet<string>;
	/** Ids of the places events happened at; omit where places are not offered. */
	placeIds?: ReadonlySet<string>;
	/** Ids of relations; omit where the graph is not offered. */
	relationIds?: ReadonlySet<string>;
	/** Ids the time-zone menu offers (see zoneIds); omit to allow only the built-in ones. */
	zoneIds?: ReadonlySet<string>;
	/** The incident's span; windows are kept within it (with a margin). */
	span: [number, number];
}

const BUILT_IN_ZONES: ReadonlySet<string> = new Set(BUILT_IN_ZONE_IDS);

export const DEFAULT_VIEW: ViewState = {
	window: null,
	tz: 'incident',
	lanes: 'side',
	parties: [],
	categories: [],
	q: '',
	view: 'timeline',
	party: null,
	place: null,
	rel: null
};

/** The narrowest window anyone can zoom to: five minutes. */
export const MIN_WINDOW_MS = 5 * 60_000;
const MAX_QUERY = 200;
/** Unknown ids named one by one in the notes; the rest of a long list are counted. */
const MAX_NAMED = 3;
/** The parameters read here; a second, different value of one is reported. */
/** Every query parameter the view codec reads. */
export const VIEW_KEYS = [
	'from',
	'to',
	'tz',
	'lanes',
	'parties',
	'cats',
	'q',
	'view',
	'party',
	'place',
	'rel'
] as const;

/** The first n UTF-16 units of s, never cutting a character in half. */
function clip(s: string, n: number): string {
	const out = s.slice(0, n);
	return /[\uD800-\uDBFF]$/.test(out) && s.length > n ? out.slice(0, -1) : out;
}

export function formatUtc(t: number): string {
	return new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function parseTime(value: string | null): number {
	if (!value || value.length > 40) return NaN;
	// Accept a plain date too ("2016-09-17" = midnight UTC): people type these by hand.
	const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00Z` : value;
	return parseInstant(v);
}

/** Clamps a window into the span (plus a margin) and to the minimum width. */
export function clampWindow(w: [number, number], span: [number, number]): [number, number] {
	const margin = (span[1] - span[0]) * 0.05;
	let lo = span[0] - margin;
	let hi = span[1] + margin;
	if (hi - lo < MIN_WINDOW_MS) {
		// An incident shorter than the narrowest window (even a single instant): centre on it.
		const mid = (span[0] + span[1]) / 2;
		[lo, hi] = [mid - MIN_WINDOW_MS / 2, mid + MIN_WINDOW_MS / 2];
	}
	let [a, b] = w[0] <= w[1] ? w : [w[1], w[0]];
	const width = Math.min(Math.max(b - a, MIN_WINDOW_MS), hi - lo);
	const mid = (a + b) / 2;
	a = mid - width / 2;
	b = mid + width / 2;
	if (a < lo) [a, b] = [lo, lo + width];
	if (b > hi) [a, b] = [hi - width, hi];
	// Whole seconds, as links write them; "+ 0" turns a -0 (at the epoch) into 0.
	return [Math.round(a / 1000) * 1000 + 0, Math.round(b / 1000) * 1000 + 0];
}

function parseList(
	value: string | null,
	known: ReadonlySet<string>,
	what: string,
	notes: string[]
): string[] {
	if (!value) return [];
	const out: string[] = [];
	let unknown = 0;
	for (const raw of value.split(',')) {
		const id = raw.trim();
		if (!id) continue;
		if (known.has(id)) {
			if (!out.includes(id)) out.push(id);
		} else if (++unknown <= MAX_NAMED) notes.push(`Ignored unknown ${what} "${clip(id, 60)}".`);
	}
	if (unknown > MAX_NAMED) notes.push(`Ignored ${unknown - MAX_NAMED} more unknown ${what} ids.`);
	return out;
}

export function parseViewState(
	params: URLSearchParams,
	ctx: ViewContext
): { state: ViewState; notes: string[] } {
	const notes: string[] = [];
	const state: ViewState = { ...DEFAULT_VIEW, parties: [], categories: [] };
	for (const key of VIEW_KEYS)
		if (new Set(params.getAll(key)).size > 1)
			notes.push(`Ignored a second "${key}" in the link; using the first.`);

	const fromRaw = params.get('from');
	const toRaw = params.get('to');
	if (fromRaw !== null || toRaw !== null) {
		const from = parseTime(fromRaw);
		const to = parseTime(toRaw);
		if (Number.isFinite(from) && Number.isFinite(to) && from !== to) {
			state.window = clampWindow([from, to], ctx.span);
		} else {
			notes.push(
				'Ignored the time window in the link: "from" and "to" must be two different ISO 8601 times.'
			);
		}
	}

	const tz = params.get('tz');
	if (tz !== null) {
		if ((ctx.zoneIds ?? BUILT_IN_ZONES).has(tz)) state.tz = tz;
		else
			notes.push(
				`Ignored unknown time zone "${clip(tz, 40)}"; showing the incident's own time zone.`
			);
	}

	const lanes = params.get('lanes');
	if (lanes !== null) {
		if ((LANE_MODES as string[]).includes(lanes)) state.lanes = lanes as LaneMode;
		else notes.push(`Ignored unknown lane grouping "${clip(lanes, 40)}".`);
	}

	state.parties = parseList(params.get('parties'), ctx.partyIds, 'party', notes);
	state.categories = parseList(params.get('cats'), ctx.categoryIds, 'category', notes);
	const q = params.get('q') ?? '';
	state.q = clip(q, MAX_QUERY);
	if (state.q !== q)
		notes.push(`Shortened the search text in the link to ${MAX_QUERY} characters.`);

	const view = params.get('view');
	if (view !== null) {
		if ((VIEW_MODES as string[]).includes(view)) state.view = view as ViewMode;
		else notes.push(`Ignored unknown view "${clip(view, 40)}".`);
	}

	const party = params.get('party');
	if (party !== null) {
		if (ctx.partyIds.has(party)) state.party = party;
		else notes.push(`Ignored unknown party "${clip(party, 60)}".`);
	}

	const place = params.get('place');
	if (place !== null) {
		if (ctx.placeIds?.has(place)) state.place = place;
		else notes.push(`Ignored unknown place "${clip(place, 60)}".`);
	}

	const rel = params.get('rel');
	if (rel !== null) {
		if (ctx.relationIds?.has(rel)) state.rel = rel;
		else notes.push(`Ignored unknown relation "${clip(rel, 60)}".`);
	}
	return { state, notes };
}

/** Writes only what differs from the defaults, in a fixed order, so links stay short and stable. */
export function serializeViewState(state: ViewState): URLSearchParams {
	const p = new URLSearchParams();
	if (state.window) {
		p.set('from', formatUtc(state.window[0]));
		p.set('to', formatUtc(state.window[1]));
	}
	if (state.tz !== DEFAULT_VIEW.tz) p.set('tz', state.tz);
	if (state.lanes !== DEFAULT_VIEW.lanes) p.set('lanes', state.lanes);
	if (state.parties.length) p.set('parties', state.parties.join(','));
	if (state.categories.length) p.set('cats', state.categories.join(','));
	if (state.q) p.set('q', state.q);
	if (state.view !== DEFAULT_VIEW.view) p.set('view', state.view);
	if (state.party) p.set('party', state.party);
	if (state.place) p.set('place', state.place);
	if (state.rel) p.set('rel', state.rel);
	return p;
}

/** The query string without the escapes of ":" and "," that make pasted links unreadable. */
export function queryString(params: URLSearchParams): string {
	return params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

/** "?from=…&to=…" or "" — for building hrefs. */
export function viewQuery(state: ViewState): string {
	const s = queryString(serializeViewState(state));
	return s ? `?${s}` : '';
}
