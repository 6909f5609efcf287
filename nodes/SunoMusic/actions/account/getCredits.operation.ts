import { NodeApiError } from 'n8n-workflow';

import { operationDescription, type OperationExecute } from '../../descriptions/operation';

export const CREDITS_PATH = '/api/v1/generate/credit';

export const description = operationDescription('account', 'getCredits', []);

/** GET /api/v1/generate/credit: the credits left on the account (may be fractional). */
export const execute: OperationExecute = async function (itemIndex, run) {
	const data = await run.client.request<unknown>({ method: 'GET', path: CREDITS_PATH, kind: 'read' });
	const credits = typeof data === 'number' ? data : Number(data);
	if (data === null || data === '' || !Number.isFinite(credits)) {
		throw new NodeApiError(
			this.getNode(),
			{ path: CREDITS_PATH, data: String(data) },
			{ message: 'Suno answered the credit check without a number', itemIndex },
		);
	}
	return [{ json: { credits }, pairedItem: { item: itemIndex } }];
};
