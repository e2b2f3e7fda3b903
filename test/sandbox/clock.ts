/**
 * The sandbox clock: epoch seconds as a float. Real time by default; `set()` freezes it at a value
 * (deterministic timestamps for tests), `advance()` moves it forward (frozen or not), `useRealTime()`
 * goes back to the wall clock. Session idle expiry, upload-key lifetime, file times and activity
 * timestamps all read this clock.
 */
export class SandboxClock {
	private frozen: number | undefined;
	private offset = 0;

	now(): number {
		return this.frozen ?? Date.now() / 1000 + this.offset;
	}

	advance(seconds: number): void {
		if (!Number.isFinite(seconds)) throw new Error('clock.advance: seconds must be a number');
		if (this.frozen !== undefined) this.frozen += seconds;
		else this.offset += seconds;
	}

	set(epochSeconds: number): void {
		if (!Number.isFinite(epochSeconds)) throw new Error('clock.set: epochSeconds must be a number');
		this.frozen = epochSeconds;
	}

	useRealTime(): void {
		this.frozen = undefined;
		this.offset = 0;
	}

	isFrozen(): boolean {
		return this.frozen !== undefined;
	}
}
