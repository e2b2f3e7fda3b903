/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Checks every request our nodes send against the official spec (test/setup/contract.ts).
	setupFilesAfterEnv: ['<rootDir>/test/setup/contract.ts', '<rootDir>/test/setup/fast-check.ts'],
	transform: {
		// isolatedModules (set in tsconfig.jest.json): transpile only, type-checking is `npm run typecheck`
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
	},
};
