/** The contested questions of an incident: where figures or accounts disagree. */
import type { ModelIndex } from './index.ts';
import type { CasualtyClaim, IncidentEvent, IncidentModel } from './schema.ts';

export interface ContestedQuestions {
	/** Events with casualty figures, most-claimed first, each with its figures in claim order. */
	casualties: { event: IncidentEvent; claims: CasualtyClaim[] }[];
	/** Events with more than one version, in time order. */
	accounts: IncidentEvent[];
}

export function contestedQuestions(index: ModelIndex): ContestedQuestions {
	return {
		casualties: [...index.casualtiesByEvent.entries()]
			.map(([id, claims]) => ({
				event: index.eventById.get(id)!,
				claims: [...claims].sort(
					(a, b) => a.claimedOn.localeCompare(b.claimedOn) || a.id.localeCompare(b.id)
				)
			}))
			.sort((a, b) => b.claims.length - a.claims.length || a.event.id.localeCompare(b.event.id)),
		accounts: index.chronological.filter((e) => (e.claims?.length ?? 0) >= 2)
	};
}

/** The first of these events that has versions or casualty figures to show, if any. */
export function claimsEventOf(model: IncidentModel, eventIds: string[]): string | undefined {
	const withCasualties = new Set(model.casualties.map((c) => c.event));
	return eventIds.find((id) => {
		// (The validator may hand over a list with holes where records lacked their shape.)
		const e = model.events.find((ev) => ev?.id === id);
		return (e?.claims?.length ?? 0) > 0 || withCasualties.has(id);
	});
}
