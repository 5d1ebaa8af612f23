import type { OrganisationDef, RegionDef } from './types.js';

/** Networks and cooperations whose membership is public; members are current CBS codes. */
export const regions: RegionDef[] = [
  { kind: 'NETWORK', code: 'G4', name: 'G4', members: ['GM0363', 'GM0599', 'GM0518', 'GM0344'] },
  {
    kind: 'COOPERATION',
    code: 'DRECHTSTEDEN',
    name: 'Drechtsteden',
    members: ['GM0482', 'GM0505', 'GM0523', 'GM0531', 'GM0590', 'GM0610', 'GM0642'],
  },
  {
    kind: 'COOPERATION',
    code: 'HOLLAND-RIJNLAND',
    name: 'Holland Rijnland',
    members: [
      'GM0484',
      'GM0534',
      'GM0537',
      'GM0546',
      'GM0547',
      'GM0553',
      'GM0569',
      'GM0575',
      'GM0579',
      'GM0626',
      'GM0638',
      'GM1525',
      'GM1884',
    ],
  },
  {
    kind: 'COOPERATION',
    code: 'FOODVALLEY',
    name: 'Regio Foodvalley',
    members: ['GM0203', 'GM0228', 'GM0267', 'GM0279', 'GM0289', 'GM0339', 'GM0340', 'GM0345'],
  },
];

export const organisations: OrganisationDef[] = [
  // VNG and its bodies
  { slug: 'vng', name: 'Vereniging van Nederlandse Gemeenten (VNG)', kind: 'VNG', website: 'https://vng.nl' },
  { slug: 'vng-realisatie', name: 'VNG Realisatie', kind: 'VNG_REALISATIE', website: 'https://www.vngrealisatie.nl' },
  { slug: 'taskforce-samen-organiseren', name: 'Taskforce Samen Organiseren', kind: 'TASKFORCE' },
  { slug: 'cvd', name: 'College van Dienstverleningszaken (CvD)', kind: 'CVD' },
  {
    slug: 'ibd',
    name: 'Informatiebeveiligingsdienst voor gemeenten (IBD)',
    kind: 'IBD',
    website: 'https://www.informatiebeveiligingsdienst.nl',
  },
  // umbrella associations of municipal professionals
  { slug: 'vdp', name: 'Vereniging Directeuren Publieksdienstverlening (VDP)', kind: 'UMBRELLA_ASSOCIATION' },
  { slug: 'img-100000-plus', name: 'IMG 100.000+', kind: 'UMBRELLA_ASSOCIATION' },
  { slug: 'viag', name: 'VIAG', kind: 'UMBRELLA_ASSOCIATION' },
  { slug: 'famo', name: 'FAMO', kind: 'UMBRELLA_ASSOCIATION' },
  // government and chain partners
  { slug: 'logius', name: 'Logius', kind: 'GOVERNMENT', website: 'https://www.logius.nl' },
  {
    slug: 'forum-standaardisatie',
    name: 'Forum Standaardisatie',
    kind: 'GOVERNMENT',
    website: 'https://www.forumstandaardisatie.nl',
  },
  { slug: 'ministerie-bzk', name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', kind: 'GOVERNMENT' },
  {
    slug: 'rvig',
    name: 'Rijksdienst voor Identiteitsgegevens (RvIG)',
    kind: 'GOVERNMENT',
    website: 'https://www.rvig.nl',
  },
  { slug: 'kadaster', name: 'Kadaster', kind: 'GOVERNMENT', website: 'https://www.kadaster.nl' },
  { slug: 'koop', name: 'KOOP (Kennis- en Exploitatiecentrum Officiële Overheidspublicaties)', kind: 'GOVERNMENT' },
  { slug: 'geonovum', name: 'Geonovum', kind: 'GOVERNMENT', website: 'https://www.geonovum.nl' },
  { slug: 'inlichtingenbureau', name: 'Inlichtingenbureau', kind: 'CHAIN_PARTNER' },
  // international standards bodies
  { slug: 'w3c', name: 'World Wide Web Consortium (W3C)', kind: 'OTHER', website: 'https://www.w3.org' },
  { slug: 'openapi-initiative', name: 'OpenAPI Initiative', kind: 'OTHER', website: 'https://www.openapis.org' },
  { slug: 'oasis', name: 'OASIS Open', kind: 'OTHER', website: 'https://www.oasis-open.org' },
  { slug: 'iso', name: 'ISO', kind: 'OTHER', website: 'https://www.iso.org' },
  { slug: 'open-state-foundation', name: 'Open State Foundation', kind: 'OTHER', website: 'https://openstate.eu' },
  // suppliers
  { slug: 'maykin-media', name: 'Maykin Media', kind: 'SUPPLIER', website: 'https://www.maykinmedia.nl' },
  { slug: 'conduction', name: 'Conduction', kind: 'SUPPLIER', website: 'https://conduction.nl' },
  { slug: 'ritense', name: 'Ritense', kind: 'SUPPLIER', website: 'https://www.ritense.com' },
  { slug: 'delta10', name: 'Delta10', kind: 'SUPPLIER' },
  { slug: 'centric', name: 'Centric', kind: 'SUPPLIER' },
  { slug: 'pinkroccade-local-government', name: 'PinkRoccade Local Government', kind: 'SUPPLIER' },
  // cooperations
  { slug: 'dimpact', name: 'Dimpact', kind: 'COOPERATION', website: 'https://www.dimpact.nl' },
  { slug: 'drechtsteden', name: 'Drechtsteden', kind: 'COOPERATION', region: 'DRECHTSTEDEN' },
  { slug: 'holland-rijnland', name: 'Holland Rijnland', kind: 'COOPERATION', region: 'HOLLAND-RIJNLAND' },
  { slug: 'regio-foodvalley', name: 'Regio Foodvalley', kind: 'COOPERATION', region: 'FOODVALLEY' },
  // municipalities acting as maintainers
  { slug: 'gemeente-amsterdam', name: 'Gemeente Amsterdam', kind: 'OTHER', municipality: 'GM0363' },
  { slug: 'gemeente-delft', name: 'Gemeente Delft', kind: 'OTHER', municipality: 'GM0503' },
];
