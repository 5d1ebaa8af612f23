import { ReferenceDataError } from './errors.js';
import type { SourceDir } from './source.js';

export const TOOI_GEMEENTEN_FILE = 'tooi_rwc_gemeenten_compleet_4.json';
export const TOOI_PROVINCIES_FILE = 'tooi_rwc_provincies_compleet_1.json';

const ONT = 'https://identifier.overheid.nl/tooi/def/ont/';

export interface TooiOrganisation {
  uri: string;
  begindatum: string | null;
  einddatum: string | null;
}

type JsonLdNode = Record<string, unknown> & { '@id'?: unknown; '@type'?: unknown };

function firstValue(node: JsonLdNode, property: string): string | null {
  const values = node[ONT + property];
  if (!Array.isArray(values) || values.length === 0) return null;
  const v = (values[0] as { '@value'?: unknown })['@value'];
  return typeof v === 'string' ? v : null;
}

/**
 * The organisations of one type (Gemeente, Provincie) in a TOOI value list (JSON-LD), keyed by
 * upper-case organisation code (GM0363, PV20).
 */
async function readTooiList(source: SourceDir, file: string, type: string): Promise<Map<string, TooiOrganisation>> {
  const { value } = await source.readJson(file);
  if (!Array.isArray(value)) throw new ReferenceDataError(file, undefined, 'is not a JSON-LD array of TOOI nodes');
  const result = new Map<string, TooiOrganisation>();
  for (const node of value as JsonLdNode[]) {
    const types = node['@type'];
    if (!Array.isArray(types) || !types.includes(ONT + type)) continue;
    const uri = node['@id'];
    const code = firstValue(node, 'organisatiecode');
    if (typeof uri !== 'string' || !code) {
      throw new ReferenceDataError(
        file,
        undefined,
        `a ${type} node has no @id or organisatiecode (${JSON.stringify(uri)})`,
      );
    }
    result.set(code.toUpperCase(), {
      uri,
      begindatum: firstValue(node, 'begindatum'),
      einddatum: firstValue(node, 'einddatum'),
    });
  }
  if (result.size === 0) throw new ReferenceDataError(file, undefined, `holds no ${type} nodes`);
  return result;
}

export const readTooiGemeenten = (source: SourceDir) => readTooiList(source, TOOI_GEMEENTEN_FILE, 'Gemeente');
export const readTooiProvincies = (source: SourceDir) => readTooiList(source, TOOI_PROVINCIES_FILE, 'Provincie');
