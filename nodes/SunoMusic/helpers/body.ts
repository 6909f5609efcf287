import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Capability, Field, When } from '../descriptions/fields';
import { apiName } from '../descriptions/fields';
import type { ModelLimits } from '../descriptions/models';
import { ANY_MODEL_LIMITS, CUSTOM_MODEL, DEFAULT_MODEL, MODEL_LIMITS } from '../descriptions/models';

/** The model an item asks for, and what it is held to. */
export interface ModelChoice {
	/** What is sent as `model`; undefined when the operation sends none. */
	id?: string;
	limits: ModelLimits;
	/** False for a typed model ID or an unknown source model: only generic limits apply then. */
	known: boolean;
}

/** A refusal before any request: names the item and what is wrong, and says how to fix it. */
export function invalidItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex, description });
}

export function modelChoice(id: string | undefined): ModelChoice {
	const limits = id === undefined ? undefined : MODEL_LIMITS[id];
	return {
		id,
		limits: limits ?? ANY_MODEL_LIMITS,
		known: limits !== undefined,
	};
}

export function readModel(ctx: IExecuteFunctions, itemIndex: number): ModelChoice {
	const selected = String(ctx.getNodeParameter('model', itemIndex, DEFAULT_MODEL) ?? '').trim();
	if (selected !== CUSTOM_MODEL) return modelChoice(selected || DEFAULT_MODEL);
	const typed = String(ctx.getNodeParameter('customModel', itemIndex, '') ?? '').trim();
	if (!typed) {
		throw invalidItem(
			ctx,
			itemIndex,
			'Custom Model ID is empty',
			'Type the model ID, e.g. V6, or pick a listed model.',
		);
	}
	return { ...modelChoice(typed), known: false };
}

export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function isHttpUrl(value: string): boolean {
	try {
		const { protocol } = new URL(value);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

const CAPABILITY_TEXT: Record<Capability, string> = {
	v6: 'V6 models (V6, V6 Wild, V6 Mini)',
	duration: 'V5.5 and V6 models',
};

/** Reads a top-level parameter for a display condition; hidden parameters read as undefined. */
function topValue(ctx: IExecuteFunctions, itemIndex: number, name: string): unknown {
	return ctx.getNodeParameter(name, itemIndex, undefined);
}

export function applies(ctx: IExecuteFunctions, itemIndex: number, when: When | undefined): boolean {
	if (!when) return true;
	return Object.entries(when).every(([name, values]) => (values as unknown[]).includes(topValue(ctx, itemIndex, name)));
}

/** The labels users see, by request-body key, so cross-field messages use the same words as the form. */
export type Labels = Record<string, string>;

export interface ReadBody {
	body: IDataObject;
	labels: Labels;
}

class FieldReader {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly model: ModelChoice,
	) {}

	fail(message: string, description?: string): never {
		throw invalidItem(this.ctx, this.itemIndex, message, description);
	}

	private modelText(): string {
		return this.model.known ? `model ${this.model.id}` : 'Suno';
	}

	private checkText(field: Field, label: string, value: string): void {
		const rule = field.rule ?? {};
		const limit = rule.limit ? this.model.limits[rule.limit] : rule.maxLength;
		if (limit !== undefined && value.length > limit) {
			const allows = rule.limit ? `${this.modelText()} allows ${limit}` : `Suno allows ${limit}`;
			this.fail(
				`${label} is ${value.length} characters; ${allows}`,
				`Shorten ${label} to at most ${limit} characters.`,
			);
		}
		const words = value.trim().split(/\s+/).length;
		if (rule.maxWords !== undefined && words > rule.maxWords) {
			this.fail(`${label} is ${words} words; Suno allows ${rule.maxWords}`, `Shorten ${label}.`);
		}
		if (rule.url && !isHttpUrl(value)) {
			this.fail(`${label} "${value}" is not an http(s) URL`, 'Use a full address starting with https://.');
		}
	}

	private checkNumber(field: Field, label: string, value: number): void {
		const { min, max, above, integer } = field.rule ?? {};
		const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : undefined;
		if (!Number.isFinite(value)) this.fail(`${label} is not a number`);
		if (integer && !Number.isInteger(value)) {
			this.fail(`${label} is ${value}; it must be a whole number ${range ?? ''}`.trim());
		}
		if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
			this.fail(
				`${label} is ${value}; it must be ${range ?? (min !== undefined ? `at least ${min}` : `at most ${max}`)}`,
			);
		}
		if (above !== undefined && value <= above) this.fail(`${label} is ${value}; it must be more than ${above}`);
	}

	private urls(field: Field, label: string, value: string): string[] {
		const list = value
			.split(/[\n,]/)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
		const max = field.rule?.urlList?.max;
		if (max !== undefined && list.length > max) this.fail(`${label} has ${list.length} URLs; Suno allows ${max}`);
		const bad = list.find((entry) => !isHttpUrl(entry));
		if (bad !== undefined)
			this.fail(`${label} "${bad}" is not an http(s) URL`, 'Use full addresses starting with https://.');
		return list;
	}

	private checkCapability(field: Field, label: string): void {
		const needs = field.rule?.needs;
		if (!needs || !this.model.known || this.model.limits[needs]) return;
		this.fail(
			`${label} works only with ${CAPABILITY_TEXT[needs]}, not ${this.model.id}`,
			`Remove ${label} or pick another model.`,
		);
	}

	/** The value to send, or undefined to leave the field out. */
	value(field: Field, raw: unknown): unknown {
		const label = field.property.displayName;
		const { type } = field.property;
		if (type === 'boolean') return raw === true || raw === 'true';
		if (type === 'number') {
			if (isEmpty(raw)) return undefined;
			const value = Number(raw);
			this.checkNumber(field, label, value);
			this.checkCapability(field, label);
			return value;
		}
		if (isEmpty(raw)) return field.sendEmpty ? '' : undefined;
		const value = String(raw).trim();
		this.checkCapability(field, label);
		if (field.rule?.urlList) return this.urls(field, label, value);
		this.checkText(field, label, value);
		return value;
	}
}

/**
 * Reads the fields that apply to an item into a request body, checking each against the model
 * before anything is sent. Fields that do not apply (hidden by a mode switch) are left out even
 * when an old value is still stored.
 */
export function readBody(ctx: IExecuteFunctions, itemIndex: number, fields: Field[], model: ModelChoice): ReadBody {
	const reader = new FieldReader(ctx, itemIndex, model);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const labels: Labels = {};
	for (const field of fields) {
		if (!applies(ctx, itemIndex, field.when)) continue;
		const { name, default: fallback } = field.property;
		const raw = field.option ? options[name] : ctx.getNodeParameter(name, itemIndex, fallback);
		labels[apiName(field)] = field.property.displayName;
		if (field.option && raw === undefined) continue;
		const value = reader.value(field, raw);
		if (value !== undefined) body[apiName(field)] = value as IDataObject[keyof IDataObject];
	}
	return { body, labels };
}

function hasValue(value: unknown): boolean {
	return !isEmpty(value) && !(Array.isArray(value) && value.length === 0);
}

/**
 * Refuses an item that leaves out what the request needs: every one of `keys` (`need` 'all') or
 * at least one of them ('one'). `why` says in which case they are needed.
 */
export function requireFilled(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: ReadBody,
	keys: string[],
	need: 'all' | 'one',
	why: string,
): void {
	const missing = keys.filter((key) => !hasValue(read.body[key]));
	if (need === 'all' ? missing.length === 0 : missing.length < keys.length) return;
	const label = (key: string) => read.labels[key] ?? key;
	if (need === 'one') {
		throw invalidItem(
			ctx,
			itemIndex,
			`${why} needs at least one of: ${keys.map(label).join(', ')}`,
			'Fill in one of them.',
		);
	}
	const names = missing.map(label).join(' and ');
	throw invalidItem(ctx, itemIndex, `${names} ${missing.length > 1 ? 'are' : 'is'} empty; ${why}`, `Fill in ${names}.`);
}
