/**
 * npm run sandbox [-- --port 8123 --host 127.0.0.1 --idle 900 --upload-key 900 --data-dir DIR --log
 *                    --user email:password[:apiKey] ...]
 */
import { startSandbox, type SeedUser } from './index';

function parse(argv: string[]) {
	const o: { port?: number; host?: string; idle?: number; uploadKey?: number; dataDir?: string; log: boolean; users: SeedUser[] } = { log: false, users: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${a} needs a value`);
			return v;
		};
		switch (a) {
			case '--port': o.port = Number(next()); break;
			case '--host': o.host = next(); break;
			case '--idle': o.idle = Number(next()); break;
			case '--upload-key': o.uploadKey = Number(next()); break;
			case '--data-dir': o.dataDir = next(); break;
			case '--log': o.log = true; break;
			case '--user': {
				const v = next();
				const [email, password, apiKey] = v.split(':');
				if (!email || !password) throw new Error('--user takes email:password[:apiKey]');
				o.users.push({ email, password, apiKey });
				break;
			}
			case '-h':
			case '--help':
				console.log('npm run sandbox -- [--port N] [--host H] [--idle S] [--upload-key S] [--data-dir DIR] [--log] [--user email:password[:apiKey]]...');
				process.exit(0);
			default:
				throw new Error(`unknown option ${a}`);
		}
	}
	return o;
}

async function main(): Promise<void> {
	const o = parse(process.argv.slice(2));
	const sb = await startSandbox({
		port: o.port ?? 8123,
		host: o.host,
		sessionIdleSeconds: o.idle,
		uploadKeySeconds: o.uploadKey,
		dataDir: o.dataDir,
		log: o.log,
		users: o.users.length ? o.users.map((u, i) => ({ ...u, superAdmin: i === 0 })) : undefined,
	});
	console.log(`Quatrix sandbox listening on ${sb.url}`);
	console.log(`  API:      ${sb.url}/api/1.0`);
	console.log(`  control:  ${sb.url}/__sandbox/state`);
	for (const u of sb.state.users.values()) {
		const pw = u.id === sb.admin.id ? sb.admin.password : u.password;
		console.log(`  user:     ${u.email}  password: ${pw}  API key: ${u.apiKey}${u.mfa ? `  MFA ${u.mfa} code ${u.mfaCode}` : ''}`);
	}
	console.log(`  data dir: ${sb.state.dataDir}${o.dataDir ? '' : ' (removed on stop)'}`);
	console.log('Ctrl-C stops it.');
	const stop = () => {
		sb.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
