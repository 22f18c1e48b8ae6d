import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
