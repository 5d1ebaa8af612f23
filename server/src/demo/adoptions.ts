import type { AdoptionMode, SolutionDef } from './catalogue/index.js';
import type { MunicipalityRow, SuccessionRow } from './municipalities.js';
import { Random, timestampAt, toDay } from './random.js';
import { byDay, inherit, planSteps, rankAt, type Status, type Step } from './timeline.js';

/** The last effective date the demo histories reach. */
export const HORIZON = toDay('2026-06-30');

export interface DemoSolution {
  id: number;
  def: SolutionDef;
  /** Organisation that may declare on behalf of its customers (a supplier or cooperation). */
  declarerId: number | null;
  originId: number | null;
}

export interface DemoActors {
  cooperationOf: Map<number, number>;
  verifierId: number;
}

export interface DemoEvent {
  municipalityId: number;
  solutionId: number;
  status: Status;
  mode: AdoptionMode | null;
  day: number;
  recordedAt: string;
  actorOrganisationId: number | null;
  provenance: 'SELF_DECLARED' | 'SUPPLIER_DECLARED' | 'COOPERATION_DECLARED' | 'VERIFIED';
  notes: string | null;
}

const NOTES: Record<Status, string[]> = {
  CONSIDERING: ['Verkenning gestart met de afdeling Dienstverlening.', 'Besproken in het regionale informatieberaad.'],
  PLANNED: ['Opgenomen in de informatieplanning.', 'Collegebesluit genomen; budget gereserveerd.'],
  IMPLEMENTING: ['Implementatie met de leverancier gestart.', 'Koppelingen worden getest in de acceptatieomgeving.'],
  LIVE: ['In productie genomen.', 'Live na een pilot van drie maanden.'],
  RETIRED: [
    'Uitgefaseerd; vervangen door een andere voorziening.',
    'Afname beëindigd bij het aflopen van het contract.',
  ],
};

const log10 = Math.log10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Adoption histories for every (municipality, solution), from the seed alone: a logistic
 * diffusion per solution, earlier for larger municipalities, shifted per province and per
 * municipality. Events never fall outside a municipality's validity or after HORIZON, and a
 * successor's own history continues from what it will inherit from its predecessors.
 */
export function generateAdoptions(
  seed: number,
  municipalities: MunicipalityRow[],
  successions: SuccessionRow[],
  solutions: DemoSolution[],
  actors: DemoActors,
): DemoEvent[] {
  const root = new Random(seed);
  const provinceShift = new Map<string, number>();
  for (const code of [...new Set(municipalities.map((m) => m.provinceCode))].sort()) {
    provinceShift.set(code, root.fork(`province:${code}`).normal() * 0.5);
  }
  // Some municipalities are early adopters across the board.
  const eagerness = new Map(municipalities.map((m) => [m.id, root.fork(`eager:${m.code}`).normal() * 0.45]));

  const steps = new Map<string, Step[]>();
  const key = (m: number, s: number) => `${m}:${s}`;
  for (const sol of solutions) {
    const launch = toDay(sol.def.launchedOn);
    for (const m of municipalities) {
      const r = root.fork(`steps:${sol.def.slug}:${m.code}`);
      const size = log10((m.population ?? 12_000) / 25_000);
      const local = provinceShift.get(m.provinceCode) ?? 0;
      const planned = planSteps(r, {
        launch,
        uptake: sol.def.uptake,
        shift: clamp(-0.5 * size, -1, 0.8) + local + r.normal() * 0.25 + (eagerness.get(m.id) ?? 0),
        reach: clamp(sol.def.uptake.reach * (1 + 0.12 * size) - 0.05 * local, 0.01, 0.99),
        origin: sol.originId === m.id,
        floor: m.validFrom,
      });
      const last = Math.min(HORIZON, m.validTo ?? HORIZON);
      const kept = planned.filter((s) => s.day <= last && (m.validFrom === null || s.day >= m.validFrom));
      if (kept.length > 0) steps.set(key(m.id, sol.id), kept);
    }
  }

  // Simulate the merger inheritance in date order, so chains of reorganisations carry through.
  const groups = new Map<string, { successorId: number; day: number; predecessors: number[] }>();
  for (const s of successions) {
    const g = groups.get(`${s.successorId}:${s.day}`) ?? { successorId: s.successorId, day: s.day, predecessors: [] };
    g.predecessors.push(s.predecessorId);
    groups.set(`${s.successorId}:${s.day}`, g);
  }
  const ordered = [...groups.values()].sort((a, b) => a.day - b.day || a.successorId - b.successorId);
  for (const g of ordered) {
    for (const sol of solutions) {
      let best: { rank: number; status: Status } = { rank: 0, status: 'CONSIDERING' };
      for (const p of g.predecessors) {
        const ps = steps.get(key(p, sol.id)) ?? [];
        const rank = rankAt(ps, g.day - 1);
        const current = [...ps].reverse().find((s) => s.day <= g.day - 1);
        if (current && rank > best.rank) best = { rank, status: current.status };
      }
      const own = steps.get(key(g.successorId, sol.id)) ?? [];
      if (best.rank > rankAt(own, g.day - 1)) steps.set(key(g.successorId, sol.id), inherit(own, best.status, g.day));
    }
  }

  const events: DemoEvent[] = [];
  const byCode = [...municipalities].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const sol of solutions) {
    for (const m of byCode) {
      const own = (steps.get(key(m.id, sol.id)) ?? []).filter((s) => !s.inherited).sort(byDay);
      if (own.length === 0) continue;
      const r = root.fork(`meta:${sol.def.slug}:${m.code}`);
      const coop = actors.cooperationOf.get(m.id) ?? null;
      let mode: AdoptionMode | null = null;
      if (sol.def.uptake.modes) {
        const weights = { ...sol.def.uptake.modes };
        if (coop !== null && weights.VIA_COOPERATION !== undefined) weights.VIA_COOPERATION *= 3;
        mode = r.weighted(weights);
      }
      const declarer =
        coop !== null && r.chance(0.35)
          ? { provenance: 'COOPERATION_DECLARED' as const, actor: coop }
          : sol.declarerId !== null && r.chance(0.12)
            ? { provenance: 'SUPPLIER_DECLARED' as const, actor: sol.declarerId }
            : { provenance: 'SELF_DECLARED' as const, actor: null };
      for (const s of own) {
        const verified = s.status === 'LIVE' && r.chance(0.12);
        events.push({
          municipalityId: m.id,
          solutionId: sol.id,
          status: s.status,
          mode: s.status === 'CONSIDERING' ? null : mode,
          day: s.day,
          recordedAt: timestampAt(s.day + r.int(1, 14), 8 + r.next() * 9),
          actorOrganisationId: verified ? actors.verifierId : declarer.actor,
          provenance: verified ? 'VERIFIED' : declarer.provenance,
          notes: r.chance(0.1) ? r.pick(NOTES[s.status]) : null,
        });
      }
    }
  }
  return events;
}
