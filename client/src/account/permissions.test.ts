import { describe, expect, it } from 'vitest';
import { admin, cooperationEditor, editor, viewer } from './fixtures';
import { editRights, mayEdit } from './permissions';

describe('edit rights', () => {
  it('lets an admin and the municipality’s own editor do everything', () => {
    expect(editRights(admin, 'GM1966', [])).toEqual({ edit: true, mergerReview: true });
    expect(editRights(editor('GM1966'), 'gm1966', [])).toEqual({ edit: true, mergerReview: true });
  });

  it('lets a cooperation editor edit its members only, without the merger review', () => {
    expect(editRights(cooperationEditor('ssc-noord'), 'GM1966', ['ssc-noord'])).toEqual({
      edit: true,
      mergerReview: false,
    });
    expect(editRights(cooperationEditor('ssc-zuid'), 'GM1966', ['ssc-noord'])).toEqual({
      edit: false,
      mergerReview: false,
    });
  });

  it('gives viewers, other municipalities’ editors and anonymous visitors nothing', () => {
    for (const me of [viewer, editor('GM0363'), null]) {
      expect(editRights(me, 'GM1966', ['ssc-noord'])).toEqual({ edit: false, mergerReview: false });
      expect(mayEdit(me, 'GM1966')).toBe(false);
    }
  });
});
