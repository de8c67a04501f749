/** Types of test-database.mjs, a plain script the e2e launchers run with Node and the tests import. */
export interface CreatedDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function createDatabase(adminUrl: string, prefix?: string, options?: { template?: string }): Promise<CreatedDatabase>;
