// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
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
