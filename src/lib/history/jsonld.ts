/**
 * Machine-readable pages: an event page described in schema.org terms (JSON-LD), so search
 * engines and archives can read what it is about, what it cites and who disputes it.
 */
import type { ModelIndex } from '../model';
import type { IncidentEvent } from '../model/schema';

/** The page about an event: the event itself, the sources it cites, and each party's version. */
export function eventJsonLd(index: ModelIndex, event: IncidentEvent, url: string): object {
	const { incident, version } = index.model;
	const source = (id: string) => {
		const s = index.sourceById.get(id);
		if (!s) return null;
		return {
			'@type': 'CreativeWork',
			name: s.title,
			url: s.url,
			publisher: { '@type': 'Organization', name: s.publisher },
			...(s.published ? { datePublished: s.published } : {})
		};
	};
	const cites = (list: { source: string }[]) =>
		[...new Set(list.map((c) => c.source))].map(source).filter((s) => s !== null);
	const party = (id: string) => ({
		'@type': 'Organization',
		name: index.partyById.get(id)?.name ?? id
	});
	return {
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		name: event.title,
		url,
		isPartOf: {
			'@type': 'Dataset',
			name: incident.title,
			...(version ? { version: version.id } : {})
		},
		...(version?.date ? { dateModified: version.date } : {}),
		about: {
			'@type': 'Event',
			name: event.title,
			description: event.summary,
			startDate: event.start,
			...(event.end ? { endDate: event.end } : {}),
			...(event.location
				? {
						location: {
							'@type': 'Place',
							name: event.location.name,
							geo: {
								'@type': 'GeoCoordinates',
								latitude: event.location.lat,
								longitude: event.location.lon
							}
						}
					}
				: {})
		},
		citation: cites(event.sources),
		...(event.claims?.length
			? {
					hasPart: event.claims.map((c) => ({
						'@type': 'Claim',
						text: c.statement,
						author: party(c.claimant),
						dateCreated: c.madeOn,
						citation: cites(c.sources)
					}))
				}
			: {})
	};
}

/** JSON for a <script type="application/ld+json">: "<" escaped, so no text can close the tag. */
export function jsonLdScript(data: object): string {
	return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
