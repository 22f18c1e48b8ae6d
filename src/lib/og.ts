/**
 * Link-preview cards: every event, party and briefing step has a 1200×630 PNG rendered at
 * build time (scripts/og-cards.mjs photographs /og/<kind>/<id>). Pages name theirs here.
 * Set SIGHTLINE_SITE_URL at build time to make the addresses absolute, as some chat and mail
 * clients require.
 */
export type CardKind = 'event' | 'party' | 'step';

/** A step's card id: "<story>--<n>" (ids never contain a double hyphen). */
export const stepCardId = (story: string, n: number) => `${story}--${n}`;

/** The storyline and step number of a step card id, or null. */
export function parseStepCardId(id: string): { story: string; n: number } | null {
	const m = /^([a-z0-9-]+?)--([1-9][0-9]*)$/.exec(id);
	return m ? { story: m[1]!, n: Number(m[2]) } : null;
}

export function cardPath(kind: CardKind, id: string): string {
	return `/og/${kind}/${id}.png`;
}

/** Above this many events, events get no card of their own (pages then carry none). */
export const MAX_EVENT_CARDS = 2000;
