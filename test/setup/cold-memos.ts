import { beforeEach } from 'vitest';
import { resetMemos } from '../../src/core/index';

// Every test starts cold, as a fresh process does: a memo filled by an earlier test must not answer for this one
// (nor hide a planted bug from mutation testing, which re-runs tests in the same process).
beforeEach(() => {
  resetMemos();
});
