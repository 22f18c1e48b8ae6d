/**
 * Colour contrast in every theme, computed from the stylesheet itself (WCAG 2.1 relative
 * luminance): text at least 4.5:1 (AA), marks and focus rings at least 3:1 (non-text contrast).
 * A palette change that makes text or marks hard to read, on screen or on a washed-out projector,
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	RELATION_COLOURS,
	RELATION_COLOURS_DARK,
	SIDE_COLOURS,
	SIDE_COLOURS_DARK
} from '../../src/lib/palette';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'app.css'), 'utf8');

/** The custom properties declared in the rule block of app.css whose selectors start with this one. */
function vars(selector: string): Record<string, string> {
	const m = new RegExp(`\\n[ \\t]*${selector.replace('.', '\\.')}\\s*[,{]`).exec(css);
	if (!m) throw new Error(`no ${selector} block in app.css`);
	const start = css.indexOf('{', m.index);
	const body = css.slice(start, css.indexOf('\n}', start));
	return Object.fromEntries(
		[...body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!])
	);
}

function rgb(hex: string): [number, number, number] {
	const h = hex.replace('#', '');
	const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
	return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
}

function luminance(hex: string): number {
	const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x! + 0.05) / (y! + 0.05);
}

const root = vars(':root');
const THEMES: [string, Record<string, string>, string[], Record<string, string>][] = [
	['reading (default)', root, SIDE_COLOURS, RELATION_COLOURS],
	['light projector', { ...root, ...vars('.theme-light') }, SIDE_COLOURS, RELATION_COLOURS],
	['dark projector', { ...root, ...vars('.theme-dark') }, SIDE_COLOURS_DARK, RELATION_COLOURS_DARK]
];

describe.each(THEMES)('the %s theme', (_, t, sides, relations) => {
	test.each([
		['--ink', '--paper'],
		['--ink', '--panel'],
		['--ink', '--lane-a'],
		['--ink-2', '--paper'],
		['--ink-2', '--panel'],
		['--ink-2', '--lane-a'],
		['--ink-3', '--paper'],
		['--ink-3', '--panel'],
		['--link', '--paper'],
		['--link', '--panel'],
		['--warn', '--warn-bg'],
		['--warn', '--panel'],
		['--on-accent', '--accent'],
		['--ink', '--highlight']
	])('text %s on %s is at least 4.5:1', (fg, bg) => {
		expect(contrast(t[fg]!, t[bg]!), `${t[fg]} on ${t[bg]}`).toBeGreaterThanOrEqual(4.5);
	});

	test('the focus ring and strong rules stand out from the page (3:1)', () => {
		expect(contrast(t['--accent']!, t['--paper']!)).toBeGreaterThanOrEqual(3);
		expect(contrast(t['--accent']!, t['--panel']!)).toBeGreaterThanOrEqual(3);
	});

	test.each(sides.slice(0, 4).map((c, i) => [i + 1, c]))(
		'side colour %i (%s) stands out from the panel and the lanes as a mark (3:1)',
		(_, colour) => {
			for (const bg of ['--panel', '--lane-a', '--lane-b'])
				expect(contrast(colour as string, t[bg]!), `${colour} on ${t[bg]}`).toBeGreaterThanOrEqual(
					3
				);
		}
	);

	test.each(Object.entries(relations))(
		"relation colour '%s' (%s) stands out from the graph's ground as a line (3:1)",
		(_, colour) => {
			for (const bg of ['--panel', '--paper'])
				expect(contrast(colour, t[bg]!), `${colour} on ${t[bg]}`).toBeGreaterThanOrEqual(3);
		}
	);
});

test('the contrast formula matches the WCAG reference points', () => {
	expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
	expect(contrast('#777', '#fff')).toBeCloseTo(4.48, 2);
});
