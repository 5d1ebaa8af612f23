import { describe, expect, it } from 'vitest';
import { boundaryYearFor } from './boundaries';
import { binColours, binIndex, equalBins } from './scale';

const YEARS = [2017, 2018, 2019, 2021, 2022, 2025];

describe('boundaryYearFor', () => {
  // Validity of the municipalities on the date, as the API gives them: the latest start and the
  // earliest end are what matter.
  const on2020 = [
    { validFrom: '2019-01-01', validTo: '2020-12-31' },
    { validFrom: null, validTo: null },
  ];
  const on2023 = [
    { validFrom: '2023-01-01', validTo: null },
    { validFrom: '2019-01-01', validTo: null },
  ];
  const on2018 = [{ validFrom: '2018-01-01', validTo: '2018-12-31' }];
  const afterWeesp = [{ validFrom: '2022-01-01', validTo: '2022-12-31' }];

  it('uses the set of the same year when there is one', () => {
    expect(boundaryYearFor('2018-06-01', YEARS, on2018)).toBe(2018);
  });

  it('draws 2020 with the 2019 set: nothing changed on 2020-01-01', () => {
    expect(boundaryYearFor('2020-05-01', YEARS, on2020)).toBe(2019);
  });

  it('draws 2023 and 2024 with the 2025 set: nothing changed after 2023-01-01', () => {
    expect(boundaryYearFor('2023-02-01', YEARS, on2023)).toBe(2025);
    expect(boundaryYearFor('2024-12-01', YEARS, on2023)).toBe(2025);
  });

  it('keeps the set of the year for a change within it (Weesp, 2022-03-24)', () => {
    expect(boundaryYearFor('2022-06-01', YEARS, afterWeesp)).toBe(2022);
  });

  it('falls back to the latest set of a year up to the date without validity data', () => {
    expect(boundaryYearFor('2020-05-01', YEARS)).toBe(2019);
    expect(boundaryYearFor('2016-05-01', YEARS)).toBe(2017);
    expect(boundaryYearFor('2026-01-01', YEARS)).toBe(2025);
    expect(boundaryYearFor('2020-05-01', [])).toBeNull();
  });
});

describe('colour scale', () => {
  it('puts values in five classes of 20 points, 1 in the last', () => {
    const bins = equalBins('nl');
    expect(bins.map((b) => b.label)).toEqual(['0% – 20%', '20% – 40%', '40% – 60%', '60% – 80%', '80% – 100%']);
    expect([0, 0.19, 0.2, 0.5, 0.99, 1].map((v) => binIndex(v, bins))).toEqual([0, 0, 1, 2, 4, 4]);
    expect(binIndex(null, bins)).toBeNull();
    expect(binIndex(undefined, bins)).toBeNull();
  });

  it('spreads fewer classes over the whole palette', () => {
    expect(binColours(2)).toEqual(['#fde725', '#440154']);
    expect(binColours(3)).toEqual(['#fde725', '#21918c', '#440154']);
  });
});
