import type { StandardRow } from '../standard/standard.rows.js';

/** A municipality's LIVE count against its province and size-class peers (see PEER_SQL). */
export interface PeerRowData {
  municipality_id: number;
  live_count: number;
  province_code: string;
  province_name: string;
  size_class: string | null;
  province_peers: number;
  province_avg: number | null;
  province_median: number | null;
  size_peers: number;
  size_avg: number | null;
  size_median: number | null;
  solutions: PeerSolutionData[];
}

export interface PeerSolutionData {
  solution_id: number;
  slug: string;
  name: string;
  has_live: boolean;
  province_share: number | null;
  size_share: number | null;
}

export interface SummaryRowData {
  municipality_id: number;
  existed: boolean;
  considering: number;
  planned: number;
  implementing: number;
  live: number;
  retired: number;
  solution_count: number;
}

export interface ComplianceEntryData {
  municipality_id: number;
  standard: StandardRow;
  declared_status: string | null;
  explanation: string | null;
  deadline: string | null;
  provenance: string | null;
  last_confirmed_at: Date | null;
  /**
   * The ids of the LIVE solutions implementing the standard, comma-separated ('' for none): a text,
   * parsed only when `derivedFrom` is asked for (pg's int[] parser made ~13% of the bytes a
   * profile request allocated).
   */
  derived_solution_ids: string;
}

export interface ReuseRowData {
  solution_id: number;
  live_adopters: number;
  provinces_covered: number;
  corop_regions_covered: number;
  first_adoption: string | null;
  latest_adoption: string | null;
  estimated_saving: number | null;
}
