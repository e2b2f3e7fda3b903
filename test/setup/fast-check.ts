/**
 * Property-based tests: a random seed on developers' machines (new cases every run), a fixed one in CI so that a
 * submission is judged on the same cases every time. FC_SEED=<n> replays a failure seen elsewhere.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261203 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
