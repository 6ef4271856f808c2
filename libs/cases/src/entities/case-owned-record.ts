import { Db } from '@app/database';
import { Case } from './case.entity';

/**
 * What every record that belongs to one case starts with: its own uuid, the case's id, and the case through a
 * foreign key that deletes the record with the case. `fk` names that constraint as the table's migration
 * created it (`fk_<table>_case`). A base to extend, not an entity: the table, its other columns and its
 * indexes stay on the entity (`class ExportWin extends CaseOwnedRecord('fk_export_wins_case')`).
 */
export function CaseOwnedRecord(fk: string) {
  abstract class CaseOwned {
    @Db.UuidPrimaryKey() id!: string;

    @Db.Uuid() caseId!: string;

    @Db.References(() => Case, { fk, onDelete: 'CASCADE' })
    case?: Case;
  }
  return CaseOwned;
}
