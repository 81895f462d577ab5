import { join } from 'node:path';

/** Where `npm start` keeps DynamoDB data and the token-signing key (git-ignored). */
export const LOCAL_DATA_DIR = process.env.LOCAL_DATA_DIR ?? join(process.cwd(), '.local');
