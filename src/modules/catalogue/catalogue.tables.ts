/** Persisted shape of the catalogue tables (src/db/migrations/0006-catalogue.ts). */
import type { Generated } from 'kysely';

export interface CatalogueItemTable {
  id: Generated<number>;
  unit_id: number;
  position: number;
  level1: string;
  level2: string | null;
  content: string;
  basis: string | null;
  time_limit: string | null;
  publisher: string;
  /** JSON arrays of vocabulary values (catalogue.model.ts). */
  channels_json: string;
  audiences_json: string;
  ways_json: string;
  levels_json: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Where an item's information appears (columns of the publishing module). */
export interface CatalogueItemColumnTable {
  item_id: number;
  column_id: number;
}

export interface CatalogueTables {
  catalogue_items: CatalogueItemTable;
  catalogue_item_columns: CatalogueItemColumnTable;
}

// Joins these tables into the database type (src/db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface DB extends CatalogueTables {}
}
