import type { INodeProperties } from 'n8n-workflow';

import * as getGenerationDetails from './getGenerationDetails.operation';

export { getGenerationDetails };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['music'] } },
		options: [
			{
				name: 'Get Generation Details',
				value: 'getGenerationDetails',
				action: 'Get generation details',
				description: 'Get a music task and its tracks, one item per track, optionally waiting until done',
			},
		],
		default: 'getGenerationDetails',
	},
	...getGenerationDetails.description,
];
