import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { MODEL_OPTIONS } from '../../../nodes/SunoMusic/descriptions/models';
import { SunoMusic } from '../../../nodes/SunoMusic/SunoMusic.node';

/**
 * Conventions lint cannot see, because most properties are built by shared builders rather than
 * written as literals: sorting, sentence case, "Whether", "e.g." and the options every operation needs.
 */
const { properties } = new SunoMusic().description;

function walk(list: INodeProperties[], visit: (property: INodeProperties) => void): void {
	for (const property of list) {
		visit(property);
		if (property.type === 'collection') walk(property.options as INodeProperties[], visit);
		if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) walk(group.values, visit);
		}
	}
}

const all: INodeProperties[] = [];
walk(properties, (property) => all.push(property));

const resourceOptions = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
const operationLists = properties.filter((p) => p.name === 'operation');

function operationsOf(resource: string): INodePropertyOptions[] {
	const list = operationLists.find((p) => p.displayOptions?.show?.resource?.includes(resource));
	return (list?.options ?? []) as INodePropertyOptions[];
}

function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation),
	);
}

const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

const MUSIC_CREATES = [
	'addInstrumental',
	'addVocals',
	'extend',
	'generate',
	'generateSounds',
	'mashup',
	'replaceSection',
	'uploadAndCover',
	'uploadAndExtend',
];

describe('Suno Music node description', () => {
	it('lists resources and each resource’s operations alphabetically, with sentence-case actions', () => {
		expect(resourceOptions.map((o) => o.name)).toEqual(['Account', 'Lyric', 'Music']);
		for (const resource of resourceOptions) {
			const operations = operationsOf(String(resource.value));
			expect(operations.length).toBeGreaterThan(0);
			expect(operations.map((o) => o.name)).toEqual(byName(operations.map((o) => o.name)));
			for (const { action } of operations) {
				expect(action).toMatch(/^[A-Z][a-z ]+$/);
			}
		}
		expect(operationsOf('music').map((o) => o.value)).toEqual(byName([...MUSIC_CREATES, 'getGenerationDetails']));
		expect(operationsOf('lyrics').map((o) => o.value)).toEqual([
			'generateLyrics',
			'getLyricsDetails',
			'getTimestampedLyrics',
		]);
		expect(operationsOf('account').map((o) => o.value)).toEqual(['getCredits']);
	});

	it('starts every boolean description with "Whether" and every placeholder with "e.g."', () => {
		for (const property of all) {
			if (property.type === 'boolean') expect(`${property.name}: ${property.description}`).toMatch(/^\w+: Whether /);
			if (property.placeholder && !['collection', 'fixedCollection'].includes(property.type)) {
				expect(`${property.name}: ${property.placeholder}`).toMatch(/^\w+: e\.g\. /);
			}
		}
	});

	it('keeps every collection’s options in alphabetical order', () => {
		for (const property of all.filter((p) => p.type === 'collection')) {
			const names = (property.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual(byName(names));
		}
	});

	it('gives every create Wait for Completion (on), wait options and a Callback URL option', () => {
		const creates = [...MUSIC_CREATES.map((op) => ['music', op]), ['lyrics', 'generateLyrics']];
		for (const [resource, operation] of creates) {
			const shown = shownFor(resource, operation);
			const wait = shown.find((p) => p.name === 'waitForCompletion');
			expect(`${operation}: ${String(wait?.default)}`).toBe(`${operation}: true`);
			expect(shown.some((p) => p.name === 'waitOptions')).toBe(true);
			const options = shown.find((p) => p.name === 'options')!.options as INodeProperties[];
			expect(options.map((o) => o.name)).toEqual(expect.arrayContaining(['callBackUrl', 'requestTimeout']));
		}
	});

	it('offers Download Audio on every operation that yields tracks, and only there', () => {
		const withDownload = operationLists
			.flatMap((list) =>
				(list.options as INodePropertyOptions[]).map((o) => [list.displayOptions!.show!.resource![0], o.value]),
			)
			.filter(([resource, operation]) =>
				shownFor(String(resource), String(operation)).some((p) => p.name === 'downloadAudio'),
			)
			.map(([, operation]) => operation);
		expect(byName(withDownload.map(String))).toEqual(byName([...MUSIC_CREATES, 'getGenerationDetails']));
	});

	it('lists the current V6 family first, keeps older models, and ends with a free-text model', () => {
		expect(MODEL_OPTIONS.map((o) => o.value)).toEqual([
			'V6',
			'V6_WILD',
			'V6_MINI',
			'V5_5',
			'V5',
			'V4_5PLUS',
			'V4_5ALL',
			'V4_5',
			'V4',
			'custom',
		]);
	});
});
