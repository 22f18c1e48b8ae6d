import { describe, expect, it } from 'vitest';
import { literalBrokenSegments } from '../../src/hooks';

describe('addresses with broken percent-encoding', () => {
	it('leaves every readable path alone', () => {
		for (const p of ['/', '/events/russian-first-call', '/parties/%D8%AF', '/a%25b', '/brief/x/3'])
			expect(literalBrokenSegments(p)).toBeUndefined();
	});

	it('takes an undecodable segment literally, and only that segment', () => {
		expect(literalBrokenSegments('/parties/%FF%FE')).toBe('/parties/%25FF%25FE');
		expect(literalBrokenSegments('/events/%u2603')).toBe('/events/%25u2603');
		expect(literalBrokenSegments('/events/%E2%98')).toBe('/events/%25E2%2598');
		expect(literalBrokenSegments('/brief/%D8%AF/%')).toBe('/brief/%D8%AF/%25');
	});

	it('gives a path that decodes to what was typed', () => {
		const out = literalBrokenSegments('/parties/%FF%FE')!;
		expect(decodeURIComponent(out.split('/')[2]!)).toBe('%FF%FE');
		expect(() => decodeURI(out)).not.toThrow();
	});
});
