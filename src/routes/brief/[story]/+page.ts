import { error } from '@sveltejs/kit';
import { index } from '$lib/incident';
import { storyById } from '$lib/brief/story';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => index.model.storylines.map((s) => ({ story: s.id }));

export const load: PageLoad = ({ params }) => {
	const story = storyById(index, params.story);
	if (!story)
		error(404, {
			message: `There is no briefing "${params.story}" in this incident.`,
			missingId: params.story,
			kind: 'storyline'
		});
	return { story };
};
