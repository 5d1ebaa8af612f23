import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Provenance } from '../adoption/adoption.types.js';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';
import { DateScalar } from '../scalars.js';
import { ComplianceStatus, Standard } from '../standard/standard.types.js';
import { SIZE_CLASS_NAMES } from './uptake.types.js';
import type { ComplianceEntryData, PeerRowData, PeerSolutionData, SummaryRowData } from './profile.rows.js';

@ObjectType({
  description:
    'A municipality and one standard: what it declares (pas toe of leg uit) beside what its LIVE solutions imply, and whether the two disagree.',
})
export class ComplianceEntry {
  @Field(() => Standard, { description: 'The standard.' })
  standard: Standard;

  @Field(() => ComplianceStatus, {
    nullable: true,
    description: 'Declared status; null when the municipality declared nothing.',
  })
  declaredStatus: ComplianceStatus | null;

  @Field(() => String, { nullable: true, description: 'The declared "leg uit" reason, if any.' })
  explanation: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Declared deadline for PLANNED compliance.' })
  deadline: string | null;

  @Field(() => Provenance, { nullable: true, description: 'Who vouches for the declaration; null without one.' })
  provenance: Provenance | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the declaration was last confirmed; null without one.',
  })
  lastConfirmedAt: Date | null;

  @Field(() => ComplianceStatus, {
    nullable: true,
    description:
      'Derived status: COMPLIANT when the municipality has a solution LIVE today that implements the standard; null when nothing can be derived (which does not mean non-compliant).',
  })
  derivedStatus: ComplianceStatus | null;

  @Field(() => Boolean, {
    description: 'True when a declaration exists, the derived status is COMPLIANT and the declaration says otherwise.',
  })
  disagrees: boolean;

  /** `derived_solution_ids` of the row (see ComplianceEntryData). */
  private derivedIds = '';

  get derivedSolutionDbIds(): number[] {
    return this.derivedIds === '' ? [] : this.derivedIds.split(',').map(Number);
  }

  static from(row: ComplianceEntryData): ComplianceEntry {
    const derived = row.derived_solution_ids !== '' ? ComplianceStatus.COMPLIANT : null;
    const declared = row.declared_status as ComplianceStatus | null;
    return Object.assign(new ComplianceEntry(), {
      standard: Standard.from(row.standard),
      declaredStatus: declared,
      explanation: row.explanation,
      deadline: row.deadline,
      provenance: row.provenance as Provenance | null,
      lastConfirmedAt: row.last_confirmed_at,
      derivedStatus: derived,
      disagrees: declared !== null && derived !== null && declared !== derived,
      derivedIds: row.derived_solution_ids,
    });
  }
}

@ObjectType({ description: 'LIVE solution counts of a group of peer municipalities.' })
export class PeerGroupStats {
  @Field(() => String, { description: 'Key of the group: province code or size class.' })
  key: string;

  @Field(() => String, { description: 'Name of the group.' })
  name: string;

  @Field(() => Int, { description: 'Peers: the other municipalities of the group that existed on `asOf`.' })
  peerCount: number;

  @Field(() => Float, { nullable: true, description: 'Average number of LIVE solutions per peer; null without peers.' })
  averageLiveSolutionCount: number | null;

  @Field(() => Float, { nullable: true, description: 'Median number of LIVE solutions per peer; null without peers.' })
  medianLiveSolutionCount: number | null;
}

@ObjectType({
  description: 'One solution in a peer comparison: does the municipality have it, and how many of its peers do?',
})
export class PeerSolution {
  @Field(() => String, { description: 'Slug of the solution.' })
  solutionSlug: string;

  @Field(() => String, { description: 'Name of the solution.' })
  solutionName: string;

  @Field(() => Boolean, { description: 'True when the municipality has the solution LIVE on `asOf`.' })
  hasLive: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of its province peers with the solution LIVE; null without peers.',
  })
  provincePeerShare: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of its size-class peers with the solution LIVE; null without peers.',
  })
  sizeClassPeerShare: number | null;

  solutionDbId: number;

  static from(s: PeerSolutionData): PeerSolution {
    return Object.assign(new PeerSolution(), {
      solutionSlug: s.slug,
      solutionName: s.name,
      hasLive: s.has_live,
      provincePeerShare: s.province_share,
      sizeClassPeerShare: s.size_share,
      solutionDbId: s.solution_id,
    });
  }
}

@ObjectType({
  description:
    '"Gluren bij de buren": a municipality’s LIVE solutions against those of its peers in the same province and the same size class (peers exclude the municipality itself).',
})
export class PeerComparison {
  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => Int, { description: 'Solutions the municipality has LIVE on `asOf`.' })
  liveSolutionCount: number;

  @Field(() => PeerGroupStats, { description: 'Its province peers.' })
  province: PeerGroupStats;

  @Field(() => PeerGroupStats, {
    nullable: true,
    description: 'Its size-class peers; null when its population (and so its size class) is unknown.',
  })
  sizeClass: PeerGroupStats | null;

  @Field(() => [PeerSolution], {
    description:
      'Every solution the municipality or one of its peers has LIVE, most common among province peers first (then slug).',
  })
  solutions: PeerSolution[];

  static from(row: PeerRowData, asOf: string): PeerComparison {
    const stats = (key: string, name: string, n: number, avg: number | null, median: number | null) =>
      Object.assign(new PeerGroupStats(), {
        key,
        name,
        peerCount: n,
        averageLiveSolutionCount: avg,
        medianLiveSolutionCount: median,
      });
    return Object.assign(new PeerComparison(), {
      asOf,
      liveSolutionCount: row.live_count,
      province: stats(row.province_code, row.province_name, row.province_peers, row.province_avg, row.province_median),
      sizeClass: row.size_class
        ? stats(
            row.size_class,
            SIZE_CLASS_NAMES[row.size_class] ?? row.size_class,
            row.size_peers,
            row.size_avg,
            row.size_median,
          )
        : null,
      solutions: row.solutions.map(PeerSolution.from),
    });
  }
}

@ObjectType({ description: 'How many solutions a municipality has in each status on a date.' })
export class UptakeSummary {
  @Field(() => DateScalar, { description: 'The date the counts describe.' })
  asOf: string;

  @Field(() => Boolean, {
    description: 'Whether the municipality existed on `asOf`; counts of one that did not are still its own history.',
  })
  existed: boolean;

  @Field(() => Int, { description: 'Solutions it was CONSIDERING.' })
  considering: number;

  @Field(() => Int, { description: 'Solutions it had PLANNED.' })
  planned: number;

  @Field(() => Int, { description: 'Solutions it was IMPLEMENTING.' })
  implementing: number;

  @Field(() => Int, { description: 'Solutions it had LIVE.' })
  live: number;

  @Field(() => Int, { description: 'Solutions it had RETIRED.' })
  retired: number;

  @Field(() => Int, { description: 'Solutions in the catalogue.' })
  solutionCount: number;

  @Field(() => Float, { description: '`live` / `solutionCount`, between 0 and 1 (0 for an empty catalogue).' })
  liveShare: number;

  static from(row: SummaryRowData, asOf: string): UptakeSummary {
    return Object.assign(new UptakeSummary(), {
      asOf,
      existed: row.existed,
      considering: row.considering,
      planned: row.planned,
      implementing: row.implementing,
      live: row.live,
      retired: row.retired,
      solutionCount: row.solution_count,
      liveShare: row.solution_count > 0 ? row.live / row.solution_count : 0,
    });
  }
}
