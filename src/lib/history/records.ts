/**
 * How a history names and links the records it touched: by their title or name where the
 * record still exists, by id where it was removed, and each kind at its own page.
 */
import type { ModelIndex } from '../model';
import type { RecordEntry, RecordKind } from './diff';

const KIND_NAMES: Record<RecordKind, [one: string, many: string]> = {
	incident: ['incident', 'incident'],
	event: ['event', 'events'],
	party: ['party', 'parties'],
	relation: ['relation', 'relations'],
	casualty: ['casualty figure', 'casualty figures'],
	source: ['source', 'sources'],
	storyline: ['briefing', 'briefings']
};

export function kindName(kind: RecordKind, n = 1): string {
	return KIND_NAMES[kind][n === 1 ? 0 : 1];
}

/** The record's name as readers know it, or null where it no longer exists. */
export function recordLabel(index: ModelIndex, kind: RecordKind, id: string): string | null {
	const m = index.model;
	switch (kind) {
		case 'incident':
			return m.incident.id === id ? m.incident.title : null;
		case 'event':
			return index.eventById.get(id)?.title ?? null;
		case 'party':
			return index.partyById.get(id)?.name ?? null;
		case 'source':
			return index.sourceById.get(id)?.title ?? null;
		case 'storyline':
			return m.storylines.find((s) => s.id === id)?.title ?? null;
		case 'relation': {
			const r = m.relations.find((x) => x.id === id);
			if (!r) return null;
			const name = (p: string) =>
				index.partyById.get(p)?.shortName ?? index.partyById.get(p)?.name ?? p;
			return `${name(r.from)} ${r.type.replace(/-/g, ' ')} ${name(r.to)}`;
		}
		case 'casualty': {
			const c = m.casualties.find((x) => x.id === id);
			if (!c) return null;
			const event = index.eventById.get(c.event)?.title ?? c.event;
			const who = index.partyById.get(c.claimant)?.name ?? c.claimant;
			return `${who}'s figure for “${event}”`;
		}
	}
}

/** Where the record is shown, as a site path below the base; null where it has no place. */
export function recordPath(index: ModelIndex, kind: RecordKind, id: string): string | null {
	switch (kind) {
		case 'incident':
			return '/';
		case 'event':
			// A removed event still has a page: the not-found page says when and why it went.
			return `/events/${id}`;
		case 'party':
			return `/parties/${id}`;
		case 'source':
			return index.sourceById.has(id) ? `/sources#source-${id}` : null;
		case 'storyline':
			return index.model.storylines.some((s) => s.id === id) ? `/brief/${id}` : null;
		case 'relation':
			return index.model.relations.some((r) => r.id === id) ? `/?view=graph&rel=${id}` : null;
		case 'casualty': {
			const c = index.model.casualties.find((x) => x.id === id);
			return c ? `/events/${c.event}` : null;
		}
	}
}

/** A record that is gone: when, in which version, why, and what it was called. */
export interface Removal {
	date: string;
	version: string;
	subject: string;
	title: string | null;
}

/** The removal of a record the data no longer has, or null if it was never removed. */
export function removalOf(entries: readonly RecordEntry[] | undefined): Removal | null {
	const last = entries?.[0];
	if (last?.change !== 'removed') return null;
	const was = (last.was ?? {}) as { title?: unknown; name?: unknown };
	const title =
		typeof was.title === 'string' ? was.title : typeof was.name === 'string' ? was.name : null;
	return { date: last.date, version: last.version, subject: last.subject, title };
}
