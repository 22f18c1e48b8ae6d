/**
 * What an event's time rests on, from the sources its `timeSources` names: a primary document
 * (a statement or report on its author's own site), a copy of one read elsewhere (a repost),
 * or a secondary source (a news report, a reference work) quoting or describing one. The event
 * page says so, so a reader knows how far a clock time has travelled before reaching them.
 */
import type { IncidentEvent, Source } from './schema';

export type TimeBasisKind = 'primary' | 'copy' | 'secondary';

export interface TimeBasis {
	/**
	 * The weakest of the sources named: a time derived from a primary document and a news
	 * report rests on the news report as much as on the document.
	 */
	kind: TimeBasisKind;
	/** True when the sources are of more than one kind (the time rests on them "in part"). */
	mixed: boolean;
	sources: Source[];
}

const PRIMARY_KINDS: ReadonlySet<Source['kind']> = new Set([
	'official-statement',
	'investigation-report'
]);

export function sourceBasis(s: Pick<Source, 'kind' | 'via'>): TimeBasisKind {
	if (!PRIMARY_KINDS.has(s.kind)) return 'secondary';
	return s.via ? 'copy' : 'primary';
}

const RANK: Record<TimeBasisKind, number> = { primary: 0, copy: 1, secondary: 2 };

/** Null when the event does not say what its time rests on. */
export function timeBasis(
	e: Pick<IncidentEvent, 'timeSources'>,
	sourceById: Map<string, Source>
): TimeBasis | null {
	const sources = (e.timeSources ?? [])
		.map((id) => sourceById.get(id))
		.filter((s): s is Source => s !== undefined);
	if (!sources.length) return null;
	const kinds = sources.map(sourceBasis);
	const kind = kinds.reduce((worst, k) => (RANK[k] > RANK[worst] ? k : worst), 'primary');
	return { kind, mixed: new Set(kinds).size > 1, sources };
}

/** The sentence on the event page: "The time rests on a secondary source…: Wikipedia [3]." */
export function basisWords(b: Pick<TimeBasis, 'kind' | 'mixed'>): string {
	if (b.kind === 'primary') return 'The time is given by a primary source';
	if (b.kind === 'copy')
		return b.mixed
			? 'The time rests in part on a copy of a primary document, read on another site'
			: 'The time rests on a copy of a primary document, read on another site';
	return b.mixed
		? 'The time rests in part on a secondary source, not on a primary document'
		: 'The time rests on a secondary source, not on the primary document it reports';
}
