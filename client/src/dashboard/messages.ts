/** Texts of the home page: the national uptake map with its time slider and key figures. */
export default {
  nl: {
    dashboard: {
      title: 'Gebruik van gezamenlijke oplossingen',
      intro:
        'Welke gemeente gebruikt welke gezamenlijke oplossing van Samen Organiseren, en sinds wanneer. Kies een oplossing of standaard en een datum; de kaart toont de gemeenten zoals ze toen bestonden.',
      controls: 'Wat de kaart toont',
      loading: 'Gegevens laden…',
      updating: 'Kaart en cijfers bijwerken…',
      shown: 'Cijfers en kaart op {date}.',
      error: 'De gebruikscijfers konden niet worden geladen. Probeer het later opnieuw.',
      retry: 'Opnieuw proberen',
      empty: 'Op deze datum zijn geen gemeenten bekend.',
      demo: {
        title: 'Demo-gegevens.',
        all: 'Alle gebruiksgegevens op deze pagina (welke gemeente welke oplossing gebruikt en sinds wanneer) zijn voor demonstratie gegenereerd en zeggen niets over echte gemeenten. Gemeenten, grenzen, oplossingen en standaarden zijn wel echt.',
        some: '{demo} van de {total} gebruiksregistraties zijn voor demonstratie gegenereerd; de cijfers op deze pagina tellen ze mee.',
      },
      select: {
        label: 'Kleur de kaart naar',
        hint: 'Alle oplossingen samen, één oplossing, of één standaard (via de live oplossingen die hem implementeren).',
        error:
          'De lijst met oplossingen en standaarden kon niet worden geladen; de kaart toont alle oplossingen samen.',
        all: 'Alle gezamenlijke oplossingen',
        solutions: 'Oplossingen',
        standards: 'Standaarden',
      },
      slider: {
        label: 'Peildatum',
        today: 'vandaag ({date})',
        now: 'vandaag',
        play: 'Afspelen',
        pause: 'Pauzeren',
      },
      figures: {
        title: 'Kerncijfers op {date}',
        municipalities: 'Gemeenten op {date}',
        share: 'Aandeel van de gemeenten',
        inUse: 'waarvan {count} ergens live',
        adopting: {
          all: 'Gemeenten met ten minste één oplossing live',
          solution: 'Gemeenten met {name} live',
          standard: 'Gemeenten met een live oplossing die {name} implementeert',
        },
        solutions: {
          all: 'Gezamenlijke oplossingen',
          solution: 'Gekozen oplossingen',
          standard: 'Oplossingen die {name} implementeren',
        },
      },
      map: {
        title: 'Kaart per gemeente',
        label: {
          all: 'Aandeel van de gezamenlijke oplossingen dat per gemeente live is, op {date}',
          solution: 'Gemeenten met {name} live op {date}',
          standard: 'Gemeenten die {name} toepassen via een live oplossing, op {date}',
        },
        legend: {
          all: 'Aandeel van de {count} oplossingen dat live is',
          solution: '{name}',
          standard: '{name} via een live oplossing',
        },
        solution: {
          no: 'Niet live',
          yes: 'Live',
        },
        standard: {
          no: 'Geen live oplossing',
          yes: 'Past toe via een live oplossing',
        },
        detailsHeader: 'Oplossingen live',
        detail: '{count} van {total} oplossingen live',
      },
      top: {
        title: 'Het dichtst bij "overal geïmplementeerd"',
        intro: 'De oplossingen met het grootste aandeel gemeenten waar ze live zijn, op {date}.',
        figure: '{count} van {total} gemeenten ({share})',
        loading: 'Oplossingen laden…',
        error: 'De ranglijst van oplossingen kon niet worden geladen.',
        empty: 'Er staan nog geen oplossingen in de catalogus.',
        all: 'Alle oplossingen',
      },
    },
  },
  en: {
    dashboard: {
      title: 'Use of shared solutions',
      intro:
        'Which municipality uses which shared solution of Samen Organiseren, and since when. Choose a solution or standard and a date; the map shows the municipalities as they existed then.',
      controls: 'What the map shows',
      loading: 'Loading data…',
      updating: 'Updating map and figures…',
      shown: 'Figures and map as of {date}.',
      error: 'The uptake figures could not be loaded. Please try again later.',
      retry: 'Try again',
      empty: 'No municipalities are known on this date.',
      demo: {
        title: 'Demo data.',
        all: 'All usage data on this page (which municipality uses which solution, and since when) is generated for demonstration and says nothing about real municipalities. Municipalities, boundaries, solutions and standards are real.',
        some: '{demo} of the {total} usage records are generated for demonstration; the figures on this page include them.',
      },
      select: {
        label: 'Colour the map by',
        hint: 'All solutions together, one solution, or one standard (through the live solutions that implement it).',
        error: 'The list of solutions and standards could not be loaded; the map shows all solutions together.',
        all: 'All shared solutions',
        solutions: 'Solutions',
        standards: 'Standards',
      },
      slider: {
        label: 'Reference date',
        today: 'today ({date})',
        now: 'today',
        play: 'Play',
        pause: 'Pause',
      },
      figures: {
        title: 'Key figures as of {date}',
        municipalities: 'Municipalities on {date}',
        share: 'Share of municipalities',
        inUse: 'of which {count} live somewhere',
        adopting: {
          all: 'Municipalities with at least one solution live',
          solution: 'Municipalities with {name} live',
          standard: 'Municipalities with a live solution implementing {name}',
        },
        solutions: {
          all: 'Shared solutions',
          solution: 'Selected solutions',
          standard: 'Solutions implementing {name}',
        },
      },
      map: {
        title: 'Map by municipality',
        label: {
          all: 'Share of the shared solutions live in each municipality, as of {date}',
          solution: 'Municipalities with {name} live as of {date}',
          standard: 'Municipalities applying {name} through a live solution, as of {date}',
        },
        legend: {
          all: 'Share of the {count} solutions that is live',
          solution: '{name}',
          standard: '{name} through a live solution',
        },
        solution: {
          no: 'Not live',
          yes: 'Live',
        },
        standard: {
          no: 'No live solution',
          yes: 'Applies it through a live solution',
        },
        detailsHeader: 'Solutions live',
        detail: '{count} of {total} solutions live',
      },
      top: {
        title: 'Closest to "implemented everywhere"',
        intro: 'The solutions live in the largest share of municipalities, as of {date}.',
        figure: '{count} of {total} municipalities ({share})',
        loading: 'Loading solutions…',
        error: 'The ranking of solutions could not be loaded.',
        empty: 'There are no solutions in the catalogue yet.',
        all: 'All solutions',
      },
    },
  },
};
