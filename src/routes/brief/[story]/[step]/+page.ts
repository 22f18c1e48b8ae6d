import { index } from '$lib/incident';
import { loadStep, stepEntries } from '$lib/brief/load';
import type { EntryGenerator, PageLoad } from './$types';

/** Every step of every briefing is a prerendered page: a link to step 5 is step 5, forever. */
export const entries: EntryGenerator = () => stepEntries(index);

export const load: PageLoad = ({ params }) => loadStep(index, params);
