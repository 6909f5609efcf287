import { run, useSimulator } from '../../support';

const sim = useSimulator();

describe('Account → Get Credits', () => {
	it('outputs the credits left, and shows what a generate costs', async () => {
		const before = await run(sim, { parameters: { resource: 'account', operation: 'getCredits' } });
		await run(sim, {
			parameters: { resource: 'music', operation: 'generate', prompt: 'idea', waitForCompletion: false },
		});
		const after = await run(sim, { parameters: { resource: 'account', operation: 'getCredits' } });

		expect(before.output).toEqual([{ json: { credits: 1000 }, pairedItem: { item: 0 } }]);
		expect(after.output[0].json.credits).toBe(988);
		const reads = sim.requests.filter((r) => r.path === '/api/v1/generate/credit');
		expect(reads.map((r) => r.method)).toEqual(['GET', 'GET']);
	});
});
