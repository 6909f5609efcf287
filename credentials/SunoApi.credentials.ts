import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SunoApi implements ICredentialType {
	name = 'sunoApi';

	displayName = 'Suno API';

	icon: Icon = { light: 'file:../icons/suno.svg', dark: 'file:../icons/suno.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-suno/n8n-nodes-suno#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your key from https://sunoapi.org/api-key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sunoapi.org',
			description:
				'Change only for a host that serves the same API (another reseller, or the bundled simulator)',
		},
		{
			displayName: 'File Upload Base URL',
			name: 'uploadBaseUrl',
			type: 'string',
			default: 'https://sunoapiorg.redpandaai.co',
			description:
				'Host of the file-upload API used to turn an input binary into a URL Suno can fetch',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Suno answers a wrong key with HTTP 200 and a body code, so the HTTP status alone would pass it.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/generate/credit',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 401,
					message: 'Suno did not accept this API key. Copy it again from https://sunoapi.org/api-key.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 404,
					message: 'The Base URL does not serve the Suno API. Use https://api.sunoapi.org.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 455,
					message: 'Suno is under maintenance. Try the connection again later.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 500,
					message: 'Suno could not answer right now. Try the connection again later.',
				},
			},
		],
	};
}
