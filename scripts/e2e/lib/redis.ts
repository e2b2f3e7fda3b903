/** Debian's redis-server on 127.0.0.1 and a free port, nothing written to disk. */
import { join } from 'node:path';

import { freePort, runCommand, startProcess, tail, waitFor, type Managed } from './proc';

export async function startRedis(workDir: string): Promise<{ port: number; process: Managed }> {
	const port = await freePort();
	const redis = startProcess(
		'redis',
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', workDir],
		{ cwd: workDir, logFile: join(workDir, 'redis.log') },
	);
	let exitedWith: number | string | undefined;
	void redis.exited.then((code) => (exitedWith = code));
	await waitFor(
		'redis-server to answer PING',
		async () => (await runCommand('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { timeoutMs: 5000 })).stdout.includes('PONG'),
		{ timeoutMs: 20_000, failIf: () => (exitedWith !== undefined ? `redis-server exited ${exitedWith}\n${tail(redis.log())}` : undefined) },
	);
	return { port, process: redis };
}
