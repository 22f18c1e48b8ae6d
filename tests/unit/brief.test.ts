import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { clampStep, navKey, parseStep, type NavState } from '../../src/lib/brief/nav';
import { briefQuery, readBriefQuery } from '../../src/lib/brief/query';
import { readMessage } from '../../src/lib/brief/sync';
import { stepSources, stepClaimsEvent, stepWindow } from '../../src/lib/brief/story';
import { buildIndex } from '../../src/lib/model';
import { loadIncident } from '../../src/lib/server/load-incident';
import { eventExtent } from '../../src/lib/model/extent';

const at = (step: number, count = 12, typed = ''): NavState => ({ step, count, typed });

describe('briefing keys', () => {
	test.each([
		['ArrowRight', 4],
		['PageDown', 4],
		[' ', 4],
		['ArrowDown', 4],
		['n', 4],
		['Enter', 4],
		['ArrowLeft', 2],
		['PageUp', 2],
		['Backspace', 2],
		['p', 2],
		['Home', 1],
		['End', 12]
	])('%s from step 3 goes to step %i', (key, to) => {
		expect(navKey(at(3), { key })).toEqual({ type: 'go', step: to });
	});

	test('Shift+Space goes back, as in every slide tool', () => {
		expect(navKey(at(3), { key: ' ', shiftKey: true })).toEqual({ type: 'go', step: 2 });
	});

	test('the ends do not wrap: next on the last step and previous on the first do nothing', () => {
		expect(navKey(at(12), { key: 'PageDown' })).toEqual({ type: 'none' });
		expect(navKey(at(1), { key: 'PageUp' })).toEqual({ type: 'none' });
		expect(navKey(at(1), { key: 'Home' })).toEqual({ type: 'none' });
	});

	test('a number then Enter jumps; too large a number goes to the last step', () => {
		let state = at(2);
		for (const key of ['1', '0']) {
			const a = navKey(state, { key });
			expect(a.type).toBe('typing');
			if (a.type === 'typing') state = { ...state, typed: a.typed };
		}
		expect(state.typed).toBe('10');
		expect(navKey(state, { key: 'Enter' })).toEqual({ type: 'go', step: 10 });
		expect(navKey(at(2, 12, '99'), { key: 'Enter' })).toEqual({ type: 'go', step: 12 });
		expect(navKey(at(2, 12, '0'), { key: 'Enter' })).toEqual({ type: 'go', step: 1 });
	});

	test('Escape first clears a half-typed number, then leaves', () => {
		expect(navKey(at(2, 12, '4'), { key: 'Escape' })).toEqual({ type: 'typing', typed: '' });
		expect(navKey(at(2), { key: 'Escape' })).toEqual({ type: 'exit' });
	});

	test('F, T, B (and the clicker’s "."), S have their own actions; other keys do nothing', () => {
		expect(navKey(at(2), { key: 'f' }).type).toBe('fullscreen');
		expect(navKey(at(2), { key: 't' }).type).toBe('theme');
		expect(navKey(at(2), { key: 'b' }).type).toBe('blank');
		expect(navKey(at(2), { key: '.' }).type).toBe('blank');
		expect(navKey(at(2), { key: 's' }).type).toBe('presenter');
		expect(navKey(at(2), { key: 'x' }).type).toBe('none');
		expect(navKey(at(2), { key: 'Tab' }).type).toBe('none');
	});

	test('whatever is pressed, a "go" always lands on a real step different from the current one', () => {
		const keys = ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End', 'Enter', ' '];
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 1, max: 40 }),
				fc.constantFrom(...keys),
				fc.stringMatching(/^[0-9]{0,3}$/),
				(count, s, key, typed) => {
					const step = Math.min(s, count);
					const a = navKey({ step, count, typed }, { key });
					if (a.type === 'go') return a.step >= 1 && a.step <= count && a.step !== step;
					return a.type === 'none';
				}
			)
		);
	});

	test('clampStep keeps any number inside the storyline', () => {
		expect(clampStep(0, 5)).toBe(1);
		expect(clampStep(7, 5)).toBe(5);
		expect(clampStep(Number.NaN, 5)).toBe(1);
		expect(clampStep(2.7, 5)).toBe(2);
	});
});

describe('step addresses', () => {
	test('only whole numbers inside the storyline are steps', () => {
		expect(parseStep('5', 12)).toBe(5);
		expect(parseStep('12', 12)).toBe(12);
		for (const bad of ['0', '13', '05', '-1', '1.5', 'five', '', '1e1', ' 3', '99999'])
			expect(parseStep(bad, 12)).toBeNull();
	});

	test('the theme round-trips; anything else is named in a note and ignored', () => {
		expect(readBriefQuery(new URLSearchParams(briefQuery({ theme: 'dark' })))).toEqual({
			theme: 'dark',
			notes: []
		});
		expect(briefQuery({ theme: 'light' })).toBe('');
		const bad = readBriefQuery(new URLSearchParams('theme=<script>&zoom=9'));
		expect(bad.theme).toBe('light');
		expect(bad.notes).toHaveLength(2);
		expect(bad.notes[0]).toContain('Unknown theme');
		expect(bad.notes[1]).toContain('“zoom”');
	});

	test('only well-formed messages between the presenter and audience windows are accepted', () => {
		expect(readMessage({ kind: 'step', step: 3 })).toEqual({ kind: 'step', step: 3 });
		expect(readMessage({ kind: 'theme', theme: 'dark' })).toEqual({ kind: 'theme', theme: 'dark' });
		expect(readMessage({ kind: 'blank', blank: true })).toEqual({ kind: 'blank', blank: true });
		expect(readMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
		for (const bad of [
			null,
			'step',
			{ kind: 'step', step: 0 },
			{ kind: 'step', step: 1.5 },
			{ kind: 'step', step: '2' },
			{ kind: 'theme', theme: 'neon' },
			{ kind: 'eval', code: 'x' }
		])
			expect(readMessage(bad)).toBeNull();
	});
});

describe('the bundled briefings', () => {
	const result = loadIncident('deir-ez-zor-2016');
	if (!result.ok) throw new Error('the bundled incident must be valid');
	const index = buildIndex(result.model);
	const stories = result.model.storylines;

	test('there are the two briefings the incident calls for, each of 8 to 15 steps', () => {
		expect(stories.map((s) => s.title)).toEqual([
			'The strike and the two calls',
			'Seventy-two hours: from the strike to the convoy'
		]);
		for (const s of stories) {
			expect(s.steps.length).toBeGreaterThanOrEqual(8);
			expect(s.steps.length).toBeLessThanOrEqual(15);
		}
	});

	test('every step is sourced through its events and shows them in its window', () => {
		for (const s of stories)
			for (const step of s.steps) {
				expect(stepSources(index, step).length, step.title).toBeGreaterThan(0);
				const [a, b] = stepWindow(step);
				for (const id of step.events) {
					const [e0, e1] = eventExtent(index.eventById.get(id)!).extent;
					expect(e1 >= a && e0 <= b, `${step.title}: ${id}`).toBe(true);
				}
				if (step.views.includes('claims'))
					expect(stepClaimsEvent(index, step), step.title).toBeDefined();
			}
	});

	test('footnotes are numbered 1…n in order of first use, without gaps or repeats', () => {
		for (const s of stories)
			for (const step of s.steps) {
				const ns = stepSources(index, step).map((x) => x.n);
				expect(ns).toEqual(ns.map((_, i) => i + 1));
				const ids = stepSources(index, step).map((x) => x.source.id);
				expect(new Set(ids).size).toBe(ids.length);
			}
	});

	test('"The strike and the two calls" walks the calls and the halt minute by minute', () => {
		const steps = stories[0]!.steps;
		const ids = steps.flatMap((s) => s.events);
		for (const id of ['russian-first-call', 'russian-second-call', 'strike-halted'])
			expect(ids).toContain(id);
		const minuteSteps = steps.filter((s) => {
			const [a, b] = stepWindow(s);
			return b - a <= 4 * 3_600_000;
		});
		expect(minuteSteps.length).toBeGreaterThanOrEqual(4);
	});

	test('"Seventy-two hours" reaches the convoy, the Security Council and the investigations', () => {
		const ids = stories[1]!.steps.flatMap((s) => s.events);
		for (const id of [
			'convoy-attack-urum-al-kubra',
			'unsc-emergency-session',
			'syrian-army-declares-truce-over',
			'us-investigation-released'
		])
			expect(ids).toContain(id);
	});
});
