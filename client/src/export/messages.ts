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
    },
  },
};
