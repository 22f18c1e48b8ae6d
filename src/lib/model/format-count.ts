import type { Count } from './schema';

/** "62", "60–90", "at least 15", "about 100", "more than 100"; a dash when not given. */
export function formatCount(c: Count | undefined): string {
	if (c === undefined) return '—';
	if (typeof c === 'number') return String(c);
	if ('min' in c) return `${c.min}–${c.max}`;
	if ('atLeast' in c) return `at least ${c.atLeast}`;
	if ('about' in c) return `about ${c.about}`;
	return `more than ${c.moreThan}`;
}
