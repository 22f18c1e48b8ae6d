import { error } from '@sveltejs/kit';
import { index } from '$lib/incident';
import type { EntryGenerator, PageLoad } from './$types';

/** Every party gets a prerendered page, linkable forever. */
export const entries: EntryGenerator = () => index.model.parties.map((p) => ({ id: p.id }));

export const load: PageLoad = ({ params }) => {
	const party = index.partyById.get(params.id);
	if (!party)
		error(404, {
			message: `There is no party "${params.id}" in this incident.`,
			missingId: params.id,
			kind: 'party'
		});
	return { party };
};
