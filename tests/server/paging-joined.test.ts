import { describe, expect, it } from 'vitest';
import { joinedColumns, nest } from '../../server/src/columns.js';
import { MUNICIPALITY_COLUMNS } from '../../server/src/geography/geography.rows.js';

describe('rows joined to a page', () => {
  it('rewrites a column list for another alias, naming every output after its field', () => {
    expect(
      joinedColumns(`m.id, m.code AS cbs, coalesce(m.name, m.code) AS label, f(m.x, 1) AS y`, 'm', 'jm', 'town'),
    ).toBe(
      `jm.id AS "town.id", jm.code AS "town.cbs", coalesce(jm.name, jm.code) AS "town.label", f(jm.x, 1) AS "town.y"`,
    );
    // Every municipality column keeps its name, and no `m.` is left over (`jm.` would still match).
    const sql = joinedColumns(MUNICIPALITY_COLUMNS, 'm', 'jm', 'municipality');
    expect(sql).not.toMatch(/(^|[^j])m\./);
    expect(sql.match(/AS "municipality\.\w+"/g)).toHaveLength(MUNICIPALITY_COLUMNS.split(',').length);
    expect(sql).toContain(`municipality_size_class(jm.population) AS "municipality.size_class"`);
  });

  it('nests the dotted columns, leaving the others as they are', () => {
    const when = new Date('2025-01-01T00:00:00Z');
    expect(nest({ id: 1, at: when, 'm.id': 7, 'm.p.code': 'PV27', 'm.p.id': 3, 's.slug': null })).toEqual({
      id: 1,
      at: when,
      m: { id: 7, p: { code: 'PV27', id: 3 } },
      s: { slug: null },
    });
  });
});
