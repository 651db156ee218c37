// Property and fuzz tests run with a fixed seed, so that a test run is reproducible and CI does not
// fail at random. ALMANAC_FUZZ_SEED=<n> picks another seed, ALMANAC_FUZZ_SEED=random a new one each
// run (printed by fast-check with any failure, so it can be replayed).
import fc from 'fast-check';

const setting = process.env.ALMANAC_FUZZ_SEED;
if (setting !== 'random') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: setting ? Number(setting) : 20261123 });
