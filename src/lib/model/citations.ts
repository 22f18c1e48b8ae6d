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
