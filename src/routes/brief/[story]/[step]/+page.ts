import { error } from '@sveltejs/kit';
import { index } from '$lib/incident';
import { storyById } from '$lib/brief/story';
import { parseStep } from '$lib/brief/nav';
import type { EntryGenerator, PageLoad } from './$types';

/** Every step of every briefing is a prerendered page: a link to step 5 is step 5, forever. */
export const entries: EntryGenerator = () =>
	index.model.storylines.flatMap((s) =>
		s.steps.map((_, i) => ({ story: s.id, step: String(i + 1) }))
	);

export const load: PageLoad = ({ params }) => {
	const story = storyById(index, params.story);
	if (!story)
		error(404, {
			message: `There is no briefing "${params.story}" in this incident.`,
			missingId: params.story,
			kind: 'storyline'
		});
	const n = parseStep(params.step, story.steps.length);
	if (n === null)
		error(404, {
			message: `“${params.step}” is not a step of “${story.title}”: it has steps 1 to ${story.steps.length}.`,
			kind: 'step',
			story: story.id
		});
	return { story, n };
};
