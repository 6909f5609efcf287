/* eslint-disable */
/// <reference lib="dom" />
/**
 * Headless Debian Chromium (apt package `chromium`, installed by scripts/e2e/prepare-n8n.sh) driven by
 * puppeteer-core against a running n8n (see ./n8n.ts): sign in, open a workflow, open the node
 * creator from the canvas "+" handle, search, screenshot, and optionally open a node to list its
 * actions (operations).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network: no background requests, no sandbox (root), no GPU. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--no-default-browser-check',
	'--metrics-recording-only',
	'--password-store=basic',
];

export interface BrowserSession {
	browser: Browser;
	page: Page;
	userDataDir: string;
	close(): Promise<void>;
}

/** Launches Chromium with a fresh --user-data-dir (removed on close). */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<BrowserSession> {
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
		defaultViewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
	});
	const page = await browser.newPage();
	page.setDefaultTimeout(30000);
	return {
		browser,
		page,
		userDataDir,
		close: async () => {
			await browser.close().catch(() => undefined);
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Signs in through the /signin form (fields emailOrLdapLoginId / password, Enter to submit). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	const emailSel = 'input[name="emailOrLdapLoginId"]';
	await page.waitForSelector(emailSel, { visible: true });
	await page.type(emailSel, email);
	await page.type('input[name="password"]', password);
	await Promise.all([
		page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 30000 }),
		page.keyboard.press('Enter'),
	]);
}

/** Closes the onboarding/what's-new style modals that may cover the canvas. */
async function dismissOverlays(page: Page): Promise<void> {
	await page.keyboard.press('Escape').catch(() => undefined);
	for (const sel of ['[data-test-id="close-modal-button"]', '.el-dialog__headerbtn', '.el-message-box__headerbtn']) {
		const els = await page.$$(sel);
		for (const el of els) await el.click().catch(() => undefined);
	}
}

/** One entry of the node creator's list: name, description and the icon image it shows (if any). */
export interface CreatorEntry {
	name: string;
	description: string;
	/** `src` of the entry's icon <img> (file icons of community nodes), null for font icons. */
	icon: string | null;
}

/** name + description + icon of each entry of the node creator's current list (`item-iterator-item`). */
async function listEntries(page: Page): Promise<CreatorEntry[]> {
	return await page.$$eval('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]', (els) =>
		els
			.map((e) => {
				const clean = (x: Element | null) => (x?.textContent ?? '').replace(/\s+/g, ' ').trim();
				return {
					name: clean(e.querySelector('[data-test-id="node-creator-item-name"]')),
					description: clean(e.querySelector('[data-test-id="node-creator-item-description"]')),
					icon: e.querySelector('img')?.getAttribute('src') ?? null,
				};
			})
			.filter((x) => x.name.length > 0),
	);
}

/**
 * How the browser gets a session: either `cookies` (from `N8nRestClient.browserCookies()`, no UI
 * sign-in; preferred, /rest/login allows 5 logins per minute per email) or `email` + `password`
 * (typed into the /signin form).
 */
export interface BrowserAuth {
	baseUrl: string;
	email?: string;
	password?: string;
	cookies?: Array<{ name: string; value: string; url: string }>;
}

/** Signs in with cookies if given, else through the /signin form. */
export async function authenticate(page: Page, auth: BrowserAuth): Promise<void> {
	if (auth.cookies?.length) {
		await page.setCookie(...auth.cookies);
		return;
	}
	if (!auth.email || !auth.password) throw new Error('authenticate: pass cookies or email + password');
	await signIn(page, auth.baseUrl, auth.email, auth.password);
}

/** data-test-id values (with counts) under `root`: to find selectors after an n8n upgrade. */
export async function dumpTestIds(page: Page, root = 'body'): Promise<Record<string, number>> {
	return await page.$$eval(`${root} [data-test-id]`, (els) => {
		const out: Record<string, number> = {};
		for (const e of els) {
			const id = e.getAttribute('data-test-id') ?? '';
			out[id] = (out[id] ?? 0) + 1;
		}
		return out;
	});
}

export interface NodeSearchOptions extends BrowserAuth {
	/** Workflow to open (`/workflow/<id>`); without it a new workflow is opened. */
	workflowId?: string;
	/** Text typed into the node creator search bar. */
	search: string;
	/** PNG to write (folders are created). */
	outFile: string;
	/**
	 * Optional: display name of a node in the search results to click; the creator then lists the
	 * node's actions (operations), returned in `actions` and shown in `actionsFile` if given.
	 */
	openNode?: string;
	actionsFile?: string;
	width?: number;
	height?: number;
}

export interface NodeSearchResult {
	/** Names of the listed nodes, in order (`item-iterator-item` → `node-creator-item-name`). */
	items: string[];
	/** Same entries with their description (`node-creator-item-description`) and icon. */
	itemDetails: CreatorEntry[];
	/** Action (operation) names of `openNode`, if requested (e.g. "Get items"). */
	actions?: string[];
	outFile: string;
	actionsFile?: string;
	ms: number;
}

/**
 * Sign in → open workflow → click the canvas "+" handle (`canvas-handle-plus`; on an empty canvas
 * `canvas-add-button`, else the `node-creator-plus-button`) → type `search` into
 * `node-creator-search-bar` → screenshot. Returns the listed node names.
 */
export async function screenshotNodeSearch(opts: NodeSearchOptions): Promise<NodeSearchResult> {
	const t0 = Date.now();
	const session = await launchBrowser({ width: opts.width, height: opts.height });
	const { page } = session;
	try {
		await authenticate(page, opts);
		await page.goto(`${opts.baseUrl}/workflow/${opts.workflowId ?? 'new'}`, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector('.vue-flow, [data-test-id="canvas"], [data-test-id="canvas-wrapper"]', { visible: true });
		await dismissOverlays(page);

		const openers = ['[data-test-id="canvas-handle-plus"]', '[data-test-id="canvas-add-button"]', '[data-test-id="node-creator-plus-button"]', '[data-test-id="canvas-plus-button"]'];
		let opened = false;
		for (const sel of openers) {
			const el = await page.$(sel);
			if (!el) continue;
			const box = await el.boundingBox();
			if (!box) continue;
			// click the centre of the handle's box (SVG elements are not always "clickable" to puppeteer)
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			try {
				await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true, timeout: 5000 });
				opened = true;
				break;
			} catch {
				/* try the next opener */
			}
		}
		if (!opened) throw new Error('could not open the node creator (no "+" handle found)');

		// The search <input> has autofocus but slides in; focus it explicitly (no click: it may still move).
		const searchSel = '[data-test-id="node-creator-search-bar"]';
		await sleep(300);
		await page.focus(searchSel);
		await page.type(searchSel, opts.search, { delay: 20 });
		// results are filtered client-side; wait until a node item appears (or give it a moment)
		await page.waitForSelector('[data-test-id="node-creator-item-name"]', { visible: true, timeout: 10000 }).catch(() => undefined);
		await sleep(600);

		// park the mouse on empty canvas so no node shows its hover toolbar in the screenshot
		const vp = page.viewport();
		if (vp) await page.mouse.move(120, vp.height - 160, { steps: 5 });
		await sleep(200);
		fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
		await page.screenshot({ path: opts.outFile as `${string}.png` });
		// In 2.41 a search hit with actions is `node-creator-action-item`, one without is
		// `node-creator-node-item`; both sit in an `item-iterator-item` with name + description.
		const itemDetails = await listEntries(page);
		const items = itemDetails.map((x) => x.name);

		let actions: string[] | undefined;
		if (opts.openNode) {
			const names = await page.$$('[data-test-id="node-creator"] [data-test-id="item-iterator-item"] [data-test-id="node-creator-item-name"]');
			let clicked = false;
			for (const h of names) {
				const name = await h.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
				if (name === opts.openNode) {
					await h.click();
					clicked = true;
					break;
				}
			}
			if (!clicked) throw new Error(`node "${opts.openNode}" not in the search results: ${items.join(', ')}`);
			// The creator switches to the node's view: a "Actions (n)" category and one
			// item-iterator-item per action (operation).
			await page.waitForSelector('[data-test-id="node-creator-category-item"]', { visible: true, timeout: 10000 }).catch(() => undefined);
			await sleep(400);
			actions = (await listEntries(page)).map((x) => x.name);
			if (opts.actionsFile) {
				fs.mkdirSync(path.dirname(opts.actionsFile), { recursive: true });
				await page.screenshot({ path: opts.actionsFile as `${string}.png` });
			}
		}
		return { items, itemDetails, actions, outFile: opts.outFile, actionsFile: opts.actionsFile, ms: Date.now() - t0 };
	} finally {
		await session.close();
	}
}

/** Screenshot of a workflow's canvas (e.g. to show the node with its subtitle). */
export async function screenshotWorkflow(opts: BrowserAuth & { workflowId: string; outFile: string; width?: number; height?: number }): Promise<string> {
	const session = await launchBrowser(opts);
	try {
		await authenticate(session.page, opts);
		await session.page.goto(`${opts.baseUrl}/workflow/${opts.workflowId}`, { waitUntil: 'domcontentloaded' });
		await session.page.waitForSelector('[data-test-id="canvas-node"]', { visible: true });
		await dismissOverlays(session.page);
		await sleep(500);
		fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
		await session.page.screenshot({ path: opts.outFile as `${string}.png` });
		return opts.outFile;
	} finally {
		await session.close();
	}
}

const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));
