import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { recentDeliveries, REMEMBERED_DELIVERIES } from '../../../nodes/SunoMusicTrigger/callback';
import { musicTaskToItems, normaliseMusicTask } from '../../../nodes/SunoMusic/helpers/normalise';
import { TriggerHarness, WEBHOOK_ID, type WebhookAnswer, type WebhookRequest } from '../../harness/webhook';
import * as fx from './fixtures';

const SECRET = 'q7Lr2vXn9cT4pWz8bK3m';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let workflowCount = 0;

/** A fresh active workflow per test, so no test sees another's remembered deliveries. */
function trigger(parameters: INodeParameters = {}, staticData?: IDataObject): TriggerHarness {
	workflowCount++;
	return new TriggerHarness({ parameters: { secret: SECRET, ...parameters }, workflowId: `wf-${workflowCount}`, staticData });
}

function post(harness: TriggerHarness, body: unknown, extra: Partial<WebhookRequest> = {}) {
	return harness.call({ body, query: { secret: SECRET }, ...extra });
}

/** The JSON of the items a call emitted. */
function jsonOf(answer: WebhookAnswer): IDataObject[] {
	return answer.emitted.map((item) => item.json);
}

const ALL_EVENTS = { events: ['text', 'first', 'complete', 'error'] };

/** The fields Get Generation Details gives for one track, in its order. */
const GET_GENERATION_DETAILS_FIELDS = Object.keys(
	musicTaskToItems(normaliseMusicTask({ taskId: 't', status: 'SUCCESS', response: { sunoData: [{ id: 'a' }] } }))[0],
);

describe('Suno Music Trigger', () => {
	describe('callback kinds', () => {
		it('emits a music complete callback as one Get Generation Details item per track, camelCase with ISO times', async () => {
			const answer = await post(trigger(), fx.musicComplete);
			expect(answer.status).toBe(200);
			expect(answer.emitted).toHaveLength(2);
			answer.emitted.forEach(({ json }, index) => {
				expect(Object.keys(json)).toEqual(['kind', 'callbackType', ...GET_GENERATION_DETAILS_FIELDS]);
				expect(json).toMatchObject({
					kind: 'music',
					callbackType: 'complete',
					taskId: 't1',
					status: 'SUCCESS',
					trackIndex: index,
					trackCount: 2,
					audioReady: true,
					errorCode: null,
					errorMessage: null,
				});
				expect(json.createTime).toMatch(ISO);
				expect(json).not.toHaveProperty('audio_url');
			});
			expect(answer.emitted[0].json).toMatchObject({
				audioId: 'e3225e2d-16ec-4f5c-9dcc-16fd548631e1',
				audioUrl: 'https://apiboxfiles.erweima.ai/ZTMy.mp3',
				streamAudioUrl: 'https://mfile.erweima.ai/ZTMy',
				sourceAudioUrl: 'https://cdn1.suno.ai/e3225e2d-16ec-4f5c-9dcc-16fd548631e1.mp3',
				imageUrl: 'https://apiboxfiles.erweima.ai/ZTMy.jpeg',
				modelName: 'chirp-v3-5',
				title: 'Whispering Tides',
				duration: 163.88,
				createTime: '2025-09-16T17:44:24.461Z',
			});
		});

		it('emits the text stage as one task-level item when Suno sends no tracks yet', async () => {
			const answer = await post(trigger(ALL_EVENTS), fx.musicText);
			expect(jsonOf(answer)).toEqual([
				expect.objectContaining({
					kind: 'music',
					callbackType: 'text',
					taskId: 't1',
					status: 'TEXT_SUCCESS',
					trackIndex: null,
					trackCount: 0,
				}),
			]);
		});

		it('emits the first stage with the unfinished track marked as not ready', async () => {
			const answer = await post(trigger(ALL_EVENTS), fx.musicFirst);
			expect(answer.emitted.map((item) => [item.json.callbackType, item.json.status, item.json.audioReady, item.json.duration])).toEqual([
				['first', 'FIRST_SUCCESS', true, 163.88],
				['first', 'FIRST_SUCCESS', false, null],
			]);
			expect(answer.emitted[1].json).toMatchObject({ audioUrl: null, sourceAudioUrl: null, streamAudioUrl: 'https://mfile.erweima.ai/NWVl' });
		});

		it('emits a music error as one failed task item with Suno’s code and message', async () => {
			const answer = await post(trigger(), fx.musicError);
			expect(answer.emitted).toHaveLength(1);
			expect(answer.emitted[0].json).toMatchObject({
				kind: 'music',
				callbackType: 'error',
				taskId: 't1',
				status: 'GENERATE_AUDIO_FAILED',
				errorCode: 501,
				errorMessage: 'Audio generation failed',
				trackCount: 0,
				creditsRefunded: false,
			});
		});

		it('marks a 531 error as refunded and keeps Suno’s refund message', async () => {
			const answer = await post(trigger(), fx.musicRefunded);
			expect(answer.emitted[0].json).toMatchObject({
				callbackType: 'error',
				errorCode: 531,
				errorMessage: 'Sorry, the generation failed due to an issue. Your credits have been refunded. Please try again.',
				creditsRefunded: true,
			});
		});

		it('treats a music callback with a failure code as an error whatever its callbackType says', async () => {
			const moderated = { code: 400, msg: 'Your lyrics contain copyrighted material.', data: { callbackType: 'complete', task_id: 't9', data: [] } };
			const answer = await post(trigger(), moderated);
			expect(answer.emitted[0].json).toMatchObject({ callbackType: 'error', status: 'SENSITIVE_WORD_ERROR', errorCode: 400 });
		});

		it('emits lyrics as one item per variant', async () => {
			const answer = await post(trigger(), fx.lyricsComplete);
			expect(jsonOf(answer)).toEqual([
				{
					kind: 'lyrics',
					callbackType: 'complete',
					taskId: 'l1',
					variantIndex: 0,
					variantCount: 2,
					title: 'City Night',
					text: '[Verse]\nNeon rain on the avenue',
					status: 'complete',
					errorCode: null,
					errorMessage: null,
				},
				expect.objectContaining({ variantIndex: 1, title: 'Night Hum', text: '[Verse]\nStreetlights hum a lullaby' }),
			]);
		});

		it('tells a lyrics error (taskId) from a music error (task_id) with the same empty data', async () => {
			const lyrics = await post(trigger(), fx.lyricsError);
			const music = await post(trigger(), fx.musicError);
			expect(lyrics.emitted[0].json).toMatchObject({ kind: 'lyrics', callbackType: 'error', taskId: 'l1', variantCount: 0, errorCode: 501 });
			expect(music.emitted[0].json).toMatchObject({ kind: 'music', taskId: 't1' });
		});

		it('emits a WAV callback with its audioWavUrl', async () => {
			const answer = await post(trigger(), fx.wavComplete);
			expect(jsonOf(answer)).toEqual([
				{ kind: 'wav', callbackType: 'complete', taskId: 'w1', audioWavUrl: 'https://example.com/s/04e6.wav', errorCode: null, errorMessage: null },
			]);
		});

		it('emits stems with every stem URL named as record-info names it, null when absent', async () => {
			const answer = await post(trigger(), fx.stemsComplete);
			expect(answer.emitted).toHaveLength(1);
			const json = answer.emitted[0].json;
			expect(json).toMatchObject({
				kind: 'stems',
				callbackType: 'complete',
				taskId: 's1',
				instrumentalUrl: 'https://file.aiquickdraw.com/s/s1_Instrumental.mp3',
				vocalUrl: 'https://file.aiquickdraw.com/s/s1_Vocals.mp3',
				originUrl: null,
				drumsUrl: null,
				woodwindsUrl: null,
				backingVocalsUrl: null,
			});
			expect(Object.keys(json).filter((key) => key.endsWith('Url'))).toHaveLength(14);
		});

		it('emits MIDI from its root task_id with note times as numbers even when Suno sends strings', async () => {
			const answer = await post(trigger(), fx.midiComplete);
			expect(jsonOf(answer)).toEqual([
				{
					kind: 'midi',
					callbackType: 'complete',
					taskId: 'm1',
					state: 'complete',
					instrumentCount: 1,
					noteCount: 2,
					instruments: [
						{
							name: 'Drums',
							notes: [
								{ pitch: 73, start: 0.0364, end: 0.1822, velocity: 1 },
								{ pitch: 61, start: 0.0468, end: 0.1927, velocity: 1 },
							],
						},
					],
					errorCode: null,
					errorMessage: null,
				},
			]);
		});

		it('emits an MP4 callback with its videoUrl, and a failed one as an error', async () => {
			const done = await post(trigger(), fx.mp4Complete);
			expect(done.emitted[0].json).toEqual({
				kind: 'mp4',
				callbackType: 'complete',
				taskId: 'v1',
				videoUrl: 'https://example.com/videos/video_847715e66259.mp4',
				errorCode: null,
				errorMessage: null,
			});
			const failed = await post(trigger(), fx.mp4Failed);
			expect(failed.emitted[0].json).toMatchObject({ kind: 'mp4', callbackType: 'error', videoUrl: null, errorCode: 451 });
		});

		it('emits cover art with its image URLs', async () => {
			const answer = await post(trigger(), fx.coverComplete);
			expect(answer.emitted[0].json).toEqual({
				kind: 'cover',
				callbackType: 'complete',
				taskId: 'c1',
				imageCount: 2,
				images: fx.coverComplete.data.images,
				errorCode: null,
				errorMessage: null,
			});
		});

		it('emits recovered audio from its root task_id as one item per track, in track order', async () => {
			const answer = await post(trigger(), fx.recoveryComplete);
			expect(jsonOf(answer)).toEqual([
				expect.objectContaining({ kind: 'recovery', callbackType: 'complete', taskId: 'r1', trackIndex: 0, trackCount: 2, audioId: '3bc3a1f0-48fc', audioUrl: 'https://example.com/x.m4a', audioReady: true, status: 'success', error: null }),
				expect.objectContaining({ trackIndex: 1, audioUrl: null, audioReady: false, status: 'failed', error: 'clip_not_complete' }),
			]);
		});

		it('emits the body exactly as Suno sent it with Output set to Raw Callback', async () => {
			const answer = await post(trigger({ options: { output: 'raw' } }), fx.musicComplete);
			expect(jsonOf(answer)).toEqual([fx.musicComplete]);
		});
	});

	describe('events filter', () => {
		it('emits only complete and error by default, answering 200 to the stages it skips', async () => {
			const harness = trigger();
			const text = await post(harness, fx.musicText);
			const first = await post(harness, fx.musicFirst);
			const complete = await post(harness, fx.musicComplete);
			expect([text.status, first.status, complete.status]).toEqual([200, 200, 200]);
			expect(text.emitted).toEqual([]);
			expect(first.emitted).toEqual([]);
			expect(text.body).toMatchObject({ received: true, emitted: false, callbackType: 'text', taskId: 't1' });
			expect(text.body.reason).toContain('"text" is not one of the Events');
			expect(complete.emitted).toHaveLength(2);
		});

		it('emits only the selected stages', async () => {
			const harness = trigger({ events: ['first'] });
			expect((await post(harness, fx.musicFirst)).emitted).toHaveLength(2);
			expect((await post(harness, fx.musicComplete)).emitted).toEqual([]);
			expect((await post(harness, fx.musicError)).emitted).toEqual([]);
		});

		it('emits every stage when no event is selected', async () => {
			const harness = trigger({ events: [] });
			const counts = [];
			for (const body of [fx.musicText, fx.musicFirst, fx.musicComplete]) counts.push((await post(harness, body)).emitted.length);
			expect(counts).toEqual([1, 2, 2]);
		});

		it('emits only the selected task kinds', async () => {
			const harness = trigger({ kinds: ['lyrics', 'wav'] });
			expect((await post(harness, fx.musicComplete)).emitted).toEqual([]);
			expect((await post(harness, fx.lyricsComplete)).emitted).toHaveLength(2);
			expect((await post(harness, fx.wavComplete)).emitted).toHaveLength(1);
			const skipped = await post(harness, fx.midiComplete);
			expect(skipped.status).toBe(200);
			expect(skipped.body.reason).toContain('"midi" is not one of the Task Kinds');
		});
	});

	describe('repeated deliveries', () => {
		it('emits a repeated delivery of the same task and stage once and answers 200 to the repeat', async () => {
			const harness = trigger();
			const first = await post(harness, fx.musicComplete);
			const repeat = await post(harness, fx.musicComplete);
			expect(first.emitted).toHaveLength(2);
			expect(repeat.status).toBe(200);
			expect(repeat.emitted).toEqual([]);
			expect(repeat.response.workflowData).toBeUndefined();
			expect(repeat.body).toMatchObject({ received: true, emitted: false, reason: 'Already received: complete of task t1' });
		});

		it('still emits another stage of the same task, and the same stage of another task', async () => {
			const harness = trigger(ALL_EVENTS);
			expect((await post(harness, fx.musicFirst)).emitted).toHaveLength(2);
			expect((await post(harness, fx.musicComplete)).emitted).toHaveLength(2);
			const otherTask = { ...fx.musicComplete, data: { ...fx.musicComplete.data, task_id: 't2' } };
			expect((await post(harness, otherTask)).emitted).toHaveLength(2);
			expect(harness.nodeStaticData.deliveries).toEqual(['music:t1:first', 'music:t1:complete', 'music:t2:complete']);
		});

		it('remembers deliveries in the workflow static data, so a repeat after a restart is still dropped', async () => {
			const before = trigger();
			await post(before, fx.wavComplete);
			recentDeliveries.clear(); // a new process: only what n8n saved is left
			const after = new TriggerHarness({
				parameters: { secret: SECRET },
				workflowId: before.workflow.id,
				staticData: JSON.parse(JSON.stringify(before.staticData)),
			});
			expect((await post(after, fx.wavComplete)).emitted).toEqual([]);
		});

		it('drops a repeat that arrives before n8n has saved the static data of the first delivery', async () => {
			const first = trigger();
			await post(first, fx.mp4Complete);
			// The same workflow read from the database before the first call's static data was written.
			const stale = new TriggerHarness({ parameters: { secret: SECRET }, workflowId: first.workflow.id, staticData: {} });
			expect((await post(stale, fx.mp4Complete)).emitted).toEqual([]);
		});

		it(`keeps the last ${REMEMBERED_DELIVERIES} deliveries and forgets the oldest`, async () => {
			const harness = trigger();
			for (let n = 0; n <= REMEMBERED_DELIVERIES; n++) {
				await post(harness, { ...fx.wavComplete, data: { ...fx.wavComplete.data, task_id: `w${n}` } });
			}
			const store = harness.nodeStaticData.deliveries as string[];
			expect(store).toHaveLength(REMEMBERED_DELIVERIES);
			expect(store[0]).toBe('wav:w1:complete');
			expect(store.at(-1)).toBe(`wav:w${REMEMBERED_DELIVERIES}:complete`);
			recentDeliveries.clear();
			expect((await post(harness, { ...fx.wavComplete, data: { ...fx.wavComplete.data, task_id: 'w0' } })).emitted).toHaveLength(1);
			// w0 came back as the newest and pushed w1 out; w2 is still remembered.
			expect((await post(harness, { ...fx.wavComplete, data: { ...fx.wavComplete.data, task_id: 'w2' } })).emitted).toEqual([]);
		});

		it('does not remember a delivery it filtered out, so it is emitted once the filter allows it', async () => {
			const harness = trigger();
			expect((await post(harness, fx.musicText)).emitted).toEqual([]);
			expect(harness.nodeStaticData.deliveries ?? []).toEqual([]);
			const widened = new TriggerHarness({
				parameters: { secret: SECRET, ...ALL_EVENTS },
				workflowId: harness.workflow.id,
				staticData: harness.staticData,
			});
			expect((await post(widened, fx.musicText)).emitted).toHaveLength(1);
		});
	});

	describe('secret', () => {
		it('refuses a call without the secret with 401 and emits nothing', async () => {
			const harness = trigger();
			const answer = await harness.call({ body: fx.musicComplete });
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ received: false, error: 'unauthorized', message: 'The secret query parameter is missing or wrong' });
			expect(answer.response).toEqual({ noWebhookResponse: true });
			expect(harness.nodeStaticData.deliveries).toBeUndefined();
		});

		it('refuses a wrong, truncated, longer or repeated secret with 401 and emits nothing', async () => {
			const harness = trigger();
			for (const secret of ['wrong-secret-value-123', SECRET.slice(0, -1), `${SECRET}x`, [SECRET, SECRET], '']) {
				const answer = await harness.call({ body: fx.musicComplete, query: { secret } });
				expect(answer.status).toBe(401);
				expect(answer.emitted).toEqual([]);
			}
			expect((await post(harness, fx.musicComplete)).emitted).toHaveLength(2);
		});

		it('checks the secret before reading the body', async () => {
			const answer = await trigger().call({ body: 'not json', contentType: 'text/plain', query: { secret: 'nope' } });
			expect(answer.status).toBe(401);
		});

		it('refuses every call while the configured secret is shorter than 16 characters', async () => {
			const short = 'short-secret';
			const harness = new TriggerHarness({ parameters: { secret: short }, workflowId: 'wf-short' });
			const answer = await harness.call({ body: fx.musicComplete, query: { secret: short } });
			expect(answer.status).toBe(401);
			expect(answer.emitted).toEqual([]);
		});

		it('refuses to activate with an empty or short secret and activates with a good one', async () => {
			await expect(new TriggerHarness({ parameters: {} }).lifecycle('checkExists')).rejects.toThrow('The Secret is empty');
			await expect(new TriggerHarness({ parameters: { secret: 'abc' } }).lifecycle('create')).rejects.toThrow(
				'The Secret has 3 characters; at least 16 are needed',
			);
			const good = trigger();
			await expect(good.lifecycle('checkExists')).resolves.toBe(true);
			await expect(good.lifecycle('create')).resolves.toBe(true);
			await expect(good.lifecycle('delete')).resolves.toBe(true);
		});

		it('listens on the Production URL the user pastes with ?secret= appended', () => {
			expect(trigger().productionUrl()).toBe(`http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/callback`);
		});
	});

	describe('bodies', () => {
		it('answers 200 at once with JSON saying what was emitted', async () => {
			const answer = await post(trigger(), fx.lyricsComplete);
			expect(answer.status).toBe(200);
			expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(answer.body).toEqual({ received: true, emitted: true, kind: 'lyrics', callbackType: 'complete', taskId: 'l1' });
			// Written by the node itself, so n8n neither waits for the execution nor for a free slot to answer.
			expect(answer.response.noWebhookResponse).toBe(true);
			expect(answer.response.workflowData?.[0]).toHaveLength(2);
		});

		it('answers malformed JSON with 400 and the parser’s reason, emitting nothing', async () => {
			const answer = await post(trigger(), '{"code":200,"data":{', { contentType: 'text/plain' });
			expect(answer.status).toBe(400);
			expect(answer.body.error).toBe('bad_request');
			expect(answer.body.message).toMatch(/^The body is not valid JSON: .+/);
			expect(answer.emitted).toEqual([]);
		});

		it('answers an empty body with 400', async () => {
			const answer = await post(trigger(), '', { contentType: 'text/plain' });
			expect(answer.status).toBe(400);
			expect(answer.body.message).toBe('The body is empty; Suno sends JSON');
		});

		it('answers JSON that is no Suno callback with 400 and the reason', async () => {
			const harness = trigger();
			const cases: Array<[unknown, string]> = [
				[{ hello: 'world' }, 'The body is not a Suno callback'],
				[[fx.musicComplete], 'The body is not a JSON object'],
				[{ code: 200, msg: 'ok', data: { callbackType: 'complete', data: [] } }, 'The music callback has no task_id'],
				[{ code: 200, msg: 'ok', data: { callbackType: 'halfway', task_id: 't1', data: [] } }, 'The music callback has an unknown callbackType "halfway"'],
			];
			for (const [body, reason] of cases) {
				const answer = await post(harness, body);
				expect(answer.status).toBe(400);
				expect(answer.body.error).toBe('unknown_shape');
				expect(answer.body.message).toContain(reason);
				expect(answer.emitted).toEqual([]);
			}
			expect(harness.nodeStaticData.deliveries).toBeUndefined();
		});

		it('refuses a body over the default 1 MB limit with 413 and emits nothing', async () => {
			const padded = { ...fx.musicComplete, padding: 'x'.repeat(1024 * 1024) };
			const answer = await post(trigger(), padded);
			expect(answer.status).toBe(413);
			expect(answer.body).toMatchObject({ received: false, error: 'payload_too_large' });
			expect(answer.body.message).toMatch(/^The body is \d+ bytes; this trigger accepts at most 1048576$/);
			expect(answer.emitted).toEqual([]);
		});

		it('applies Max Body Size, also to a body n8n kept only in parsed form', async () => {
			const harness = trigger({ options: { maxBodyKb: 1 } });
			const big = { ...fx.wavComplete, padding: 'x'.repeat(1100) };
			expect((await post(harness, big)).status).toBe(413);
			expect((await post(harness, big, { withoutRawBody: true })).status).toBe(413);
			expect((await post(harness, fx.wavComplete, { withoutRawBody: true })).emitted).toHaveLength(1);
		});
	});

	describe('workflow run', () => {
		it('passes the emitted items on in the run, each paired to itself', async () => {
			const harness = trigger();
			const answer = await post(harness, fx.musicComplete);
			const run = await harness.execute(answer.emitted);
			expect(run.error).toBeUndefined();
			expect(run.output.map((item) => item.json)).toEqual(jsonOf(answer));
			expect(run.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(run.output.every((item) => item.binary === undefined)).toBe(true);
		});
	});
});
