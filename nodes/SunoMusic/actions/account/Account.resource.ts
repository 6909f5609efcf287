import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/common';

import * as getCredits from './getCredits.operation';

export { getCredits };

export const description: INodeProperties[] = [
	operationProperty(
		'account',
		[
			{
				name: 'Get Credits',
				value: 'getCredits',
				action: 'Get remaining credits',
				description: 'Get the credits left on your sunoapi.org account',
			},
		],
		'getCredits',
	),
	...getCredits.description,
];
