import { DataModel1764547200000 } from './1764547200000-data-model.js';

/** Every migration, in order. TypeORM runs the ones it has not recorded yet. */
export const migrations = [DataModel1764547200000];
