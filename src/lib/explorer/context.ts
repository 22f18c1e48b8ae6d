import { getContext, setContext } from 'svelte';
import type { Explorer } from './explorer.svelte';

const KEY = Symbol('explorer');

/** Shares the page's Explorer with the panels rendered inside the explorer layout. */
export function setExplorer(explorer: Explorer): Explorer {
	return setContext(KEY, explorer);
}

export function getExplorer(): Explorer {
	const explorer = getContext<Explorer | undefined>(KEY);
	if (!explorer) throw new Error('getExplorer() must be called inside the explorer layout');
	return explorer;
}
