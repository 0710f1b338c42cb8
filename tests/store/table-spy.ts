/**
 * Test support: watch what one table hands out at Dexie's lowest layer (DBCore), whatever the
 * read above it (`get`, `bulkGet`, `where…primaryKeys()`, `toArray`), so a test can say how a
 * store reads (one page, exact keys) and fail when the read changes shape. Register before the
 * database opens.
 */
import type { DBCoreTable, Dexie } from 'dexie';

export function spyOnTable(
  db: Dexie,
  tableName: string,
  wrap: (table: DBCoreTable) => Partial<DBCoreTable>,
): void {
  db.use({
    stack: 'dbcore',
    name: `spy-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name === tableName ? { ...table, ...wrap(table) } : table;
      },
    }),
  });
}
