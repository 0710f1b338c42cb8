/**
 * The database's name, on its own so that a page's entry module can open the database raw
 * (store/first-rows.ts) without loading Dexie first.
 */
export const DB_NAME = 'engram';
