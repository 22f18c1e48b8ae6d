/** The explorer's keys, as a table: what a reader presses, and what it does. */
import { describe, expect, test } from 'vitest';
import { keyAction, zoomedWindow } from '../../src/lib/explorer/keys';

describe('keyAction', () => {
	test.each([
		['+', false, { kind: 'zoom', factor: 2 }],
		['=', false, { kind: 'zoom', factor: 2 }],
		['-', false, { kind: 'zoom', factor: 0.5 }],
		['ArrowLeft', false, { kind: 'pan', fraction: -0.1 }],
		['ArrowLeft', true, { kind: 'pan', fraction: -0.5 }],
		['ArrowRight', false, { kind: 'pan', fraction: 0.1 }],
		['ArrowRight', true, { kind: 'pan', fraction: 0.5 }],
		['0', false, { kind: 'show', what: 'span' }],
		['f', false, { kind: 'show', what: 'focus' }],
		['z', false, { kind: 'show', what: 'selected' }],
		['n', false, { kind: 'step', direction: 1 }],
		['j', false, { kind: 'step', direction: 1 }],
		['p', false, { kind: 'step', direction: -1 }],
		['k', false, { kind: 'step', direction: -1 }],
		['1', false, { kind: 'moment', index: 0 }],
		['9', false, { kind: 'moment', index: 8 }],
		['Escape', false, { kind: 'close' }]
	] as const)('%s (shift %s)', (key, shift, action) =>
		expect(keyAction(key, shift)).toEqual(action)
	);

	test.each(['a', 'F1', 'Tab', 'Enter', ' '])('%s is left to the page', (key) =>
		expect(keyAction(key, false)).toBeNull()
	);
});

describe('zoomedWindow', () => {
	test('zooming in by 2 keeps the centre and halves the width; out by 2 doubles it', () => {
		expect(zoomedWindow([100, 200], 2)).toEqual([125, 175]);
		expect(zoomedWindow([100, 200], 0.5)).toEqual([50, 250]);
	});
});
