/**
 * Schema problems in words a curator can act on: each message quotes the bad value, shows the
 * shape where an object was expected, says where null is allowed, and for an unknown field
 * suggests the nearest known one or lists the fields there are.
 *
 * Zod reports where a problem is, not which schema was there; schemaAt walks the file's schema
 * along the issue's path to find it.
 */
import type { z } from 'zod';
import { nearest } from './suggest.ts';
import { nullMeans } from './schema.ts';

type Schema = z.core.$ZodType;

interface Def {
	type: string;
	// eslint-disable-next-line no-restricted-syntax -- zod's own shape, read with Object.hasOwn
	shape?: Record<string, Schema>;
	element?: Schema;
	innerType?: Schema;
	options?: Schema[];
	in?: Schema;
}
const def = (s: Schema) => s._zod.def as unknown as Def;

/** The schema met at a path into data of `schema`, or undefined where the path leaves it. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
	let here: Schema | undefined = schema;
	for (const key of path) {
		here = unwrap(here);
		if (!here) return undefined;
		const d = def(here);
		if (d.type === 'object' && typeof key === 'string')
			here = d.shape && Object.hasOwn(d.shape, key) ? d.shape[key] : undefined;
		else if (d.type === 'array' && typeof key === 'number') here = d.element;
		else if (d.type === 'union')
			here = d.options?.map((o) => schemaAt(o, [key])).find((s) => s !== undefined);
		else return undefined;
	}
	return here;
}

/** The schema inside optional, nullable, default and pipe wrappers. */
function unwrap(s: Schema | undefined): Schema | undefined {
	let here = s;
	for (let i = 0; here && i < 8; i++) {
		const d = def(here);
		if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') here = d.innerType;
		else if (d.type === 'pipe') here = d.in;
		else break;
	}
	return here;
}

/** Whether null is allowed here, and what a null means ("when the source gave none"). */
function nullMeaning(s: Schema | undefined): string | null {
	for (let here = s, i = 0; here && i < 8; i++) {
		const d = def(here);
		if (d.type === 'nullable') return nullMeans.get(here)?.means ?? '';
		if (d.type === 'optional' || d.type === 'default') here = d.innerType;
		else return null;
	}
	return null;
}

/** The keys of an object schema, an optional one marked: {"source": …, "quote"?: …}. */
export function shapeOf(s: Schema | undefined): string | null {
	const inner = unwrap(s);
	if (!inner || def(inner).type !== 'object') return null;
	const shape = def(inner).shape ?? {};
	const keys = Object.entries(shape).filter(([k]) => k !== '$schema');
	if (keys.length === 0) return null;
	return `{${keys
		.map(([k, v]) => `${JSON.stringify(k)}${def(v).type === 'optional' ? '?' : ''}: …`)
		.join(', ')}}`;
}

/** The fields an object schema has, in order. */
function fieldsOf(s: Schema | undefined): string[] {
	const inner = unwrap(s);
	if (!inner || def(inner).type !== 'object') return [];
	return Object.keys(def(inner).shape ?? {}).filter((k) => k !== '$schema');
}

/** A value as a message quotes it: short, and never the whole of a big array or object. */
export function quote(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length === 0 ? '[]' : `a list of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	return String(value);
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return `the string ${quote(value)}`;
	return typeof value;
}

function article(word: string): string {
	return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/**
 * "must be X; got Y" with ", or null when …" where the field allows null, placed before the
 * quoted value.
 */
function allowNull(message: string, meaning: string | null): string {
	if (meaning === null) return message;
	const or = `, or null${meaning ? ` ${meaning}` : ''}`;
	const required = /^is required \((\w+)\)$/.exec(message);
	if (required) return `is required (${article(required[1]!)} ${required[1]}${or})`;
	if (!message.startsWith('must be')) return message;
	const at = message.search(/[;,] got /);
	return at < 0 ? message + or : message.slice(0, at) + or + message.slice(at);
}

/** The message for one zod issue, given the schema of the file it was found in. */
export function describeIssue(issue: z.core.$ZodIssue, file: Schema): string {
	const here = schemaAt(file, issue.path);
	return allowNull(describe(issue, here, file), nullMeaning(here));
}

function describe(issue: z.core.$ZodIssue, here: Schema | undefined, file: Schema): string {
	switch (issue.code) {
		case 'unrecognized_keys': {
			const fields = fieldsOf(schemaAt(file, issue.path));
			const each = issue.keys.map((key) => {
				const near = nearest(key, fields);
				return near
					? `${JSON.stringify(key)} (did you mean ${JSON.stringify(near)}?)`
					: JSON.stringify(key);
			});
			const hinted = each.every((e) => e.includes('did you mean'));
			return (
				`unknown field${issue.keys.length > 1 ? 's' : ''} ${each.join(', ')}` +
				(hinted || fields.length === 0 ? '' : `; the fields here are ${fields.join(', ')}`)
			);
		}
		case 'invalid_type': {
			if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
				return `must be a finite number, got one too large to store`;
			const shape = issue.expected === 'object' ? shapeOf(here) : null;
			const what = shape ? `an object ${shape}` : `${article(issue.expected)} ${issue.expected}`;
			return issue.input === undefined
				? `is required (${shape ? `an object ${shape}` : issue.expected})`
				: `must be ${what}, got ${typeName(issue.input)}`;
		}
		case 'invalid_value': {
			const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
			return issue.input === undefined
				? `is required (one of ${values})`
				: `must be one of ${values}; got ${issue.input === null || typeof issue.input === 'object' ? typeName(issue.input) : quote(issue.input)}`;
		}
		case 'too_small':
		case 'too_big': {
			const got = `; got ${quote(issue.input)}${
				typeof issue.input === 'string' && issue.input.length > 40
					? ` (${issue.input.length} characters)`
					: ''
			}`;
			// Our own messages ("must cite at least one source") pass through; zod's are reworded.
			if (!/^Too (small|big)/.test(issue.message)) return issue.message + got;
			const small = issue.code === 'too_small';
			const n = Number(small ? issue.minimum : issue.maximum);
			if (issue.origin === 'string' && small && n === 1) return 'must not be empty';
			const bound = small
				? issue.inclusive === false
					? 'more than'
					: 'at least'
				: issue.inclusive === false
					? 'less than'
					: 'at most';
			if (issue.origin === 'string') return `must be ${bound} ${n} characters long${got}`;
			if (issue.origin === 'array')
				return `must have ${bound} ${n} item${n === 1 ? '' : 's'}; got ${Array.isArray(issue.input) ? issue.input.length : quote(issue.input)}`;
			return `must be ${bound} ${n}${got}`;
		}
		case 'invalid_union':
			return `must be a whole number, {"min", "max"}, {"atLeast"}, {"about"} or {"moreThan"}; got ${typeName(issue.input)}`;
		default:
			return issue.message;
	}
}
