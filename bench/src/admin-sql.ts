import pg from 'pg';

/** Runs one statement on its own connection, e.g. CREATE or DROP DATABASE (which no pool or transaction may run). */
export async function adminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
