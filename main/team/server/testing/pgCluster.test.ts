import { describe, expect, it } from 'vitest';
import { pgBinDir } from './pgCluster.js';

describe('the test PostgreSQL binaries', () => {
  it('are found where Debian puts them, and their absence is an error naming the package (tests fail, never skip)', () => {
    expect(pgBinDir({})).toMatch(/\/usr\/lib\/postgresql\/\d+\/bin$/);
    expect(() => pgBinDir({ VERSO_PG_BIN: '/nonexistent/bin' })).toThrow(/initdb and pg_ctl were not found.*apt-get install postgresql/);
  });
});
