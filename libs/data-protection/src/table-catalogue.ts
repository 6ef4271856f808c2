import type { EntityManager } from 'typeorm';

export interface TableShape {
  columns: Map<string, { dataType: string; nullable: boolean }>;
  primaryKey: string[];
}

/** The live schema of the public tables: columns with their type and nullability, and primary keys. */
export async function readTableCatalogue(m: EntityManager): Promise<Map<string, TableShape>> {
  const columns = (await m.query(
    `SELECT table_name, column_name, data_type, is_nullable = 'YES' AS nullable
       FROM information_schema.columns c
      WHERE table_schema = 'public'
        AND EXISTS (SELECT 1 FROM information_schema.tables t
                     WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')
      ORDER BY table_name, ordinal_position`,
  )) as { table_name: string; column_name: string; data_type: string; nullable: boolean }[];
  const keys = (await m.query(
    `SELECT cl.relname AS table_name, a.attname AS column_name
       FROM pg_index i
       JOIN pg_class cl ON cl.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary
      ORDER BY cl.relname, array_position(i.indkey, a.attnum)`,
  )) as { table_name: string; column_name: string }[];
  const catalogue = new Map<string, TableShape>();
  for (const c of columns) {
    let shape = catalogue.get(c.table_name);
    if (!shape) catalogue.set(c.table_name, (shape = { columns: new Map(), primaryKey: [] }));
    shape.columns.set(c.column_name, { dataType: c.data_type, nullable: c.nullable });
  }
  for (const k of keys) catalogue.get(k.table_name)?.primaryKey.push(k.column_name);
  return catalogue;
}

/** Quotes an identifier that comes from the schema or the coverage map (never from a request). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
