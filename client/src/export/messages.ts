/** Texts of the download links to the server's exports. */
export default {
  nl: {
    export: {
      csv: 'CSV',
      json: 'JSON',
      initiatives:
        'Download alle initiatieven met fase, indiener, aantal deelnemers, financiering en laatste besluit als open data:',
      initiativesName: 'initiatieven',
      standards:
        'Download alle standaarden met status, eigenaar, oplossingen die ze toepassen en de verklaringen van gemeenten als open data:',
      standardsName: 'standaarden',
      timeline: 'Download het verloop per maand als open data:',
      timelineName: 'verloop van {name}',
      comparison:
        'Dezelfde cijfers als open data, in een vast formaat voor hergebruik (één regel per regio en oplossing):',
      comparisonName: 'vergelijking',
      municipalities: 'Download alle gemeenten met CBS-code, provincie, inwonertal en geldigheid als open data:',
      municipalitiesName: 'gemeenten',
      solutions:
        'Download alle oplossingen met soort, levensfase, beheerder, licentie en aantal gemeenten dat ze gebruikt als open data:',
      solutionsName: 'oplossingen',
      municipalityAdoptions: 'Download de oplossingen van {name} met status en datum als open data:',
      municipalityAdoptionsName: 'oplossingen van {name}',
      solutionAdoptions:
        'Download alle gemeenten die {name} gebruiken of overwegen, met status en datum, als open data:',
      solutionAdoptionsName: 'gemeenten die {name} gebruiken',
      uptake: 'Download de cijfers per gemeente op {date} als open data:',
      uptakeName: 'gebruik per gemeente op {date}',
    },
  },
  en: {
    export: {
      csv: 'CSV',
      json: 'JSON',
      initiatives:
        'Download every initiative with its stage, submitter, number of participants, funding and latest decision as open data:',
      initiativesName: 'initiatives',
      standards:
        'Download every standard with its status, owner, the solutions that implement it and what municipalities declared, as open data:',
      standardsName: 'standards',
      timeline: 'Download the monthly development as open data:',
      timelineName: 'development of {name}',
      comparison: 'The same figures as open data, in a fixed format for reuse (one line per region and solution):',
      comparisonName: 'comparison',
      municipalities: 'Download every municipality with its CBS code, province, population and validity as open data:',
      municipalitiesName: 'municipalities',
      solutions:
        'Download every solution with its kind, lifecycle, maintainer, licence and number of municipalities using it as open data:',
      solutionsName: 'solutions',
      municipalityAdoptions: 'Download the solutions of {name} with status and date as open data:',
      municipalityAdoptionsName: 'solutions of {name}',
      solutionAdoptions:
        'Download every municipality that uses or considers {name}, with status and date, as open data:',
      solutionAdoptionsName: 'municipalities using {name}',
      uptake: 'Download the figures per municipality on {date} as open data:',
      uptakeName: 'uptake per municipality on {date}',
    },
  },
};
