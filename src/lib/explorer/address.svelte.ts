/**
 * The address bar as a serialisation of the view: written once the view has stood still for a
 * quarter second (browsers throttle history updates, and a zoom gesture produces dozens of
 * windows a second), never on each frame of a gesture.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { queryString, serializeViewState } from '../url/view-state';
import type { Explorer } from './explorer.svelte';

/**
 * Keeps the address equal to the explorer's view while `ready()` (an effect: call it while a
 * component is set up). Parameters the page owns (`keep()`: an opened file's address, its
 * selected event, a link's data version) stay, in front; anything else is the view's, or
 * garbage the notice has reported.
 */
export function writeAddress(
	explorer: Explorer,
	ready: () => boolean,
	keep: () => readonly string[]
) {
	$effect(() => {
		const view = explorer.viewState;
		if (!ready()) return;
		const timer = setTimeout(() => {
			const query = queryString(serializeViewState(view));
			explorer.linkQuery = query ? `?${query}` : '';
			const url = new URL(location.href);
			const owned = keep();
			const kept = [...url.searchParams].filter(([k]) => owned.includes(k));
			const next = queryString(new URLSearchParams([...kept, ...new URLSearchParams(query)]));
			if (url.search.replace(/^\?/, '') === next) return;
			url.search = next;
			replaceState(url, page.state);
		}, 250);
		return () => clearTimeout(timer);
	});
}
