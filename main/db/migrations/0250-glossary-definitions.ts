/** The glossary keeps a definition per term (TBX `descrip type="definition"`, kept on import and written on export). */
import type { Migration } from './types.js';

export const migration0250GlossaryDefinitions: Migration = {
  version: 250,
  name: 'glossary-definitions',
  up(db) {
    db.exec(`ALTER TABLE glossary_terms ADD COLUMN definition TEXT NOT NULL DEFAULT ''`);
  },
};
