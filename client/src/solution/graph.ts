import type { SolutionGraphQuery } from '../gql/graphql';

export type LinkKind = 'buildsOn' | 'derivedFrom';

export interface GraphNode {
  id: string;
  slug: string;
  name: string;
  /** 0 for the solution itself, 1 for its direct neighbours. */
  depth: number;
}

/** `source` builds on / is derived from `target` (ids). */
export interface GraphLink {
  source: string;
  target: string;
  kind: LinkKind;
}

export interface ReuseGraphData {
  nodes: GraphNode[];
  links: GraphLink[];
}

interface Ref {
  id: string;
  slug: string;
  name: string;
}
interface Linked extends Partial<Ref> {
  id: string;
  buildsOn: Ref[];
  builtOnBy: Ref[];
  derivedFrom: Ref[];
  derivatives: Ref[];
}

/**
 * The solution and its direct neighbours, with every link among them (also between two
 * neighbours), de-duplicated. Neighbours of neighbours stay out, so the graph shows exactly the
 * solutions the list alternative names.
 */
export function buildGraph(solution: NonNullable<SolutionGraphQuery['solution']>): ReuseGraphData {
  const neighbours: Linked[] = [
    ...solution.buildsOn,
    ...solution.builtOnBy,
    ...solution.derivedFrom,
    ...solution.derivatives,
  ];
  const nodes = new Map<string, GraphNode>([
    [solution.id, { id: solution.id, slug: solution.slug, name: solution.name, depth: 0 }],
  ]);
  for (const n of neighbours) {
    if (!nodes.has(n.id)) nodes.set(n.id, { id: n.id, slug: n.slug ?? n.id, name: n.name ?? n.id, depth: 1 });
  }

  const links = new Map<string, GraphLink>();
  const addLink = (source: string, target: string, kind: LinkKind) => {
    if (nodes.has(source) && nodes.has(target) && source !== target) {
      links.set(`${source}>${target}:${kind}`, { source, target, kind });
    }
  };
  for (const n of [solution as Linked, ...neighbours]) {
    for (const m of n.buildsOn) addLink(n.id, m.id, 'buildsOn');
    for (const m of n.builtOnBy) addLink(m.id, n.id, 'buildsOn');
    for (const m of n.derivedFrom) addLink(n.id, m.id, 'derivedFrom');
    for (const m of n.derivatives) addLink(m.id, n.id, 'derivedFrom');
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}
