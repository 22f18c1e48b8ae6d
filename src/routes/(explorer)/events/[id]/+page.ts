import { error } from '@sveltejs/kit';
import { index } from '$lib/incident';
import type { EntryGenerator, PageLoad } from './$types';

/** Every event gets a prerendered page: its link works forever, with or without JavaScript. */
export const entries: EntryGenerator = () => index.model.events.map((e) => ({ id: e.id }));

export const load: PageLoad = ({ params }) => {
	const event = index.eventById.get(params.id);
	if (!event)
		error(404, {
			message: `There is no event "${params.id}" in this incident.`,
			missingId: params.id,
			kind: 'event'
		});
	return { event };
};
