import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const PLAIN_LOOKUP =
	'A plain object keyed by strings from data inherits Object.prototype: an id such as "constructor" finds a function there.';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'data/schema/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node, __SITE_URL__: 'readonly' } },
		rules: {
			// d3 must be imported module by module (d3-scale, d3-zoom…), never whole.
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'd3', message: 'Import the d3 module you need (d3-scale, d3-zoom, …).' }]
				}
			],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Internal links are built by helpers that prefix `base` and append the view-state
			// query, which this rule cannot see through.
			'svelte/no-navigation-without-resolve': 'off',
			// Sets and URLs here are temporaries inside derivations, never reactive state.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Ids come from data, and any of them may be a name every plain object inherits:
		// `lookup["constructor"]` on a `{}` is Object's constructor, not "missing" (issue 23).
		// Lookups keyed by data are Maps (or, for parsed JSON, read with Object.hasOwn).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					// Record<string, unknown> is let through: it types parsed JSON, read by known keys.
					selector:
						'TSTypeReference[typeName.name="Record"] > TSTypeParameterInstantiation[params.1.type!="TSUnknownKeyword"] > TSStringKeyword:first-child',
					message: PLAIN_LOOKUP + ' Key the Record by a closed union of names, or use a Map.'
				},
				{
					selector: 'TSIndexSignature',
					message: PLAIN_LOOKUP + ' Use a Map.'
				},
				{
					selector:
						'CallExpression[callee.object.name="Object"][callee.property.name="fromEntries"]',
					message: PLAIN_LOOKUP + ' Use new Map(entries).'
				},
				{
					selector: 'BinaryExpression[operator="in"][left.type!="Literal"]',
					message: PLAIN_LOOKUP + ' Use Map.has, or Object.hasOwn on parsed JSON.'
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
