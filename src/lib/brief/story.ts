/** What a briefing step shows, derived from the model: its window, focus and sources. */
import type { ModelIndex } from '../model';
import { numberCitations } from '../model';
import { claimsEventOf } from '../model/claims';
import type { IncidentEvent, Source, StoryStep, Storyline } from '../model/schema';
import { parseInstant } from '../model/time';

export function storyById(index: ModelIndex, id: string): Storyline | undefined {
	return index.model.storylines.find((s) => s.id === id);
}

export function stepWindow(step: StoryStep): [number, number] {
	return [parseInstant(step.window.start), parseInstant(step.window.end)];
}

export function stepEvents(index: ModelIndex, step: StoryStep): IncidentEvent[] {
	return step.events.map((id) => index.eventById.get(id)).filter((e) => e !== undefined);
}

/** The event whose versions and casualty figures the claims view shows, if any. */
export function stepClaimsEvent(index: ModelIndex, step: StoryStep): IncidentEvent | undefined {
	const id = step.claims ?? claimsEventOf(index.model, step.events);
	return id ? index.eventById.get(id) : undefined;
}

/**
 * The step's sources, numbered in order of first use across its events, their versions and
 * their casualty figures:
 * the footnotes of a slide or a handout page. A caption says nothing its events do not, so
 * these are its sources.
 */
export function stepSources(index: ModelIndex, step: StoryStep): { n: number; source: Source }[] {
	const lists = stepEvents(index, step).flatMap((e) => [
		e.sources,
		...(e.claims ?? []).map((c) => c.sources),
		...(index.casualtiesByEvent.get(e.id) ?? []).map((c) => c.sources)
	]);
	const numbers = numberCitations(lists);
	return [...numbers]
		.map(([id, n]) => ({ n, source: index.sourceById.get(id)! }))
		.filter((s) => s.source !== undefined)
		.sort((a, b) => a.n - b.n);
}

/** Footnote numbers of each focused event, for the marks beside them. */
export function eventFootnotes(index: ModelIndex, step: StoryStep): Map<string, number[]> {
	const numbers = new Map(stepSources(index, step).map((s) => [s.source.id, s.n]));
	return new Map(
		stepEvents(index, step).map((e) => [
			e.id,
			[...new Set(e.sources.map((c) => numbers.get(c.source)!))].sort((a, b) => a - b)
		])
	);
}
