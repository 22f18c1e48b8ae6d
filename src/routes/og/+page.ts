import { index } from '$lib/incident';
import { MAX_EVENT_CARDS, stepCardId, type CardKind } from '$lib/og';
import type { PageLoad } from './$types';

/**
 * Every link-preview card on one page, photographed one by one at build time
 * (scripts/og-cards.mjs), which then removes this page from the build.
 */
export const load: PageLoad = () => ({
	cards: [
		// A huge incident gets cards for its parties and steps only: one image per event would
		// make the build as slow as it is big (see the README).
		...(index.model.events.length <= MAX_EVENT_CARDS ? index.model.events : []).map((e) => ({
			kind: 'event' as CardKind,
			id: e.id
		})),
		...index.model.parties.map((p) => ({ kind: 'party' as CardKind, id: p.id })),
		...index.model.storylines.flatMap((s) =>
			s.steps.map((_, i) => ({ kind: 'step' as CardKind, id: stepCardId(s.id, i + 1) }))
		)
	]
});
