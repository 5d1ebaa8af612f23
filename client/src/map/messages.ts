/** Texts of the reusable municipality map (MunicipalityMap.vue). */
export default {
  nl: {
    map: {
      showTable: 'Toon als tabel',
      showMap: 'Toon als kaart',
      loading: 'Kaart laden…',
      error: 'De kaart kon niet worden geladen. De tabel toont dezelfde gegevens.',
      retry: 'Kaart opnieuw laden',
      instructions:
        'De kaart is één onderdeel: ga erheen met Tab, gebruik de pijltjestoetsen om van gemeente naar gemeente te gaan, Enter om het profiel te openen en Escape om te stoppen. Het zoekveld en de tabel geven dezelfde gegevens.',
      hint: 'Klik voor het gemeenteprofiel',
      noData: 'geen gegevens',
      legendNoData: 'Geen gegevens',
      announce: '{name} ({code}): {value}',
      attribution: '© Kadaster / CBS, CBS Gebiedsindelingen {year} (vereenvoudigd door cartomap/nl, CC BY 4.0)',
      search: {
        label: 'Zoek een gemeente op de kaart',
        submit: 'Zoeken',
        notFound: 'Geen gemeente gevonden voor "{query}".',
        result: '{name}: {value}.',
        open: 'Naar {name}',
      },
      table: {
        municipality: 'Gemeente',
        code: 'CBS-code',
      },
    },
  },
  en: {
    map: {
      showTable: 'Show as table',
      showMap: 'Show as map',
      loading: 'Loading map…',
      error: 'The map could not be loaded. The table shows the same data.',
      retry: 'Load map again',
      instructions:
        'The map is a single control: reach it with Tab, use the arrow keys to move from municipality to municipality, Enter to open its profile and Escape to stop. The search field and the table give the same data.',
      hint: 'Click for the municipality profile',
      noData: 'no data',
      legendNoData: 'No data',
      announce: '{name} ({code}): {value}',
      attribution: '© Kadaster / CBS, CBS Gebiedsindelingen {year} (simplified by cartomap/nl, CC BY 4.0)',
      search: {
        label: 'Find a municipality on the map',
        submit: 'Search',
        notFound: 'No municipality found for "{query}".',
        result: '{name}: {value}.',
        open: 'Go to {name}',
      },
      table: {
        municipality: 'Municipality',
        code: 'CBS code',
      },
    },
  },
};
