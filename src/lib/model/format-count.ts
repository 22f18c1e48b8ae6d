import type { Count } from './schema';

/**
 * A number as people write it in English ("10,000"). One formatter for every call:
 * `toLocaleString` builds a new one each time, which shows on a zoom frame that writes several.
 */
const numbers = new Intl.NumberFormat('en-GB');
export const formatNumber = (n: number): string => numbers.format(n);

/** "62", "60–90", "at least 15", "about 100", "more than 100"; a dash when not given. */
export function formatCount(c: Count | undefined): string {
	if (c === undefined) return '—';
	if (typeof c === 'number') return String(c);
	if ('min' in c) return `${c.min}–${c.max}`;
	if ('atLeast' in c) return `at least ${c.atLeast}`;
	if ('about' in c) return `about ${c.about}`;
	return `more than ${c.moreThan}`;
}

/**
 * Where a count sits on an axis: [low, high] plus how to draw it. Open-ended counts ("at least",
 * "more than") have no high end and are drawn with an arrow; "about" gets a soft margin.
 */
export interface CountSpan {
	low: number;
	high: number | null;
	shape: 'point' | 'range' | 'at-least' | 'more-than' | 'about';
}

export function countSpan(c: Count): CountSpan {
	if (typeof c === 'number') return { low: c, high: c, shape: 'point' };
	if ('min' in c) return { low: c.min, high: c.max, shape: 'range' };
	if ('atLeast' in c) return { low: c.atLeast, high: null, shape: 'at-least' };
	if ('about' in c) return { low: c.about, high: c.about, shape: 'about' };
	return { low: c.moreThan, high: null, shape: 'more-than' };
}
