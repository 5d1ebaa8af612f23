/**
 * Every TypeORM entity. They mirror the hand-written migrations in /migrations exactly:
 * `pnpm migrations:check` migrates an empty database and asks TypeORM for a migration, which
 * must come back empty.
 */
export const entities: Function[] = [];
