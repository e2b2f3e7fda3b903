/**
 * A streaming ZIP writer (method 0 "store", UTF-8 names, CRC and sizes in data descriptors and in the
 * central directory). No ZIP64: archives over 4 GiB or 65,535 entries are refused up front.
 */
import { crc32 } from 'zlib';
import type { Readable, Writable } from 'stream';

export interface ZipEntry {
	/** path inside the archive; folders end with "/" */
	name: string;
	mtime: number;
	size: number;
	open?: () => Readable;
}

const LIMIT = 0xffffffff;

function dosTime(epochSeconds: number): { time: number; date: number } {
	const d = new Date(Math.max(epochSeconds, 315532800) * 1000); // not before 1980
	return {
		time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
		date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
	};
}

/** Bytes the archive will have; throws when it needs ZIP64. */
export function zipSize(entries: ZipEntry[]): number {
	let total = 22;
	for (const e of entries) {
		const n = Buffer.byteLength(e.name);
		total += 30 + n + e.size + 16 + 46 + n;
	}
	if (total > LIMIT || entries.length > 0xffff) throw new Error('archive needs ZIP64, which the sandbox does not write');
	return total;
}

export async function writeZip(out: Writable, entries: ZipEntry[]): Promise<void> {
	zipSize(entries);
	const central: Buffer[] = [];
	let offset = 0;
	const write = async (b: Buffer) => {
		offset += b.length;
		if (!out.write(b)) {
			await new Promise<void>((resolve) => {
				const done = () => {
					out.off('drain', done);
					out.off('close', done);
					resolve();
				};
				out.on('drain', done);
				out.on('close', done);
			});
		}
		if (out.destroyed) throw new Error('client went away');
	};
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const { time, date } = dosTime(e.mtime);
		const isDir = e.name.endsWith('/');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8
		local.writeUInt16LE(0, 8); // store
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(date, 12);
		// crc and sizes are 0 here (bit 3): they follow in the data descriptor
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		const headerOffset = offset;
		await write(Buffer.concat([local, name]));
		let crc = 0;
		let size = 0;
		if (!isDir && e.open) {
			for await (const c of e.open()) {
				const b = c as Buffer;
				crc = crc32(b, crc);
				size += b.length;
				await write(b);
			}
		}
		const dd = Buffer.alloc(16);
		dd.writeUInt32LE(0x08074b50, 0);
		dd.writeUInt32LE(crc >>> 0, 4);
		dd.writeUInt32LE(size, 8);
		dd.writeUInt32LE(size, 12);
		await write(dd);
		const c = Buffer.alloc(46);
		c.writeUInt32LE(0x02014b50, 0);
		c.writeUInt16LE(0x0314, 4); // made by: unix, 2.0
		c.writeUInt16LE(20, 6);
		c.writeUInt16LE(0x0808, 8);
		c.writeUInt16LE(0, 10);
		c.writeUInt16LE(time, 12);
		c.writeUInt16LE(date, 14);
		c.writeUInt32LE(crc >>> 0, 16);
		c.writeUInt32LE(size, 20);
		c.writeUInt32LE(size, 24);
		c.writeUInt16LE(name.length, 28);
		c.writeUInt16LE(0, 30); // extra
		c.writeUInt16LE(0, 32); // comment
		c.writeUInt16LE(0, 34); // disk
		c.writeUInt16LE(0, 36); // internal attrs
		c.writeUInt32LE(isDir ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, 38);
		c.writeUInt32LE(headerOffset, 42);
		central.push(c, name);
	}
	const cdStart = offset;
	const cd = Buffer.concat(central);
	await write(cd);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(cdStart, 16);
	await write(end);
}
