/**
 * The casualty chart reads for any incident: figures for different affected groups sit under
 * their own headings, long names wrap instead of being cut, and no figure's value runs off the
 * chart at any width from a phone's to a projector's.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	layoutCasualties,
	valueX,
	wrapText,
	TICK_PX,
	VALUE_PX
} from '../../src/lib/components/casualty-layout';
import { estimateText } from '../../src/lib/text-measure';
import { formatCount } from '../../src/lib/model/format-count';
import type { CasualtyClaim, Count } from '../../src/lib/model/schema';

const LONG =
	'Joint Interagency Taskforce on Maritime Search, Rescue and Coastal Emergency Coordination';

function claim(id: string, affected: string, claimant: string, killed: Count, on = '2031-10-05') {
	return {
		id,
		event: 'e',
		affected,
		claimant,
		killed,
		claimedOn: on,
		sources: []
	} as CasualtyClaim;
}

const names: Record<string, string> = {
	crew: 'Crew of the ferry',
	passengers: 'Passengers of the ferry',
	everyone: 'Everyone aboard',
	coop: 'Ferry Cooperative',
	taskforce: LONG,
	health: 'Health Network'
};
const name = (id: string) => names[id] ?? id;

describe('layoutCasualties', () => {
	const claims = [
		claim('a', 'passengers', 'coop', { atLeast: 1 }),
		claim('b', 'crew', 'taskforce', 1, '2031-10-08'),
		claim('c', 'passengers', 'taskforce', 2, '2031-10-08'),
		claim('d', 'everyone', 'health', { moreThan: 100 }, '2031-10-06')
	];

	test('groups rows by who was affected, in the order each group was first given a figure', () => {
		const chart = layoutCasualties(claims, 'killed', {
			width: 720,
			partyName: name,
			affectedName: name
		})!;
		expect(chart.groups.map((g) => [g.affected, g.rows.map((r) => r.claim.id)])).toEqual([
			['passengers', ['a', 'c']],
			['everyone', ['d']],
			['crew', ['b']]
		]);
		expect(chart.groups[0]!.heading).toEqual(['Killed among: Passengers of the ferry']);
		expect(chart.groups[0]!.rows[0]!.date).toBe('5 Oct 2031');
	});

	test('a long name with no short form wraps in the label column instead of being cut', () => {
		const chart = layoutCasualties(claims, 'killed', {
			width: 390,
			partyName: name,
			affectedName: name
		})!;
		const row = chart.groups.flatMap((g) => g.rows).find((r) => r.claim.claimant === 'taskforce')!;
		expect(row.name.length).toBeGreaterThan(1);
		expect(row.name.join(' ')).toBe(LONG);
		for (const line of row.name) expect(estimateText(line, 13)).toBeLessThanOrEqual(chart.left);
	});

	test('rows and headings never overlap', () => {
		const chart = layoutCasualties(claims, 'killed', {
			width: 390,
			partyName: name,
			affectedName: name
		})!;
		let bottom = 0;
		for (const g of chart.groups) {
			expect(g.top).toBeGreaterThanOrEqual(bottom);
			bottom = g.top + g.heading.length * 16;
			for (const r of g.rows) {
				expect(r.top).toBeGreaterThanOrEqual(bottom);
				bottom = r.top + r.name.length * 16 + 14;
			}
		}
		expect(chart.axisY).toBeGreaterThan(bottom);
	});

	test('at any width, every value is written inside the chart and ticks never run together (property)', () => {
		const arbCount: fc.Arbitrary<Count> = fc.oneof(
			fc.integer({ min: 0, max: 5000 }),
			fc.integer({ min: 0, max: 5000 }).map((n) => ({ moreThan: n })),
			fc.integer({ min: 0, max: 5000 }).map((n) => ({ atLeast: n })),
			fc.integer({ min: 0, max: 5000 }).map((n) => ({ about: n })),
			fc
				.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 500 }))
				.map(([a, d]) => ({ min: a, max: a + d }))
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 300, max: 900 }),
				fc.array(fc.tuple(arbCount, fc.constantFrom('crew', 'passengers', 'everyone')), {
					minLength: 1,
					maxLength: 8
				}),
				(width, rows) => {
					const chart = layoutCasualties(
						rows.map(([count, affected], i) => claim(`c${i}`, affected, 'taskforce', count)),
						'killed',
						{ width, partyName: name, affectedName: name }
					)!;
					for (const r of chart.groups.flatMap((g) => g.rows)) {
						const end =
							valueX(chart.x, r.span) + estimateText(formatCount(r.claim.killed), VALUE_PX, true);
						expect(end).toBeLessThanOrEqual(width);
						expect(r.value).toBe(formatCount(r.claim.killed));
					}
					const xs = chart.ticks.map((t) => chart.x(t));
					for (let i = 1; i < xs.length; i++) {
						const room = xs[i]! - xs[i - 1]!;
						const need =
							(estimateText(String(chart.ticks[i]), TICK_PX) +
								estimateText(String(chart.ticks[i - 1]), TICK_PX)) /
							2;
						expect(room).toBeGreaterThanOrEqual(need + 8);
					}
					for (const t of chart.ticks) expect(Number.isInteger(t)).toBe(true);
				}
			)
		);
	});
});

describe('wrapText', () => {
	test.each([
		['Ferry Cooperative', 500, ['Ferry Cooperative']],
		['one two three', 40, ['one', 'two', 'three']]
	])('%s in %i px', (text, width, lines) =>
		expect(wrapText(text, width, 13, estimateText)).toEqual(lines)
	);

	test('a single word wider than the line is broken, never lost', () => {
		const lines = wrapText('Supercalifragilisticexpialidocious', 60, 13, estimateText);
		expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
		for (const l of lines) expect(estimateText(l, 13)).toBeLessThanOrEqual(60);
	});
});
