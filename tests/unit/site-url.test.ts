import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteUrlFromEnv } from '../../src/lib/site-url';

describe('absoluteUrl', () => {
	it('joins the site address and the path a page is served at', () => {
		expect(absoluteUrl('https://example.org', '', '/events/russian-first-call')).toBe(
			'https://example.org/events/russian-first-call'
		);
		expect(absoluteUrl('https://example.org', '', '/')).toBe('https://example.org/');
		expect(absoluteUrl('https://example.org', '', '/og/party/russia.png')).toBe(
			'https://example.org/og/party/russia.png'
		);
	});

	it('keeps the base path once whether or not the site address names it', () => {
		const path = '/sightline/og/event/x.png';
		expect(absoluteUrl('https://example.org', '/sightline', path)).toBe(
			'https://example.org/sightline/og/event/x.png'
		);
		expect(absoluteUrl('https://example.org/sightline', '/sightline', path)).toBe(
			'https://example.org/sightline/og/event/x.png'
		);
	});

	it('keeps a path of the host in front of the site', () => {
		expect(absoluteUrl('https://example.org/tools', '/sightline', '/sightline/claims')).toBe(
			'https://example.org/tools/sightline/claims'
		);
	});

	it('is null when the site address is not known, so no page claims a relative canonical', () => {
		expect(absoluteUrl('', '', '/claims')).toBeNull();
	});
});

describe('siteUrlFromEnv', () => {
	it('accepts an http(s) address and drops its trailing slash', () => {
		expect(siteUrlFromEnv('https://example.org/')).toBe('https://example.org');
		expect(siteUrlFromEnv(' https://example.org/sightline/ ')).toBe(
			'https://example.org/sightline'
		);
		expect(siteUrlFromEnv(undefined)).toBe('');
		expect(siteUrlFromEnv('')).toBe('');
	});

	it('stops the build on an address that previews could not use', () => {
		expect(() => siteUrlFromEnv('example.org')).toThrow(/absolute address/);
		expect(() => siteUrlFromEnv('ftp://example.org')).toThrow(/https:\/\//);
		expect(() => siteUrlFromEnv('https://example.org/?a=1')).toThrow(/query/);
	});
});
