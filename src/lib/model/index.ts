/**
 * The normalised, read-only model the pages use: records plus id-keyed lookups and the
 * derived orderings every view needs. Built once per incident.
 */
import type {
	CasualtyClaim,
	Citation,
	IncidentEvent,
	IncidentModel,
	Party,
	Relation,
	Source
} from './schema';
import { parseInstant } from './time';

export interface ModelIndex {
	model: IncidentModel;
	eventById: Map<string, IncidentEvent>;
	partyById: Map<string, Party>;
	sourceById: Map<string, Source>;
	/** Events in time order (start, then id; a date-only event after its day's timed ones): N/P. */
	chronological: IncidentEvent[];
	casualtiesByEvent: Map<string, CasualtyClaim[]>;
	relationsByEvent: Map<string, Relation[]>;
	span: [number, number];
	focus: [number, number];
}

/** A day, ms. */
const DAY_MS = 86_400_000;

export function buildIndex(model: IncidentModel): ModelIndex {
	const group = <T>(items: T[], keys: (item: T) => string[]) => {
		const map = new Map<string, T[]>();
		for (const item of items)
			for (const k of keys(item)) {
				const list = map.get(k);
				if (list) list.push(item);
				else map.set(k, [item]);
			}
		return map;
	};
	// Sorted on keys worked out once (a map lookup in the comparator cost more than the sort).
	// An event known only by its date goes after that day's timed events: "that day" cannot
	// say it came before the strike at 15:55, and reading it first would suggest so.
	const keyed = model.events.map((e) => ({
		e,
		t: parseInstant(e.start) + (e.precision === 'day' && !e.end ? DAY_MS - 1 : 0)
	}));
	keyed.sort((a, b) => a.t - b.t || (a.e.id < b.e.id ? -1 : 1));
	return {
		model,
		eventById: new Map(model.events.map((e) => [e.id, e])),
		partyById: new Map(model.parties.map((p) => [p.id, p])),
		sourceById: new Map(model.sources.map((s) => [s.id, s])),
		chronological: keyed.map((k) => k.e),
		casualtiesByEvent: group(model.casualties, (c) => [c.event]),
		relationsByEvent: group(model.relations, (r) => r.events),
		span: [parseInstant(model.incident.span.start), parseInstant(model.incident.span.end)],
		focus: [parseInstant(model.incident.focus.start), parseInstant(model.incident.focus.end)]
	};
}

/**
 * Numbers the sources cited across several lists in order of first use, so a panel can show
 * [1], [2]… against one numbered list.
 */
export function numberCitations(lists: Citation[][]): Map<string, number> {
	const numbers = new Map<string, number>();
	for (const list of lists)
		for (const c of list) if (!numbers.has(c.source)) numbers.set(c.source, numbers.size + 1);
	return numbers;
}

/** Case- and accent-insensitive text search over titles and summaries. */
export function matchesQuery(e: Pick<IncidentEvent, 'title' | 'summary'>, q: string): boolean {
	if (!q.trim()) return true;
	const hay = fold(`${e.title} ${e.summary}`);
	return fold(q)
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => hay.includes(word));
}

function fold(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}
