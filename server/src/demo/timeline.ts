import type { UptakeDef } from './catalogue/index.js';
import { toDay, type Random } from './random.js';

export type Status = 'CONSIDERING' | 'PLANNED' | 'IMPLEMENTING' | 'LIVE' | 'RETIRED';

export interface Step {
  status: Status;
  day: number;
  /** A step the merger inheritance will add (simulated here; never inserted by the generator). */
  inherited?: boolean;
}

/** How far along an adoption is, ranked as the merger inheritance ranks it (adoption/inheritance.ts). */
export const RANK: Record<string, number> = {
  RETRACTED: 0,
  RETIRED: 1,
  CONSIDERING: 2,
  PLANNED: 3,
  IMPLEMENTING: 4,
  LIVE: 5,
};

const YEAR = 365.25;

/** Where one municipality sits on a solution's curve. */
export interface Placement {
  launch: number;
  uptake: UptakeDef;
  /** Years earlier (negative) or later (positive) than the typical municipality. */
  shift: number;
  /** Probability that this municipality eventually goes live. */
  reach: number;
  /** The municipality developed the solution: live on the launch day. */
  origin: boolean;
  /** First day an event may have (the municipality's start, or open). */
  floor: number | null;
}

/**
 * The steps one municipality would take with one solution, before cutting at its validity and
 * the demo horizon: CONSIDERING → PLANNED → IMPLEMENTING → LIVE, sometimes RETIRED later; some
 * municipalities only consider or plan it and stop.
 */
export function planSteps(r: Random, p: Placement): Step[] {
  const adopt = p.origin || r.chance(p.reach);
  const stopper = !adopt && r.chance(0.1 + 0.15 * p.uptake.reach);
  if (!adopt && !stopper) return [];

  const x = 0.001 + 0.998 * r.next();
  const years = Math.max(0.1, p.uptake.half + p.shift + p.uptake.spread * Math.log(x / (1 - x)));
  let live = p.origin ? p.launch : p.launch + Math.round(years * YEAR);
  const implementing = r.int(45, 270);
  const planned = r.int(30, 180);
  const considering = r.int(30, 240);
  const floor = Math.max(p.launch - 180, p.floor === null ? -Infinity : p.floor + r.int(3, 60));

  // Too early (before the municipality existed, or long before launch): start later, keep the pace.
  live += Math.max(0, floor - (live - implementing - planned - considering));
  let c = live - implementing - planned - considering;
  let pl = live - implementing - planned;
  let im = live - implementing;
  live = Math.max(live, p.launch);
  if (p.origin) [c, pl, im] = [p.launch - 320, p.launch - 200, p.launch - 90];

  if (stopper) {
    const steps: Step[] = [{ status: 'CONSIDERING', day: c + Math.round(0.3 * (live - c)) }];
    if (r.chance(0.4)) steps.push({ status: 'PLANNED', day: (steps[0] as Step).day + r.int(60, 200) });
    return steps;
  }

  const steps: Step[] = [];
  if (p.origin || !r.chance(0.2)) steps.push({ status: 'CONSIDERING', day: c });
  steps.push({ status: 'PLANNED', day: pl }, { status: 'IMPLEMENTING', day: im }, { status: 'LIVE', day: live });
  if (!p.origin && r.chance(p.uptake.retire ?? 0.03)) {
    let retired = live + r.int(365, 5 * 365);
    if (p.uptake.retireAfter) retired = Math.max(retired, toDay(p.uptake.retireAfter) + r.int(0, 900));
    steps.push({ status: 'RETIRED', day: retired });
  }
  return steps;
}

/** Rank of the status in effect on `day` (inherited steps win ties), 0 when there is none. */
export function rankAt(steps: readonly Step[], day: number): number {
  let rank = 0;
  for (const s of steps) if (s.day <= day) rank = RANK[s.status] ?? 0;
  return rank;
}

/** Sorts by day, an inherited step after an own step on the same day (it gets the higher id). */
export const byDay = (a: Step, b: Step) => a.day - b.day || Number(Boolean(a.inherited)) - Number(Boolean(b.inherited));

/**
 * Applies a simulated inheritance of `status` on `day` to a successor's steps: the successor's
 * own later steps that do not go beyond what it inherited are dropped, so its history stays a
 * plausible progression (RETIRED is kept after LIVE).
 */
export function inherit(steps: readonly Step[], status: Status, day: number): Step[] {
  const before = steps.filter((s) => s.day < day);
  const after: Step[] = [];
  let current: Status = status;
  for (const s of steps.filter((s) => s.day >= day && !s.inherited)) {
    const keep = s.status === 'RETIRED' ? current === 'LIVE' : (RANK[s.status] ?? 0) > (RANK[current] ?? 0);
    if (!keep) continue;
    after.push({ status: s.status, day: Math.max(s.day, day + 1) });
    current = s.status;
  }
  return [...before, { status, day, inherited: true }, ...after].sort(byDay);
}
