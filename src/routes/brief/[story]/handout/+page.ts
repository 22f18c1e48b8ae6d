import { index } from '$lib/incident';
import { loadStory, storyEntries } from '$lib/brief/load';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => storyEntries(index);

export const load: PageLoad = ({ params }) => ({ story: loadStory(index, params.story) });
