/** Messages between `npm run bench` (which runs the sandbox) and the measured worker process. */

export interface Credentials {
	url: string;
	email: string;
	password: string;
	apiKey: string;
}

export interface MemoryFigures {
	baseline_rss_mib: number;
	peak_rss_mib: number;
	/** peak RSS during the measured run minus RSS just before it */
	peak_rss_growth_mib: number;
	/** V8 heap growth, sampled every 50 ms */
	heap_growth_mib: number;
	peak_source: 'VmHWM' | 'sampled VmRSS';
}

export type Task =
	| {
			kind: 'upload';
			credentials: Credentials;
			filePath: string;
			fileName: string;
			size: number;
			warmupPath: string;
			folderId: string;
			/** 0 = the node's default */
			chunkMib: number;
			/** force a GC this often during the transfer (the memory guard: RSS then shows live memory only) */
			gcEveryMs?: number;
	  }
	| { kind: 'download'; credentials: Credentials; fileId: string; size: number; warmupFileId: string; verify: boolean; gcEveryMs?: number }
	| { kind: 'calls'; credentials: Credentials; fileIds: string[] }
	| { kind: 'listing'; credentials: Credentials; step: Record<string, unknown>; runs: number }
	| { kind: 'poll'; credentials: Credentials; nodeType: string; parameters: Record<string, unknown>; polls: number };

export interface UploadResult {
	ms: number;
	fileId: string;
	memory: MemoryFigures;
}
export interface DownloadResult {
	ms: number;
	bytes: number;
	sha256?: string;
	memory: MemoryFigures;
}
export interface CallsResult {
	items: number;
	preAuthCalls: number;
}
export interface ListingResult {
	runs: Array<{ ms: number; rows: number }>;
}
export interface PollResult {
	polls: number;
	emitted: number[];
}

export type WorkerMessage =
	| { type: 'ready' }
	| { type: 'mark'; id: number; label: string }
	| { type: 'result'; result: unknown }
	| { type: 'error'; message: string };
