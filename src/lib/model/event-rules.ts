/**
 * Curation rules on events that the schema cannot state alone (data/CURATION.md):
 *
 * - `disputed` says whether the event has competing versions: it is true exactly when the
 *   event records two or more versions of what happened, that is two or more claims
 *   (`claims`), or two or more casualty figures for it (casualties.json). One claim or one
 *   figure is a version, not a dispute.
 * - A time given to the minute that its time note calls derived, scheduled or inferred is not
 *   a time a source reported: it must be marked approximate or given earliest/latest bounds.
 * - Earliest/latest bounds are in order and agree with the time they bound: at minute or hour
 *   precision they contain it; at day, month or year precision they overlap the period the
 *   time names (they may say where in the day it fell, or reach into the night before).
 * - `timeSources` names sources the event itself cites.
 *
 * Pure, and cheap at 100,000 events: each rule reads only the fields it needs, and the bounds
 * are parsed only where an event has them.
 */
import type { IncidentModel, IncidentEvent, TimeBounds } from './schema.ts';
import { parseInstant } from './time.ts';
import { periodOf } from './extent.ts';

export interface EventRuleProblem {
	/** Index of the event in model.events. */
	index: number;
	/** Path inside the event, e.g. ["startBounds", "latest"]. */
	path: (string | number)[];
	message: string;
}

/** Words in a time note that say the time was worked out rather than reported. */
export const DERIVED_WORDS = /\b(derived|scheduled|inferred)\b/i;

const plural = (n: number, one: string) => `${n === 0 ? 'no' : n} ${one}${n === 1 ? '' : 's'}`;

function versionsText(claims: number, figures: number): string {
	if (figures === 0) return plural(claims, 'claim');
	return `${plural(claims, 'claim')} and ${plural(figures, 'casualty figure')}`;
}

/**
 * With `partial` (some records lacked their shape and are missing from the lists, which may
 * then have holes), the rule on versions is left until every record is there: a casualty
 * figure that failed its schema would otherwise make an event look undisputed.
 */
export function eventRuleProblems(
	model: Pick<IncidentModel, 'events' | 'casualties'>,
	opts: { partial?: boolean } = {}
): EventRuleProblem[] {
	const out: EventRuleProblem[] = [];
	const figures = new Map<string, number>();
	model.casualties.forEach((c) => figures.set(c.event, (figures.get(c.event) ?? 0) + 1));

	const events = model.events;
	// A casualty figure names its event by id: where an id is (wrongly) used twice, it counts
	// for the first event only (the duplicate id is reported on its own).
	const seen = new Set<string>();
	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		if (e === undefined) continue; // a record without its shape, reported by the schema
		const claims = e.claims?.length ?? 0;
		const cited = seen.has(e.id) ? 0 : (figures.get(e.id) ?? 0);
		seen.add(e.id);
		const competing = claims >= 2 || cited >= 2;
		if (opts.partial) {
			// Versions are counted once every record has its shape.
		} else if (competing && !e.disputed)
			out.push({
				index: i,
				path: ['disputed'],
				message: `records competing versions (${versionsText(claims, cited)}), so it must be marked "disputed": true`
			});
		else if (!competing && e.disputed)
			out.push({
				index: i,
				path: ['disputed'],
				message: `is marked disputed but records ${versionsText(claims, cited)}; a disputed event records each competing version (two or more claims, or two or more casualty figures), so add them or set "disputed" to false`
			});

		if (e.precision === 'minute' && !e.approximate && !e.startBounds && !e.endBounds) {
			const word = e.timeNote ? DERIVED_WORDS.exec(e.timeNote) : null;
			if (word)
				out.push({
					index: i,
					path: ['approximate'],
					message: `is given to the minute, but its timeNote calls the time "${word[0].toLowerCase()}": mark it "approximate": true or give it startBounds (earliest/latest)`
				});
		}

		if (e.startBounds) boundsProblems(e, 'start', e.startBounds, i, out);
		if (e.endBounds) boundsProblems(e, 'end', e.endBounds, i, out);

		if (e.timeSources) {
			const own = new Set(e.sources.map((c) => c.source));
			e.timeSources.forEach((id, j) => {
				if (!own.has(id))
					out.push({
						index: i,
						path: ['timeSources', j],
						message: `"${id}" is not among the event's own sources; its time can only rest on a source it cites`
					});
			});
		}
	}
	return out;
}

const PERIOD_NAME = { day: 'day', month: 'month', year: 'year' } as const;

function boundsProblems(
	e: IncidentEvent,
	which: 'start' | 'end',
	b: TimeBounds,
	index: number,
	out: EventRuleProblem[]
) {
	const key = which === 'start' ? 'startBounds' : 'endBounds';
	const iso = which === 'start' ? e.start : e.end;
	const push = (path: (string | number)[], message: string) =>
		out.push({ index, path: [key, ...path], message });
	if (iso === undefined) return push([], 'gives bounds for an end, but the event has no end');
	const t = parseInstant(iso);
	const lo = b.earliest === undefined ? -Infinity : parseInstant(b.earliest);
	const hi = b.latest === undefined ? Infinity : parseInstant(b.latest);
	// Impossible instants are reported by the schema; nothing more to say about them here.
	if (Number.isNaN(t) || Number.isNaN(lo) || Number.isNaN(hi)) return;
	if (lo > hi) return push(['latest'], `latest ${b.latest} is before earliest ${b.earliest}`);
	if (e.precision === 'minute' || e.precision === 'hour') {
		if (lo > t)
			push(
				['earliest'],
				`earliest ${b.earliest} is after the ${which} ${iso}: the bounds must contain the time they bound`
			);
		if (hi < t)
			push(
				['latest'],
				`latest ${b.latest} is before the ${which} ${iso}: the bounds must contain the time they bound`
			);
		return;
	}
	const [from, to] = periodOf(iso, e.precision);
	const period = `the ${PERIOD_NAME[e.precision]} the ${which} ${iso} names`;
	if (lo >= to)
		push(['earliest'], `earliest ${b.earliest} is after ${period}: the bounds must overlap it`);
	if (hi < from)
		push(['latest'], `latest ${b.latest} is before ${period}: the bounds must overlap it`);
}
