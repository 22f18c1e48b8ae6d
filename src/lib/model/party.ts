/** What the model says about one party: its events, relations, members and casualty claims. */
import type { ModelIndex } from './index';
import type { CasualtyClaim, IncidentEvent, Party, Relation } from './schema';
import { parseInstant } from './time';

const startOf = (r: Relation) => (r.start ? parseInstant(r.start) : -Infinity);

export interface PartyDossier {
	party: Party;
	parent: Party | undefined;
	members: Party[];
	/** Events it takes part in, in time order, with its role in each. */
	events: { event: IncidentEvent; roles: string[] }[];
	/** Relations it takes part in, ordered by when they begin (open starts first). */
	relations: { relation: Relation; other: Party; outgoing: boolean }[];
	/** Casualty figures it gave, and figures others gave about it. */
	claimed: CasualtyClaim[];
	suffered: CasualtyClaim[];
	/** Versions of contested facts it put forward. */
	claims: { event: IncidentEvent; statement: string; madeOn: string }[];
}

export function partyDossier(index: ModelIndex, id: string): PartyDossier | undefined {
	const party = index.partyById.get(id);
	if (!party) return undefined;
	const { model } = index;
	return {
		party,
		parent: party.parent ? index.partyById.get(party.parent.party) : undefined,
		members: model.parties.filter((p) => p.parent?.party === id),
		events: index.chronological
			.filter((e) => e.parties.some((p) => p.party === id))
			.map((event) => ({
				event,
				roles: event.parties.filter((p) => p.party === id).map((p) => p.role)
			})),
		relations: model.relations
			.filter((r) => r.from === id || r.to === id)
			.map((relation) => ({
				relation,
				outgoing: relation.from === id,
				other: index.partyById.get(relation.from === id ? relation.to : relation.from)!
			}))
			.sort((a, b) => startOf(a.relation) - startOf(b.relation)),
		claimed: model.casualties.filter((c) => c.claimant === id),
		suffered: model.casualties.filter((c) => c.affected === id),
		claims: index.chronological.flatMap((event) =>
			(event.claims ?? [])
				.filter((c) => c.claimant === id)
				.map((c) => ({ event, statement: c.statement, madeOn: c.madeOn }))
		)
	};
}
