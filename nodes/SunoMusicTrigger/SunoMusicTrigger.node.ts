import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { receiveCallback } from './callback';
import { MIN_SECRET_LENGTH, properties, SECRET_QUERY_PARAMETER } from './description';
import { deliverItems } from './download';

/** Refuses to listen with a secret anyone could guess; checked when the workflow is activated or tested. */
function assertSecretUsable(ctx: IHookFunctions): void {
	const secret = String(ctx.getNodeParameter('secret', '') ?? '');
	if (secret.length >= MIN_SECRET_LENGTH) return;
	throw new NodeOperationError(
		ctx.getNode(),
		secret === '' ? 'The Secret is empty' : `The Secret has ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed`,
		{
			description: `Set Secret to at least ${MIN_SECRET_LENGTH} random characters (e.g. the output of "openssl rand -hex 16") and add it to the callback URL as ?${SECRET_QUERY_PARAMETER}=….`,
		},
	);
}

export class SunoMusicTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suno Music Trigger',
		name: 'sunoMusicTrigger',
		icon: { light: 'file:../../icons/suno.svg', dark: 'file:../../icons/suno.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + ($parameter["events"].length ? $parameter["events"].join(", ") : "every callback")}}',
		description:
			'Generate AI music with the Suno API; the trigger starts a workflow when Suno calls back with finished music, lyrics, WAV, stems, MIDI, video or cover art',
		defaults: { name: 'Suno Music Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'callback',
			},
		],
		eventTriggerDescription: 'Waiting for Suno to call the Test URL (with ?secret=… appended)',
		activationMessage:
			'Give Suno the Production URL with ?secret=<your secret> appended as the callBackUrl of your requests.',
		properties,
	};

	/** Suno has no API to register a callback URL: it is given per task, so there is nothing to create or delete. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSecretUsable(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSecretUsable(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await deliverItems(this);
	}
}
