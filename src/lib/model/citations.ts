/** Which records cite each source: the reverse index behind the sources page. */
import type { IncidentModel } from './schema';

export interface CitingRecord {
	kind: 'incident' | 'event' | 'claim' | 'party' | 'relation' | 'casualty';
	/** Where the record lives on the site. */
	path: string;
	label: string;
}

export function citingRecords(model: IncidentModel): Map<string, CitingRecord[]> {
	const out = new Map<string, CitingRecord[]>();
	const add = (sources: { source: string }[], record: CitingRecord) => {
		for (const c of sources) {
			const list = out.get(c.source) ?? [];
			// A record citing the same source twice is listed once.
			if (!list.some((r) => r.path === record.path && r.kind === record.kind)) list.push(record);
			out.set(c.source, list);
		}
	};
	add(model.incident.sources, { kind: 'incident', path: '/', label: model.incident.title });
	for (const e of model.events) {
		add(e.sources, { kind: 'event', path: `/events/${e.id}`, label: e.title });
		for (const c of e.claims ?? [])
			add(c.sources, {
				kind: 'claim',
				path: `/events/${e.id}`,
				label: `A version on “${e.title}”`
			});
	}
	for (const p of model.parties)
		add(p.sources, { kind: 'party', path: `/parties/${p.id}`, label: p.name });
	const name = new Map(model.parties.map((p) => [p.id, p.name]));
	for (const r of model.relations)
		add(r.sources, {
			kind: 'relation',
			path: `/parties/${r.from}`,
			label: `${name.get(r.from)} – ${name.get(r.to)} (${r.type.replace(/-/g, ' ')})`
		});
	const title = new Map(model.events.map((e) => [e.id, e.title]));
	for (const c of model.casualties)
		add(c.sources, {
			kind: 'casualty',
			path: `/events/${c.event}`,
			label: `Casualty figure by ${name.get(c.claimant)} on “${title.get(c.event)}”`
		});
	return out;
}

/** What a source list prints under one source: a quote, where in the source, or both. */
export interface CitationNote {
	quote?: string;
	locator?: string;
}

/**
 * The quotes and locators cited from one source, each printed once. A panel gathers the
 * citations of an event, its versions and its casualty figures, and these often cite the same
 * passage with the same words ("paragraph quoting the General Command"): printed as they come,
 * the same note appeared two or three times under one source. A locator already printed with a
 * quote is not printed again on its own.
 */
export function citationNotes(
	citations: readonly { source: string; quote?: string; locator?: string }[],
	source: string
): CitationNote[] {
	const out: CitationNote[] = [];
	const seen = new Set<string>();
	const locators = new Set<string>();
	for (const c of citations) {
		if (c.source !== source || (!c.quote && !c.locator)) continue;
		const key = `${c.quote ?? ''}\u0000${c.locator ?? ''}`;
		if (seen.has(key)) continue;
		if (!c.quote && c.locator && locators.has(c.locator)) continue;
		seen.add(key);
		if (c.locator) locators.add(c.locator);
		out.push({
			...(c.quote ? { quote: c.quote } : {}),
			...(c.locator ? { locator: c.locator } : {})
		});
	}
	return out;
}
