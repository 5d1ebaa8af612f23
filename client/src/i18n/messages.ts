import account from '../account/messages';
import admin from '../admin/messages';
import api from '../api/messages';
import compare from '../compare/messages';
import initiative from '../initiative/messages';
import search from '../search/messages';
import standard from '../standard/messages';
import dashboard from '../dashboard/messages';
import exports from '../export/messages';
import map from '../map/messages';
import municipality from '../municipality/messages';
import solution from '../solution/messages';
import en from './en.json';
import nl from './nl.json';

/**
 * Every translation of the app. Shared texts live in nl.json / en.json; a feature with many
 * texts keeps its own `<feature>/messages.ts` (`{ nl: { <feature>: … }, en: { <feature>: … } }`)
 * under its own top-level key, and is listed here.
 */
const features: { nl: Record<string, unknown>; en: Record<string, unknown> }[] = [
  account,
  initiative,
  standard,
  compare,
  search,
  api,
  admin,
  dashboard,
  map,
  municipality,
  solution,
  exports,
];

export const messages = {
  nl: Object.assign({}, nl, ...features.map((f) => f.nl)) as typeof nl,
  en: Object.assign({}, en, ...features.map((f) => f.en)) as typeof nl,
};
