import {
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type ColumnOptions,
  type ColumnType,
  type ObjectType,
  type ValueTransformer,
} from 'typeorm';

/**
 * The column kinds every entity repeats, one decorator each, so an entity reads as its columns and not as
 * TypeORM options: `@Db.Text({ nullable: true }) note!: string | null;`. Each is exactly the TypeORM
 * decorator it names (the schema and `npm run migration:check` see no difference); anything unusual is still
 * written with `@Column`.
 */
type TypedOptions = Omit<ColumnOptions, 'type'>;
const typed =
  (type: ColumnType) =>
  (options: TypedOptions = {}): PropertyDecorator =>
    Column({ type, ...options } as ColumnOptions);

/**
 * A many-to-one relation through a named foreign key: `fk` is the constraint's name as the migrations create
 * it. The key column is the one the entity also declares beside the relation: `case` joins on `case_id`
 * (`caseId`), the naming strategy's own default; name `column` only where the key column is called otherwise.
 */
function references<T>(
  target: string | (() => ObjectType<T>),
  join: { column?: string; fk: string; onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION' },
): PropertyDecorator {
  return (prototype, property) => {
    ManyToOne(target, { onDelete: join.onDelete })(prototype, property);
    JoinColumn({ name: join.column, foreignKeyConstraintName: join.fk })(prototype, property);
  };
}

/**
 * pg returns bigint and numeric as strings; amounts in minor units and scores stay well inside
 * Number.MAX_SAFE_INTEGER (the DTOs cap them), so the entity reads a number: `transformer: Db.asNumber`.
 */
const asNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** The same for an array column (bigint[]): numbers, and an empty list for NULL. */
const asNumberList: ValueTransformer = {
  to: (value: number[] | undefined) => value,
  from: (value: (string | number)[] | null): number[] => (value ?? []).map(Number),
};

export const Db = {
  Text: typed('text'),
  Varchar: typed('varchar'),
  Char: typed('char'),
  Uuid: typed('uuid'),
  Timestamp: typed('timestamptz'),
  Date: typed('date'),
  Integer: typed('integer'),
  Bigint: typed('bigint'),
  Boolean: typed('boolean'),
  Jsonb: typed('jsonb'),
  /** A uuid primary key the database generates. */
  UuidPrimaryKey: (): PropertyDecorator => PrimaryGeneratedColumn('uuid'),
  /** When the row was inserted (set by TypeORM on insert). */
  CreatedAt: (): PropertyDecorator => CreateDateColumn({ type: 'timestamptz' }),
  /** When the row last changed (set by TypeORM on every save). */
  UpdatedAt: (): PropertyDecorator => UpdateDateColumn({ type: 'timestamptz' }),
  /** The optimistic-lock version (the If-Match of the API), bumped by TypeORM on every save. */
  Version: (): PropertyDecorator => VersionColumn({ type: 'integer' }),
  References: references,
  asNumber,
  asNumberList,
};
