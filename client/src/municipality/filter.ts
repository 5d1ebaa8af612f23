import type { MunicipalityFilter } from '../gql/graphql';

/** The filter as the form edits it: empty strings mean "no condition". */
export interface FilterForm {
  search: string;
  provinceCode: string;
  validOn: string;
}

export function toMunicipalityFilter(form: FilterForm): MunicipalityFilter {
  return {
    search: form.search.trim() || null,
    provinceCode: form.provinceCode || null,
    validOn: form.validOn || null,
  };
}
