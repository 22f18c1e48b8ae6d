/**
 * Whether this component's scripts have taken over the prerendered HTML. A select or a search
 * box whose value the page keeps in its own state is disabled until then: a choice made in the
 * prerendered page before its scripts ran would be silently put back when they did.
 */
import { onMount } from 'svelte';

/** Call while a component is created; `done` turns true once it has mounted. */
export function hydrated(): { readonly done: boolean } {
	let done = $state(false);
	onMount(() => {
		done = true;
	});
	return {
		get done() {
			return done;
		}
	};
}
