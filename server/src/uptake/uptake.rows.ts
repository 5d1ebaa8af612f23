/** One group of an uptake figure as the SQL returns it. */
export interface UptakeRowData {
  is_total: boolean;
  group_key: string;
  group_name: string;
  municipality_id: number | null;
  municipality_count: number;
  adopting_count: number;
  adoption_count: number;
  solution_count: number;
  declared_count: number;
  compliant_count: number;
  /** number of selected solutions (all solutions when none were named) */
  selected_count: number;
}

/** One region × solution cell of the comparison matrix. */
export interface ComparisonCellData {
  solution_id: number;
  slug: string;
  name: string;
  adopting_count: number;
}

export interface ComparisonRowData {
  code: string;
  name: string;
  municipality_count: number;
  cells: ComparisonCellData[];
}

export interface TimelineRowData {
  period_start: string;
  period_end: string;
  municipality_count: number;
  considering: number;
  planned: number;
  implementing: number;
  live: number;
  retired: number;
}
