// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** SIGHTLINE_SITE_URL at build time, without a trailing slash; "" when unset. */
	const __SITE_URL__: string;
	namespace App {
		interface Error {
			message: string;
			/** The id the user asked for, when a record was not found. */
			missingId?: string;
			kind?: 'event' | 'party' | 'storyline' | 'step';
			/** For a missing step: the briefing it was asked of. */
			story?: string;
		}
	}
}

export {};
