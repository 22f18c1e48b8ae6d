/** Loading a briefing (and one of its steps) from route parameters, with helpful 404s. */
import { error } from '@sveltejs/kit';
import type { ModelIndex } from '../model';
import type { Storyline } from '../model/schema';
import { parseStep } from './nav';
import { storyById } from './story';

export function loadStory(index: ModelIndex, id: string): Storyline {
	const story = storyById(index, id);
	if (!story)
		error(404, {
			message: `There is no briefing "${id}" in this incident.`,
			missingId: id,
			kind: 'storyline'
		});
	return story;
}

export function loadStep(
	index: ModelIndex,
	params: { story: string; step: string }
): { story: Storyline; n: number } {
	const story = loadStory(index, params.story);
	const n = parseStep(params.step, story.steps.length);
	if (n === null)
		error(404, {
			message: `“${params.step}” is not a step of “${story.title}”: it has steps 1 to ${story.steps.length}.`,
			kind: 'step',
			story: story.id
		});
	return { story, n };
}

/** Prerender entries: every storyline, or every step of every storyline. */
export const storyEntries = (index: ModelIndex) =>
	index.model.storylines.map((s) => ({ story: s.id }));
export const stepEntries = (index: ModelIndex) =>
	index.model.storylines.flatMap((s) =>
		s.steps.map((_, i) => ({ story: s.id, step: String(i + 1) }))
	);
